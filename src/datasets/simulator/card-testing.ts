import { automationUserAgents, browserUserAgents, deviceIdentifier, hashIdentifier } from './network-identity.js';
import { foreignCountry, hostingAddress, newSessionId, newUserId, onlineTransaction, residentialAddress, type OnlineWorld } from './online-world.js';
import { roundCents } from './plane.js';
import type { SeededRandom } from './seeded-random.js';
import type { SimulatedTransaction } from './simulated-transaction.js';

const dayMs = 86_400_000;
/** Mean number of card-testing attacks a day (for 5,000 customers). */
export const cardTestingAttacksPerDay = 0.5;
const declineReasons = ['card_declined', 'incorrect_cvc', 'do_not_honor', 'insufficient_funds'] as const;

/**
 * Velocity / card testing: a bot tries 2–4 stolen cards with 12–30 tiny payments (0.50–3.00)
 * at one merchant within minutes, from one device and IP (often a datacenter, often an automation
 * user agent). Most attempts are declined; every attempt is fraud.
 */
export class CardTestingScenario {
  constructor(
    private readonly world: OnlineWorld,
    private readonly random: SeededRandom,
  ) {}

  /** Generates the card-testing attacks of `day`. */
  generateDay(day: number, emit: (transaction: SimulatedTransaction) => void): void {
    for (let attack = this.random.poisson(cardTestingAttacksPerDay * this.world.rateScale); attack > 0; attack--) this.attack(day, emit);
  }

  private attack(day: number, emit: (transaction: SimulatedTransaction) => void): void {
    const random = this.random;
    const merchant = random.pick(this.world.merchants);
    const cards = Array.from({ length: random.integerBetween(2, 4) }, () => random.pick(this.world.customers));
    const address = random.chance(0.6) ? hostingAddress(random) : residentialAddress(random, foreignCountry(random, merchant.country));
    const deviceHash = hashIdentifier('device', deviceIdentifier(random));
    const userAgent = random.chance(0.7) ? random.pick(automationUserAgents) : random.pick(browserUserAgents);
    const userId = newUserId(random);
    const sessionId = newSessionId(random);
    let time = this.world.startMs + day * dayMs + random.integer(86_400 - 3600) * 1000;
    for (let attempt = random.integerBetween(12, 30); attempt > 0; attempt--) {
      time += random.integerBetween(3, 40) * 1000;
      const declined = random.chance(0.7);
      emit(
        onlineTransaction(
          {
            createdAt: time,
            amount: roundCents(random.uniform(0.5, 3)),
            direction: 'pay_in',
            channel: 'card',
            psp: merchant.psp,
            routeId: merchant.routeId,
            status: declined ? 'failed' : 'approved',
            statusReason: declined ? random.pick(declineReasons) : 'approved',
            sender: random.pick(cards),
            receiverId: merchant.id,
            receiverCountry: merchant.country,
            merchantId: merchant.id,
            userId,
            address,
            deviceHash,
            sessionId,
            userAgent,
          },
          'card_testing',
        ),
      );
    }
  }
}
