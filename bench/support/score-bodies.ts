/**
 * Realistic seed-003 scoring bodies for load: a population of senders, receivers and devices so
 * profiles grow as they would in production, each call a new tx_id.
 */
const channels = ['card', 'card', 'card', 'wallet', 'bank_transfer', 'pix'] as const;
const psps = ['stripe', 'adyen', 'checkout', 'airwallex'] as const;
const countries = ['US', 'GB', 'DE', 'BR', 'MX', 'SG'] as const;

/** A deterministic generator of scoring bodies. */
export class ScoreBodyFactory {
  private sequence = 0;
  private state: number;

  constructor(
    private readonly runId: string,
    seed = 7,
    private readonly senders = 5_000,
    private readonly receivers = 1_000,
  ) {
    this.state = seed >>> 0;
  }

  private random(): number {
    // mulberry32: small, fast, good enough for load shapes
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  private pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.random() * values.length)]!;
  }

  /** The next body as a JSON string. */
  next(): string {
    this.sequence += 1;
    const sender = Math.floor(this.random() * this.senders);
    const amount = Math.round(Math.exp(3 + this.random() * 3) * 100) / 100;
    return JSON.stringify({
      transaction: {
        tx_id: `${this.runId}-${this.sequence}`,
        created_at: new Date().toISOString(),
        amount,
        currency: 'USD',
        direction: 'pay_in',
        channel: this.pick(channels),
        psp: this.pick(psps),
        route_id: `route-${sender % 7}`,
        status: 'approved',
        status_reason: 'ok',
        fee_total: Math.round(amount * 2.9) / 100,
      },
      entities: {
        sender_entity_id: `cust-${sender}`,
        receiver_entity_id: `merch-${Math.floor(this.random() * this.receivers)}`,
        sender_country: this.pick(countries),
        receiver_country: this.pick(countries),
        device_id_hash: `dev-${sender}-${this.random() < 0.95 ? 0 : Math.floor(this.random() * 3)}`,
        ip_hash: `ip-${(sender * 7919) % 20_000}`,
        user_id: `user-${sender}`,
      },
    });
  }
}
