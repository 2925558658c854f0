/**
 * Realistic seed-003 scoring bodies for load: a population of senders, receivers and devices so
 * profiles grow as they would in production, each call a new tx_id.
 */
import { SeededRandom } from './seeded-random.js';

const channels = ['card', 'card', 'card', 'wallet', 'bank_transfer', 'pix'] as const;
const psps = ['stripe', 'adyen', 'checkout', 'airwallex'] as const;
const countries = ['US', 'GB', 'DE', 'BR', 'MX', 'SG'] as const;

/** A deterministic generator of scoring bodies. */
export class ScoreBodyFactory {
  private sequence = 0;
  private readonly random: SeededRandom;

  constructor(
    private readonly runId: string,
    seed = 7,
    private readonly senders = 5_000,
    private readonly receivers = 1_000,
  ) {
    this.random = new SeededRandom(seed);
  }

  /** The next body as a JSON string. */
  next(): string {
    this.sequence += 1;
    const sender = Math.floor(this.random.next() * this.senders);
    const amount = Math.round(Math.exp(3 + this.random.next() * 3) * 100) / 100;
    return JSON.stringify({
      transaction: {
        tx_id: `${this.runId}-${this.sequence}`,
        created_at: new Date().toISOString(),
        amount,
        currency: 'USD',
        direction: 'pay_in',
        channel: this.random.pick(channels),
        psp: this.random.pick(psps),
        route_id: `route-${sender % 7}`,
        status: 'approved',
        status_reason: 'ok',
        fee_total: Math.round(amount * 2.9) / 100,
      },
      entities: {
        sender_entity_id: `cust-${sender}`,
        receiver_entity_id: `merch-${Math.floor(this.random.next() * this.receivers)}`,
        sender_country: this.random.pick(countries),
        receiver_country: this.random.pick(countries),
        device_id_hash: `dev-${sender}-${this.random.next() < 0.95 ? 0 : Math.floor(this.random.next() * 3)}`,
        ip_hash: `ip-${(sender * 7919) % 20_000}`,
        user_id: `user-${sender}`,
      },
    });
  }
}
