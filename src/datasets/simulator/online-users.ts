import { browserUserAgents, deviceIdentifier, hashIdentifier } from './network-identity.js';
import {
  foreignCountry,
  hostingAddress,
  newSessionId,
  newUserId,
  onlineTransaction,
  residentialAddress,
  type NetworkAddress,
  type OnlineMerchant,
  type OnlineWorld,
} from './online-world.js';
import { roundCents, type CustomerProfile } from './plane.js';
import type { SeededRandom } from './seeded-random.js';
import type { SimulatedTransaction } from './simulated-transaction.js';

const dayMs = 86_400_000;

/** A card holder who also pays online: an account, devices, a home IP and habits. */
export interface OnlineUser {
  customer: CustomerProfile;
  userId: string;
  devices: { hash: string; userAgent: string }[];
  home: NetworkAddress;
  /** Routes part of the traffic through a VPN: legitimate hosting IPs. */
  usesVpn: boolean;
  transactionsPerDay: number;
  favouriteMerchants: OnlineMerchant[];
  /** The user's own bank account, the receiver of legitimate payouts. */
  payoutAccountId: string;
}

/** Share of customers with online activity. */
export const onlineCustomerShare = 0.35;

function newDevice(random: SeededRandom): { hash: string; userAgent: string } {
  return { hash: hashIdentifier('device', deviceIdentifier(random)), userAgent: random.pick(browserUserAgents) };
}

/**
 * The legitimate online population and its daily payments: card-not-present purchases and wallet
 * payments at favourite merchants, mostly in the evening, from the user's own devices and home IP,
 * and payouts to the user's own account. It includes the honest look-alikes of the fraud patterns:
 * VPN users on hosting IPs, travellers with a foreign IP, a new phone now and then, and family
 * devices shared by two accounts.
 */
/** Where and how a user (or someone in their account) is online: what every event of a session shares. */
export interface OnlineSession {
  createdAt: number;
  user: OnlineUser;
  address: NetworkAddress;
  device: { hash: string; userAgent: string };
  sessionId: string;
  /** The merchant the session is at: the one paid, else the user's own account platform. */
  merchantId: string | undefined;
}

/** What starts each online session with its account events (the `accounts` scenario's AccountEvents). */
export interface SessionStarts {
  sessionStarts(session: OnlineSession, emit: (transaction: SimulatedTransaction) => void): void;
}

export class OnlineUsers {
  readonly users: OnlineUser[] = [];
  /** With the `accounts` scenario: the signups and logins that start the sessions (its own PRNG stream). */
  private accountEvents: SessionStarts | undefined;

  constructor(
    private readonly world: OnlineWorld,
    private readonly random: SeededRandom,
  ) {
    for (const customer of world.customers) {
      if (!random.chance(onlineCustomerShare)) continue;
      const devices = [newDevice(random)];
      if (random.chance(0.2)) devices.push(newDevice(random));
      const sharedFrom = this.users.length > 0 && random.chance(0.05) ? random.pick(this.users) : undefined;
      if (sharedFrom !== undefined) devices.push(sharedFrom.devices[0]!);
      const payoutAccountId = `acc_${random.hex(12)}`;
      const createdAt = world.startMs - random.integerBetween(30, 2000) * dayMs;
      world.entities.add({ entityId: payoutAccountId, entityType: 'individual', country: customer.country, createdAt, name: undefined });
      this.users.push({
        customer,
        userId: newUserId(random),
        devices,
        home: residentialAddress(random, customer.country),
        usesVpn: random.chance(0.04),
        transactionsPerDay: random.uniform(0.02, 0.4),
        favouriteMerchants: Array.from({ length: random.integerBetween(3, 6) }, () => random.pick(world.merchants)),
        payoutAccountId,
      });
    }
  }

  /** Starts each session of a later day with the account events of `accountEvents`. */
  startSessionsWith(accountEvents: SessionStarts): void {
    this.accountEvents = accountEvents;
  }

  /** Generates the legitimate online payments of `day` (and, with account events, what starts their sessions). */
  generateDay(day: number, emit: (transaction: SimulatedTransaction) => void): void {
    const dayStart = this.world.startMs + day * dayMs;
    for (const user of this.users) {
      const count = this.random.poisson(user.transactionsPerDay);
      if (count === 0) continue;
      // In time order, so that the first session of a user is their earliest.
      const seconds = Array.from({ length: count }, () => this.secondOfDay()).sort((left, right) => left - right);
      for (const second of seconds) emit(this.payment(user, dayStart + second * 1000, emit));
    }
  }

  private secondOfDay(): number {
    for (let attempt = 0; attempt < 8; attempt++) {
      const second = Math.trunc(this.random.normal(68_400, 16_000));
      if (second >= 0 && second < 86_400) return second;
    }
    return this.random.integer(86_400);
  }

  private address(user: OnlineUser): NetworkAddress {
    if (user.usesVpn && this.random.chance(0.6)) return hostingAddress(this.random);
    const draw = this.random.next();
    if (draw < 0.9) return user.home;
    if (draw < 0.98) return residentialAddress(this.random, user.customer.country);
    return residentialAddress(this.random, foreignCountry(this.random, user.customer.country));
  }

  private payment(user: OnlineUser, createdAt: number, emit: (transaction: SimulatedTransaction) => void): SimulatedTransaction {
    let device = this.random.pick(user.devices);
    if (this.random.chance(0.03)) {
      device = newDevice(this.random);
      user.devices.push(device);
    }
    const common = {
      createdAt,
      sender: user.customer,
      userId: user.userId,
      address: this.address(user),
      deviceHash: device.hash,
      sessionId: newSessionId(this.random),
      userAgent: device.userAgent,
    };
    const session = { createdAt, user, address: common.address, device, sessionId: common.sessionId };
    const failed = this.random.chance(0.03);
    if (this.random.chance(0.1)) {
      const psp = this.random.chance(0.5) ? 'airwallex' : 'partner';
      this.accountEvents?.sessionStarts({ ...session, merchantId: undefined }, emit);
      return onlineTransaction(
        {
          ...common,
          amount: roundCents(this.random.uniform(50, 400)),
          direction: 'payout',
          channel: 'bank_transfer',
          psp,
          routeId: `${psp}-${user.customer.country.toLowerCase()}-payout`,
          status: failed ? 'failed' : 'completed',
          statusReason: failed ? 'account_closed' : 'paid',
          receiverId: user.payoutAccountId,
          receiverCountry: user.customer.country,
          merchantId: undefined,
        },
        undefined,
      );
    }
    const merchant = this.random.chance(0.85) ? this.random.pick(user.favouriteMerchants) : this.random.pick(this.world.merchants);
    this.accountEvents?.sessionStarts({ ...session, merchantId: merchant.id }, emit);
    let amount = this.random.normal(user.customer.meanAmount, user.customer.standardDeviation);
    if (amount < 0) amount = this.random.uniform(0, user.customer.meanAmount * 2);
    return onlineTransaction(
      {
        ...common,
        amount: roundCents(amount),
        direction: 'pay_in',
        channel: this.random.chance(0.8) ? 'card' : 'wallet',
        psp: merchant.psp,
        routeId: merchant.routeId,
        status: failed ? 'failed' : 'approved',
        statusReason: failed ? 'insufficient_funds' : 'approved',
        receiverId: merchant.id,
        receiverCountry: merchant.country,
        merchantId: merchant.id,
      },
      undefined,
    );
  }
}
