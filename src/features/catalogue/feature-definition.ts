import type { OnlineSignals, TransactionRecord } from '../../contract/transaction-record.js';
import type { TimeOfDay } from '../local-time.js';
import type { KycByEntity } from './party-kyc.js';
import type { NetworkObservation } from '../network/network-signals.js';
import type { UserAgentSignals } from '../network/user-agent.js';
import { snapshotIndex, type SnapshotField } from '../profile/snapshot-fields.js';

/** How a model should read a feature. */
export const featureTypes = ['numeric', 'binary', 'categorical-code'] as const;
/** numeric: a quantity; binary: 0/1; categorical-code: a stable integer code (see codes.ts). */
export type FeatureType = (typeof featureTypes)[number];

/** Everything a feature definition may read for one transaction, computed once per observe. */
export interface FeatureInput {
  readonly record: TransactionRecord;
  /** Raw profile aggregates before this transaction (`snapshotFieldNames` order). */
  readonly snapshot: Float64Array;
  /** Amount in USD (NaN when the currency has no rate and no fx_rate was sent). */
  readonly amountUsd: number;
  readonly time: TimeOfDay;
  /** Derived IP signals (online from the raw IP, or as stored), undefined without an IP. */
  readonly network: NetworkObservation | undefined;
  readonly userAgent: UserAgentSignals | undefined;
  readonly online: OnlineSignals | undefined;
  /** Ready KYC/KYB enrichments of the transaction's parties by entity id; undefined offline and when none is ready. */
  readonly kyc?: KycByEntity | undefined;
}

/** One feature of the catalogue. */
export interface FeatureDefinition {
  /** snake_case name, unique, never reused with another meaning. */
  readonly name: string;
  readonly type: FeatureType;
  /** What the value means, including its window and missing-value semantics. */
  readonly description: string;
  /** Stable explanation code, e.g. `SENDER_VELOCITY_1H`. */
  readonly reasonCode: string;
  /** Human sentence; `{value}` is replaced by the formatted value (see formatReason). */
  readonly reasonTemplate: string;
  /**
   * Sentences for values the template would state wrongly or emptily: `zero` for 0 ("no IP
   * address on record for this sender in the last 30 days", not "used 0 different IP addresses";
   * for a binary feature, the flag's negation), `missing` for a missing value (what is absent and
   * why). See formatReason.
   */
  readonly reasonCases?: { readonly zero?: string; readonly missing?: string };
  /** `percent`: the value is a share 0-1 and `{value}` is written as a percentage. */
  readonly valueFormat?: 'percent';
  /** Labels of categorical codes, for explanations. */
  readonly valueLabels?: Readonly<Record<number, string>>;
  /**
   * `false`: the engine computes the value, stores it with the decision and offers it to rules and
   * explanations, but `sentra train` does not give it to the models it fits (see
   * `modelFeatureNames`). For codes whose numbers carry no order or rate a split can use honestly.
   */
  readonly modelInput?: false;
  /** Computes the value; NaN when the signal is genuinely unavailable. */
  readonly compute: (input: FeatureInput) => number;
  /**
   * Set when the value is just a snapshot aggregate divided by `divisor`: the engine then copies it
   * in one tight loop instead of calling `compute` (same result).
   */
  readonly source?: { readonly snapshotIndex: number; readonly divisor: number };
}

/** The `compute` and `source` of a feature that is a snapshot aggregate divided by `divisor`. */
export type SnapshotCopy = Pick<FeatureDefinition, 'compute' | 'source'>;

/** Index of a snapshot field by name; throws at module load on a typo. */
export function snapshotField(name: string): number {
  const index = (snapshotIndex as Readonly<Record<string, number>>)[name];
  if (index === undefined) throw new Error(`unknown snapshot field ${name}`);
  return index;
}

/** A feature whose value is one snapshot field as is. */
export function fromSnapshot(name: SnapshotField | string): SnapshotCopy {
  const index = snapshotField(name);
  return { compute: (input) => input.snapshot[index]! / 1, source: { snapshotIndex: index, divisor: 1 } };
}

/** A feature reading a snapshot sum of USD cents, in USD. */
export function usdFromCents(name: SnapshotField | string): SnapshotCopy {
  const index = snapshotField(name);
  return { compute: (input) => input.snapshot[index]! / 100, source: { snapshotIndex: index, divisor: 100 } };
}

/** `numerator / denominator`, NaN when the denominator is 0 or either is NaN. */
export function ratio(numerator: number, denominator: number): number {
  return denominator > 0 || denominator < 0 ? numerator / denominator : Number.NaN;
}

/** 1 / 0 for a boolean, NaN for undefined. */
export function flag(value: boolean | undefined): number {
  return value === undefined ? Number.NaN : value ? 1 : 0;
}

/** Window suffixes used in names, and how explanations say them. */
export const windowPhrases = { '1h': 'the last hour', '24h': 'the last 24 hours', '7d': 'the last 7 days', '30d': 'the last 30 days', '1d': 'the last day' } as const;

/** A window suffix. */
export type WindowName = keyof typeof windowPhrases;

/** Labels of a code table, inverted for explanations. */
export function labelsOf(codes: Readonly<Record<string, number>>): Readonly<Record<number, string>> {
  const labels: Record<number, string> = {};
  for (const [label, code] of Object.entries(codes)) labels[code] ??= label;
  return labels;
}
