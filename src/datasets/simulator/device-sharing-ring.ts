import { browserUserAgents, deviceIdentifier, hashIdentifier } from './network-identity.js';
import { hostingAddress, newSessionId, newUserId, onlineTransaction, residentialAddress, type OnlineWorld } from './online-world.js';
import { roundCents } from './plane.js';
import type { SeededRandom } from './seeded-random.js';
import type { SimulatedTransaction } from './simulated-transaction.js';

const dayMs = 86_400_000;
/** Mean number of fraud rings starting a day (about one a week for 5,000 customers). */
export const ringsPerDay = 1 / 7;

/**
 * Device sharing: a fraud ring runs 8–15 freshly opened accounts from one device (and one or two
 * IPs), each paying 1–3 times at online merchants with a stolen card over the next three days
 * (fewer at the end of the simulated period).
 * Legitimate families share a device between two accounts; a ring's device serves many.
 */
export class DeviceSharingRingScenario {
  constructor(
    private readonly world: OnlineWorld,
    private readonly random: SeededRandom,
  ) {}

  /** Generates the payments of the rings that start on `day`. */
  generateDay(day: number, emit: (transaction: SimulatedTransaction) => void): void {
    for (let ring = this.random.poisson(ringsPerDay * this.world.rateScale); ring > 0; ring--) this.ring(day, emit);
  }

  private ring(day: number, emit: (transaction: SimulatedTransaction) => void): void {
    const random = this.random;
    const deviceHash = hashIdentifier('device', deviceIdentifier(random));
    const userAgent = random.pick(browserUserAgents);
    const ringCountry = random.pick(this.world.customers).country;
    const addresses = Array.from({ length: random.integerBetween(1, 2) }, () =>
      random.chance(0.4) ? hostingAddress(random) : residentialAddress(random, ringCountry),
    );
    const dayStart = this.world.startMs + day * dayMs;
    const activeSeconds = Math.min(3 * 86_400, (this.world.endMs - dayStart) / 1000);
    for (let account = random.integerBetween(8, 15); account > 0; account--) {
      const userId = newUserId(random);
      const card = random.pick(this.world.customers);
      for (let payment = random.integerBetween(1, 3); payment > 0; payment--) {
        const merchant = random.pick(this.world.merchants);
        const failed = random.chance(0.1);
        emit(
          onlineTransaction(
            {
              createdAt: dayStart + random.integer(activeSeconds) * 1000,
              amount: roundCents(random.uniform(80, 450)),
              direction: 'pay_in',
              channel: 'card',
              psp: merchant.psp,
              routeId: merchant.routeId,
              status: failed ? 'failed' : 'approved',
              statusReason: failed ? 'do_not_honor' : 'approved',
              sender: card,
              receiverId: merchant.id,
              receiverCountry: merchant.country,
              merchantId: merchant.id,
              userId,
              address: random.pick(addresses),
              deviceHash,
              sessionId: newSessionId(random),
              userAgent,
            },
            'device_sharing_ring',
          ),
        );
      }
    }
  }
}
