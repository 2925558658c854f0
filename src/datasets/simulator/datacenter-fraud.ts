import { browserUserAgents, deviceIdentifier, hashIdentifier } from './network-identity.js';
import { hostingAddress, newSessionId, newUserId, onlineTransaction, type OnlineWorld } from './online-world.js';
import { roundCents } from './plane.js';
import type { SeededRandom } from './seeded-random.js';
import type { SimulatedTransaction } from './simulated-transaction.js';

const dayMs = 86_400_000;
/** Mean number of datacenter fraud sessions a day (for 5,000 customers). */
export const datacenterSessionsPerDay = 1.2;

/**
 * Datacenter IP fraud: a stolen card used for 1–3 online purchases within the hour from a
 * hosting-provider IP (f_ip_is_hosting = 1, usually abroad: f_ip_country_mismatch = 1), through a
 * throw-away guest account on a new device. VPN users produce the legitimate hosting-IP traffic.
 */
export class DatacenterFraudScenario {
  constructor(
    private readonly world: OnlineWorld,
    private readonly random: SeededRandom,
  ) {}

  /** Generates the datacenter fraud sessions of `day`. */
  generateDay(day: number, emit: (transaction: SimulatedTransaction) => void): void {
    const random = this.random;
    for (let session = random.poisson(datacenterSessionsPerDay * this.world.rateScale); session > 0; session--) {
      const card = random.pick(this.world.customers);
      const address = hostingAddress(random);
      const deviceHash = hashIdentifier('device', deviceIdentifier(random));
      const userAgent = random.pick(browserUserAgents);
      const userId = newUserId(random);
      const sessionId = newSessionId(random);
      let time = this.world.startMs + day * dayMs + random.integer(86_400 - 3600) * 1000;
      for (let payment = random.integerBetween(1, 3); payment > 0; payment--) {
        time += random.integerBetween(30, 1200) * 1000;
        const merchant = random.pick(this.world.merchants);
        emit(
          onlineTransaction(
            {
              createdAt: time,
              amount: roundCents(random.uniform(50, 600)),
              direction: 'pay_in',
              channel: 'card',
              psp: merchant.psp,
              routeId: merchant.routeId,
              status: 'approved',
              statusReason: 'approved',
              sender: card,
              receiverId: merchant.id,
              receiverCountry: merchant.country,
              merchantId: merchant.id,
              userId,
              address,
              deviceHash,
              sessionId,
              userAgent,
            },
            'datacenter_ip',
          ),
        );
      }
    }
  }
}
