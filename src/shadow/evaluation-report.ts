import type { EvaluationReport } from '../contract/evaluation.js';
import type { Thresholds } from '../scoring/thresholds.js';
import type { Merchant } from '../merchants/merchant.repository.js';
import type { EvaluationFigures, OperatingPoint } from './evaluation.js';
import type { ModeChange } from './mode-changes.js';

/** The cut-offs a report shows: the thresholds in force, then alternatives every 100 points. */
export function reportCutoffs(thresholds: Thresholds): { name: string; cutoff: number }[] {
  return [
    { name: 'review_at', cutoff: thresholds.reviewAt },
    { name: 'hold_at', cutoff: thresholds.holdAt },
    { name: 'block_at', cutoff: thresholds.blockAt },
    ...Array.from({ length: 9 }, (_, index) => ({ name: `alternative_${(index + 1) * 100}`, cutoff: (index + 1) * 100 })),
  ];
}

const pointView = (point: Omit<OperatingPoint, 'name' | 'cutoff'>) => ({
  flagged: point.flagged,
  review_rate: point.reviewRate,
  fraud_caught: point.fraudCaught,
  fraud_caught_usd: point.fraudCaughtUsd,
  false_positives: point.falsePositives,
  precision: point.precision,
  recall: point.recall,
  chargeback_avoided_usd: point.chargebackAvoidedUsd,
});

/** The report's public form. */
export function evaluationReport(input: {
  merchant: Merchant;
  from: Date;
  to: Date;
  generatedAt: Date;
  thresholds: Thresholds;
  thresholdSource: 'merchant' | 'tenant';
  changes: readonly ModeChange[];
  figures: EvaluationFigures;
}): EvaluationReport {
  const { figures } = input;
  return {
    merchant_id: input.merchant.merchantId,
    merchant_name: input.merchant.name,
    mode: input.merchant.mode,
    from: input.from.toISOString(),
    to: input.to.toISOString(),
    generated_at: input.generatedAt.toISOString(),
    thresholds: { review_at: input.thresholds.reviewAt, hold_at: input.thresholds.holdAt, block_at: input.thresholds.blockAt, source: input.thresholdSource },
    mode_changes: input.changes.map((change) => ({ mode: change.mode, changed_at: change.changedAt.toISOString() })),
    totals: { payments: figures.payments, shadow_payments: figures.shadowPayments, fraud: figures.fraud, fraud_usd: figures.fraudUsd, chargeback_usd: figures.chargebackUsd },
    operating_points: figures.operatingPoints.map((point) => ({ name: point.name, cutoff: point.cutoff, ...pointView(point) })),
    score_distribution: figures.scoreDistribution,
    precision_recall: figures.precisionRecall,
    psp_comparison: figures.pspComparison === null ? null : { payments: figures.pspComparison.payments, psp: pointView(figures.pspComparison.psp), sentra: pointView(figures.pspComparison.sentra) },
  };
}
