import { accountEventOverrideNames } from '../../contract/event-types.js';
import type { TransactionRecord } from '../../contract/transaction-record.js';

/** Why a simulated transaction is fraud; written as the `reason` of its label. */
export const fraudReasons = [
  'large_amount',
  'compromised_terminal',
  'compromised_card',
  'account_takeover',
  'device_sharing_ring',
  'datacenter_ip',
  'card_testing',
] as const;
/** One fraud pattern of the simulator. */
export type FraudReason = (typeof fraudReasons)[number];

/** A generated payment before it gets its tx_id (assigned in output order) and its label. */
export interface SimulatedTransaction {
  record: TransactionRecord;
  /** Undefined for a legitimate payment. */
  fraudReason: FraudReason | undefined;
}

/**
 * The feature overrides every simulated row carries. Contract files hold hashed IPs only, so the
 * network signals derived from the raw IP travel as these columns: `f_ip_is_hosting` (the IP
 * belongs to a hosting provider / datacenter) and `f_ip_country_mismatch` (the IP's country differs
 * from sender_country). Rows without an IP (card-present) carry 0 for both.
 */
export const simulatedOverrideNames = ['ip_is_hosting', 'ip_country_mismatch'] as const;

/**
 * The `f_` columns of a simulation: the network signals, and with the `accounts` scenario the
 * event-type overrides of account events (`f_event_type_code`, `f_is_account_event`; empty on
 * payments, which carry none, as on the scoring API).
 */
export function simulatedOverrideColumns(withAccountEvents: boolean): readonly string[] {
  return withAccountEvents ? [...simulatedOverrideNames, ...accountEventOverrideNames] : simulatedOverrideNames;
}

const networkSignals: readonly Readonly<Record<string, number>>[] = [
  Object.freeze({ ip_is_hosting: 0, ip_country_mismatch: 0 }),
  Object.freeze({ ip_is_hosting: 0, ip_country_mismatch: 1 }),
  Object.freeze({ ip_is_hosting: 1, ip_country_mismatch: 0 }),
  Object.freeze({ ip_is_hosting: 1, ip_country_mismatch: 1 }),
];

/** The (shared, frozen) override object for a pair of network signals. */
export function networkOverrides(isHosting: boolean, countryMismatch: boolean): Readonly<Record<string, number>> {
  return networkSignals[(isHosting ? 2 : 0) + (countryMismatch ? 1 : 0)]!;
}

const dayMs = 86_400_000;

/**
 * Holds generated transactions by day until the day is complete, so output can be written in
 * created_at order while generation runs day by day (a scenario may schedule rows on later days).
 */
export class DayBuckets {
  private readonly buckets = new Map<number, SimulatedTransaction[]>();

  constructor(private readonly startMs: number) {}

  /** Files a transaction under the day of its created_at. */
  add(transaction: SimulatedTransaction): void {
    const day = Math.floor((transaction.record.createdAt - this.startMs) / dayMs);
    let bucket = this.buckets.get(day);
    if (bucket === undefined) this.buckets.set(day, (bucket = []));
    bucket.push(transaction);
  }

  /** Removes and returns a day's transactions sorted by created_at (ties keep generation order). */
  take(day: number): SimulatedTransaction[] {
    const bucket = this.buckets.get(day) ?? [];
    this.buckets.delete(day);
    return bucket.sort((left, right) => left.record.createdAt - right.record.createdAt);
  }
}
