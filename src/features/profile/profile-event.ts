import { entityRoles, ringFields } from './ring-fields.js';

/**
 * What a profile store needs from one transaction: who is involved (by role), when, and the
 * values it adds to each ring field. Built by the feature engine from a `TransactionRecord`.
 */
export interface ProfileEvent {
  readonly tenantId: string;
  readonly txId: string;
  /** Event time in ms since the epoch; all windows are relative to it. */
  readonly createdAt: number;
  /** Entity id per role in `entityRoles` order; undefined when the transaction has none. */
  readonly entityIds: readonly (string | undefined)[];
  /** One value per `ringFields` entry. */
  readonly contribution: Float64Array;
  /** Geolocation of the request (degrees), NaN when unknown. */
  readonly latitude: number;
  readonly longitude: number;
  /** Country of the request's IP address (ISO 3166-1 alpha-2, upper case); undefined when unknown. */
  readonly ipCountry?: string | undefined;
  /**
   * The event changes the sender's account (a password reset or an account update): its time
   * becomes the sender's `lastAccountChangeAt`. Absent on payments.
   */
  readonly accountChange?: boolean | undefined;
}

/**
 * A label folded into the label counters of the transaction's sender and receiver. A change of an
 * earlier label is the pair (-1 for the old value, +1 for the new one), see `labelDeltas`.
 */
export interface LabelEvent {
  readonly tenantId: string;
  /** Creation time of the labeled transaction: selects the bucket the label is counted in. */
  readonly transactionCreatedAt: number;
  /** When the label became known. */
  readonly labeledAt: number;
  readonly senderId: string;
  readonly receiverId: string;
  readonly fraudDelta: number;
  readonly labeledDelta: number;
}

/** Inputs of a contribution vector; amounts that cannot be converted to USD contribute 0. */
export interface ContributionInput {
  readonly amountUsd: number;
  /** Local hour of day as a fraction in [0, 24). */
  readonly localHour: number;
}

/**
 * The integer values one transaction adds to its profiles' rings: 1, the amount in whole USD cents,
 * the square of the amount in dimes (0.1 USD)², and the sine and cosine of the local time-of-day
 * angle in millionths. Integers keep window totals exact (a square stays exact up to about
 * 9·10¹⁵ dimes² per window: 90 payments of 1M USD).
 */
export function buildContribution(input: ContributionInput): Float64Array {
  return writeContribution(input.amountUsd, input.localHour, new Float64Array(ringFields.length));
}

/** {@link buildContribution} into an existing vector (the label fields are left as they are). */
export function writeContribution(amountUsd: number, localHour: number, contribution: Float64Array): Float64Array {
  const cents = Number.isFinite(amountUsd) ? Math.round(amountUsd * 100) : 0;
  const angle = (2 * Math.PI * localHour) / 24;
  contribution[0] = 1;
  contribution[1] = cents;
  contribution[2] = Math.round((cents / 10) * (cents / 10));
  contribution[3] = Math.round(Math.sin(angle) * 1_000_000);
  contribution[4] = Math.round(Math.cos(angle) * 1_000_000);
  return contribution;
}

/** Entity ids in role order from named ids. */
export function entityIdsByRole(ids: {
  sender: string;
  receiver: string;
  device: string | undefined;
  ip: string | undefined;
  session: string | undefined;
}): (string | undefined)[] {
  return entityRoles.map((role) => {
    const id = ids[role];
    return id === undefined || id === '' ? undefined : id;
  });
}
