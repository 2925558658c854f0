import { eventTypeOverrides, type AccountEventType } from '../../contract/event-types.js';
import { browserUserAgents, deviceIdentifier, hashIdentifier } from './network-identity.js';
import type { OnlineSession, OnlineUser } from './online-users.js';
import { foreignCountry, hostingAddress, newSessionId, residentialAddress, type OnlineMerchant, type OnlineWorld } from './online-world.js';
import type { SeededRandom } from './seeded-random.js';
import type { FraudReason, SimulatedTransaction } from './simulated-transaction.js';

const dayMs = 86_400_000;
/** Share of ordinary sessions that start with a login (the others reuse a remembered login). */
export const sessionLoginShare = 0.6;
/** Ordinary password resets per online user and day. */
export const passwordResetsPerUserDay = 0.003;
/** Ordinary account updates (e-mail, phone, address, payout details) per online user and day. */
export const accountUpdatesPerUserDay = 0.005;
/** Share of takeovers that, once in, buy at the victim's usual merchants with the stored card instead of paying out. */
export const takeoverPurchaseShare = 0.4;

/**
 * The account events of the online users (scenario `accounts`), as the event API maps them for the
 * engine (src/merchants/event-request.ts): amount 0, route `event:<type>`, the merchant as receiver,
 * the IP's country as sender and receiver country (so `f_ip_country_mismatch` is 0, as for a located
 * IP on the API), the type as `f_event_type_code` / `f_is_account_event`, and the session's device,
 * IP, session id and user agent; the sender is the card holder, as in the user's payments. A user's
 * first session in the period starts with the signup, later ones with a login 60% of the time;
 * ordinary password resets and account updates come now and then, sometimes from a new device. Its
 * own PRNG stream: the payments of the other scenarios are the same with or without it.
 */
export class AccountEvents {
  /** When each user signed up (their first session in the period). */
  private readonly signedUp = new Map<string, number>();

  constructor(
    private readonly world: OnlineWorld,
    private readonly users: readonly OnlineUser[],
    private readonly random: SeededRandom,
  ) {}

  /** The events before a legitimate payment's session: the signup the first time, else maybe a login. */
  sessionStarts(session: OnlineSession, emit: (transaction: SimulatedTransaction) => void): void {
    const firstSession = !this.signedUp.has(session.user.userId);
    if (!firstSession && !this.random.chance(sessionLoginShare)) return;
    // Within the session's day, and after the signup (an earlier session of the same day).
    const earliest = Math.max(this.dayStart(session.createdAt), (this.signedUp.get(session.user.userId) ?? 0) + 1000);
    const createdAt = Math.min(session.createdAt, Math.max(earliest, session.createdAt - this.random.integerBetween(15, 900) * 1000));
    if (firstSession) this.signedUp.set(session.user.userId, createdAt);
    emit(accountEvent(firstSession ? 'signup' : 'login_attempt', { ...session, createdAt }, undefined));
  }

  /**
   * A takeover's start (`createdAt` is its first second): the fraudster's login from the new device
   * and IP, then a password reset 60% of the time and an account update (the e-mail or payout
   * details) half of the time, all labelled `account_takeover`, within the 40 seconds before the
   * payouts begin.
   */
  takeoverStarts(session: OnlineSession, emit: (transaction: SimulatedTransaction) => void): void {
    emit(accountEvent('login_attempt', session, 'account_takeover'));
    if (this.random.chance(0.6)) emit(accountEvent('password_reset', { ...session, createdAt: session.createdAt + this.random.integerBetween(5, 20) * 1000 }, 'account_takeover'));
    if (this.random.chance(0.5)) emit(accountEvent('account_update', { ...session, createdAt: session.createdAt + this.random.integerBetween(21, 40) * 1000 }, 'account_takeover'));
  }

  /**
   * Where a takeover spends, drawn from this stream: one of the victim's usual merchants, paid by
   * card like the victim's own purchases (`takeoverPurchaseShare` of takeovers), or undefined for
   * payouts to mule accounts.
   */
  takeoverShop(user: OnlineUser): OnlineMerchant | undefined {
    return this.random.chance(takeoverPurchaseShare) ? this.random.pick(user.favouriteMerchants) : undefined;
  }

  /** The ordinary password resets (each followed by a login 70% of the time) and account updates of `day`. */
  generateDay(day: number, emit: (transaction: SimulatedTransaction) => void): void {
    const dayStart = this.world.startMs + day * dayMs;
    const random = this.random;
    for (const user of this.users) {
      if (!((this.signedUp.get(user.userId) ?? dayStart) < dayStart)) continue;
      for (let reset = random.poisson(passwordResetsPerUserDay); reset > 0; reset--) {
        const session = this.ordinarySession(user, dayStart);
        emit(accountEvent('password_reset', session, undefined));
        const loginAt = session.createdAt + random.integerBetween(30, 600) * 1000;
        if (random.chance(0.7) && loginAt < dayStart + dayMs) emit(accountEvent('login_attempt', { ...session, createdAt: loginAt }, undefined));
      }
      for (let update = random.poisson(accountUpdatesPerUserDay); update > 0; update--) emit(accountEvent('account_update', this.ordinarySession(user, dayStart), undefined));
    }
  }

  /** A session of the user's own: a known device (a new one 10% of the time), mostly the home IP, in the day or evening. */
  private ordinarySession(user: OnlineUser, dayStart: number): OnlineSession {
    const random = this.random;
    const device = random.chance(0.1) ? { hash: hashIdentifier('device', deviceIdentifier(random)), userAgent: random.pick(browserUserAgents) } : random.pick(user.devices);
    const draw = random.next();
    const country = user.customer.country;
    const address = user.usesVpn && draw < 0.5 ? hostingAddress(random) : draw < 0.85 ? user.home : residentialAddress(random, draw < 0.97 ? country : foreignCountry(random, country));
    const second = Math.min(86_399, Math.max(0, Math.trunc(random.normal(61_200, 14_000))));
    return { createdAt: dayStart + second * 1000, user, address, device, sessionId: newSessionId(random), merchantId: undefined };
  }

  private dayStart(time: number): number {
    return this.world.startMs + Math.floor((time - this.world.startMs) / dayMs) * dayMs;
  }
}

/** The record of one account event (see {@link AccountEvents} for how it mirrors the event API). */
export function accountEvent(type: AccountEventType, session: OnlineSession, fraudReason: FraudReason | undefined): SimulatedTransaction {
  const merchantId = session.merchantId ?? session.user.favouriteMerchants[0]!.id;
  const country = session.address.country;
  return {
    fraudReason,
    record: {
      txId: '',
      createdAt: session.createdAt,
      amount: 0,
      currency: 'USD',
      fxRate: undefined,
      direction: 'pay_in',
      channel: 'card',
      psp: 'partner',
      routeId: `event:${type}`,
      status: 'pending',
      statusReason: `${type} event`,
      feeTotal: 0,
      senderEntityId: session.user.customer.id,
      receiverEntityId: merchantId,
      senderCountry: country,
      receiverCountry: country,
      userId: session.user.userId,
      merchantId,
      ipHash: session.address.hash,
      deviceIdHash: session.device.hash,
      sessionId: session.sessionId,
      userAgent: session.device.userAgent,
      overrides: { ip_is_hosting: session.address.hosting ? 1 : 0, ip_country_mismatch: 0, ...eventTypeOverrides(type) },
    },
  };
}
