import type { Channel } from '../../contract/enums.js';
import type { AccountEvents } from './account-events.js';
import { browserUserAgents, deviceIdentifier, hashIdentifier } from './network-identity.js';
import type { OnlineUser } from './online-users.js';
import { foreignCountry, hostingAddress, newSessionId, onlineTransaction, residentialAddress, type OnlineWorld } from './online-world.js';
import { regionCountries, roundCents } from './plane.js';
import type { SeededRandom } from './seeded-random.js';
import type { SimulatedTransaction } from './simulated-transaction.js';

const dayMs = 86_400_000;
/** Mean number of account takeovers a day (for 5,000 customers). */
export const accountTakeoversPerDay = 0.8;
const payoutChannels: readonly Channel[] = ['bank_transfer', 'wallet', 'crypto_offramp'];

/**
 * Account takeover: a fraudster logs into a real user's account from a new device and a new IP
 * (a datacenter 30% of the time, otherwise abroad), usually at night (with the `accounts` scenario
 * the login, often a password reset and an account update are rows too), and in one session sends 2–5
 * payouts of several times the user's usual amount to mule accounts that are new to the user
 * (mules are reused across victims now and then, as real mule networks are). With the `accounts`
 * scenario, some takeovers instead buy at the victim's usual merchants with the stored card
 * (`takeoverPurchaseShare`): the same amounts, session, device and IP, but a receiver the victim
 * knows, so only the session's signals (the new device, the IP, the hour, the account change just
 * before) tell them apart from the victim's own purchases.
 */
export class AccountTakeoverScenario {
  private readonly mules: { id: string; country: string }[] = [];

  constructor(
    private readonly world: OnlineWorld,
    private readonly users: readonly OnlineUser[],
    private readonly random: SeededRandom,
    /** With the `accounts` scenario: the takeover's login, reset and update (their own PRNG stream). */
    private readonly accountEvents?: AccountEvents,
  ) {}

  /** Generates the takeovers that start on `day`. */
  generateDay(day: number, emit: (transaction: SimulatedTransaction) => void): void {
    if (this.users.length === 0) return;
    const random = this.random;
    for (let event = random.poisson(accountTakeoversPerDay * this.world.rateScale); event > 0; event--) {
      const victim = random.pick(this.users);
      let time = this.world.startMs + day * dayMs + random.integer(5 * 3600) * 1000;
      const address = random.chance(0.3) ? hostingAddress(random) : residentialAddress(random, foreignCountry(random, victim.customer.country));
      const deviceHash = hashIdentifier('device', deviceIdentifier(random));
      const userAgent = random.pick(browserUserAgents);
      const sessionId = newSessionId(random);
      const receivers = Array.from({ length: random.integerBetween(1, 2) }, () => this.mule(time));
      const shop = this.accountEvents?.takeoverShop(victim);
      this.accountEvents?.takeoverStarts({ createdAt: time, user: victim, address, device: { hash: deviceHash, userAgent }, sessionId, merchantId: shop?.id }, emit);
      for (let payment = random.integerBetween(2, 5); payment > 0; payment--) {
        time += random.integerBetween(45, 600) * 1000;
        // Every draw is made whatever the takeover buys, so this stream (and the mules it opens) is
        // the same with or without the account events' choice of shop.
        const psp = random.chance(0.5) ? ('airwallex' as const) : ('partner' as const);
        const receiver = random.pick(receivers);
        const amount = roundCents(Math.max(150, victim.customer.meanAmount * random.uniform(3, 12)));
        const channel = random.pick(payoutChannels);
        const common = { createdAt: time, amount, sender: victim.customer, userId: victim.userId, address, deviceHash, sessionId, userAgent };
        const spending =
          shop === undefined
            ? { direction: 'payout' as const, channel, psp, routeId: `${psp}-${victim.customer.country.toLowerCase()}-payout`, status: 'completed' as const, statusReason: 'paid', receiverId: receiver.id, receiverCountry: receiver.country, merchantId: undefined }
            : { direction: 'pay_in' as const, channel: 'card' as const, psp: shop.psp, routeId: shop.routeId, status: 'approved' as const, statusReason: 'approved', receiverId: shop.id, receiverCountry: shop.country, merchantId: shop.id };
        emit(onlineTransaction({ ...common, ...spending }, 'account_takeover'));
      }
    }
  }

  /** A mule account: a recent one 30% of the time, otherwise a new one opened days before. */
  private mule(time: number): { id: string; country: string } {
    const random = this.random;
    if (this.mules.length > 0 && random.chance(0.3)) {
      return this.mules[this.mules.length - 1 - random.integer(Math.min(10, this.mules.length))]!;
    }
    const id = `acc_${random.hex(12)}`;
    const country = random.pick(regionCountries);
    this.world.entities.add({ entityId: id, entityType: 'individual', country, createdAt: time - random.integerBetween(1, 20) * dayMs, name: undefined });
    const mule = { id, country };
    this.mules.push(mule);
    return mule;
  }
}
