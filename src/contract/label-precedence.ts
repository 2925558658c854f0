import type { LabelSource } from './enums.js';

/**
 * When sources disagree, the effective label of a transaction comes from the most authoritative
 * source that labelled it: a chargeback (the network's final word on the money) over an analyst's
 * verdict (a person reviewed it) over a partner's report over an early fraud warning (a fast but
 * noisy signal). Within one source, the latest `labeled_at` wins. Every label is kept.
 */
export const labelPrecedence: readonly LabelSource[] = ['chargeback', 'analyst', 'partner', 'early_fraud_warning'];

/** A stored label, as far as precedence cares. */
export interface RankedLabel {
  source: string;
  label: string;
  labeled_at: Date;
}

/** A source's place in {@link labelPrecedence}: lower wins; an unknown source ranks last. */
export function labelRank(source: string): number {
  const index = labelPrecedence.indexOf(source as LabelSource);
  return index === -1 ? labelPrecedence.length : index;
}

/** True when label `a` (source, labeled_at in ms) takes precedence over label `b`. */
export function outranks(a: { source: string; labeledAtMs: number }, b: { source: string; labeledAtMs: number }): boolean {
  const byRank = labelRank(a.source) - labelRank(b.source);
  return byRank < 0 || (byRank === 0 && a.labeledAtMs > b.labeledAtMs);
}

/** The effective label among a transaction's labels, or undefined when it has none. */
export function effectiveLabel<T extends RankedLabel>(labels: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const label of labels) {
    if (best === undefined || outranks({ source: label.source, labeledAtMs: label.labeled_at.getTime() }, { source: best.source, labeledAtMs: best.labeled_at.getTime() })) best = label;
  }
  return best;
}
