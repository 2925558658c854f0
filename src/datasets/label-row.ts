import { labelSources, labelValues } from '../contract/enums.js';
import type { LabelRecord } from '../contract/transaction-record.js';
import { RowChecker, type RowResult } from './row-checker.js';
import type { RowFields } from './row-fields.js';

/**
 * Parses and checks one row of labels.csv into a {@link LabelRecord}: tx_id, label (fraud|legit),
 * labeled_at (ISO-8601 with a zone), source (chargeback|analyst|partner|early_fraud_warning) and an
 * optional free-text reason. Whether the tx_id exists and precedes labeled_at is checked by the
 * dataset validator, which knows the transactions.
 */
export function parseLabelRow(fields: RowFields): RowResult<LabelRecord> {
  const check = new RowChecker(fields);
  const txId = check.text('tx_id', true);
  const label = check.oneOf('label', labelValues);
  const labeledAt = check.timestamp('labeled_at');
  const source = check.oneOf('source', labelSources);
  const reason = check.text('reason', false) ?? '';
  return check.result(() => ({ txId: txId!, label: label!, labeledAt: labeledAt!, source: source!, reason }));
}
