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

/** The effective label among a transaction's labels, or undefined when it has none. */
export function effectiveLabel<T extends RankedLabel>(labels: readonly T[]): T | undefined {
  const rank = (source: string) => {
    const index = labelPrecedence.indexOf(source as LabelSource);
    return index === -1 ? labelPrecedence.length : index;
  };
  let best: T | undefined;
  for (const label of labels) {
    if (best === undefined) best = label;
    else {
      const byRank = rank(label.source) - rank(best.source);
      if (byRank < 0 || (byRank === 0 && label.labeled_at.getTime() > best.labeled_at.getTime())) best = label;
    }
  }
  return best;
}
