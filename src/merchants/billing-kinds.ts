/** Services a merchant pays for per call (the `feeType` of a billing item). */
export const billableServices = ['SENTRY', 'EVENTS', 'PIPELINE'] as const;
/** One billable service. */
export type BillableService = (typeof billableServices)[number];

/**
 * What a usage line records: a call paid, a charge given back (a fee of a version before migration
 * 0077 whose call never stored its decision, or given back by that version), money added.
 */
export const usageKinds = ['charge', 'refund', 'top_up'] as const;
/** One kind of usage line. */
export type UsageKind = (typeof usageKinds)[number];
