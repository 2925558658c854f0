import type { EvaluationReport } from '../contract/evaluation.js';

const cell = (value: string | number | null) => (value === null ? '' : typeof value === 'number' ? String(value) : /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/**
 * The report as one CSV table: a row per operating point (the thresholds in force and the
 * alternatives), then the PSP's verdict and Sentra on the same payments, then the score bands and
 * the precision–recall points, each row naming its section.
 */
export function evaluationCsv(report: EvaluationReport): string {
  const header = ['section', 'name', 'cutoff', 'payments', 'flagged', 'review_rate', 'fraud', 'fraud_caught', 'fraud_caught_usd', 'false_positives', 'precision', 'recall', 'chargeback_avoided_usd'];
  const lines = [header.join(',')];
  const row = (values: (string | number | null)[]) => lines.push(values.map(cell).join(','));
  for (const point of report.operating_points) {
    row(['operating_point', point.name, point.cutoff, report.totals.payments, point.flagged, point.review_rate, report.totals.fraud, point.fraud_caught, point.fraud_caught_usd, point.false_positives, point.precision, point.recall, point.chargeback_avoided_usd]);
  }
  const comparison = report.psp_comparison;
  if (comparison !== null) {
    for (const [name, point] of [['psp', comparison.psp], ['sentra_review_at', comparison.sentra]] as const) {
      row(['psp_comparison', name, name === 'psp' ? null : report.thresholds.review_at, comparison.payments, point.flagged, point.review_rate, null, point.fraud_caught, point.fraud_caught_usd, point.false_positives, point.precision, point.recall, point.chargeback_avoided_usd]);
    }
  }
  for (const band of report.score_distribution) row(['score_band', `${band.from}-${band.to}`, band.from, band.payments, null, null, band.fraud, null, null, null, null, null, null]);
  for (const point of report.precision_recall) row(['precision_recall', `cutoff_${point.cutoff}`, point.cutoff, report.totals.payments, point.flagged, null, report.totals.fraud, null, null, null, point.precision, point.recall, null]);
  return `${lines.join('\n')}\n`;
}
