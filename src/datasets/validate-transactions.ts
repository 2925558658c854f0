import type { ProblemSink } from './dataset-problem.js';
import { datasetProblem } from './dataset-problem.js';
import { transactionColumns } from './dataset-columns.js';
import { countingDroppedRows, readDatasetRows, type FileCounts } from './dataset-rows.js';
import { parseTimestamp } from './field-values.js';
import type { TransactionIndex } from './transaction-index.js';
import { parseTransactionRow } from './transaction-row.js';

/** What validating the transactions file yields besides problems. */
export interface TransactionsSummary extends FileCounts {
  /** created_at of the earliest and latest valid rows (ms), undefined when there are none. */
  firstCreatedAt: number | undefined;
  lastCreatedAt: number | undefined;
}

/**
 * Validates every row of the transactions file and fills `index` with each tx_id (and created_at)
 * for the label checks. Reports SENTRA_DATASET_DUPLICATE_TX for a tx_id seen before, and once per
 * file SENTRA_DATASET_UNSORTED (a warning) at the first row older than the row before it.
 * `entityIds`, when given, receives every sender and receiver id (for the kyc_refs check).
 */
export async function validateTransactions(
  dir: string,
  file: string,
  index: TransactionIndex,
  onProblem: ProblemSink,
  entityIds: Set<string> | undefined,
): Promise<TransactionsSummary> {
  const summary: TransactionsSummary = { rows: 0, rowsWithErrors: 0, firstCreatedAt: undefined, lastCreatedAt: undefined };
  let previousCreatedAt = -Infinity;
  let unsortedReported = false;
  for await (const fields of readDatasetRows(dir, file, transactionColumns, countingDroppedRows(onProblem, summary))) {
    summary.rows++;
    const { record, problems } = parseTransactionRow(fields);
    let hasError = record === undefined;
    for (const problem of problems) onProblem(problem);
    const txId = record?.txId ?? fields.get('tx_id');
    const createdAt = record?.createdAt ?? parseTimestamp(fields.get('created_at') ?? '') ?? Number.NaN;
    if (typeof txId === 'string' && txId !== '') {
      const earlierLine = index.add(txId, createdAt, fields.line);
      if (earlierLine !== undefined) {
        hasError = true;
        onProblem(datasetProblem('SENTRA_DATASET_DUPLICATE_TX', fields.locate('tx_id'), `tx_id ${JSON.stringify(txId)} is already used on line ${earlierLine}`));
      }
    }
    if (record !== undefined) {
      if (record.createdAt < previousCreatedAt && !unsortedReported) {
        unsortedReported = true;
        onProblem(
          datasetProblem('SENTRA_DATASET_UNSORTED', fields.locate('created_at'), 'created_at is earlier than on a row above; rows are not in time order (reported once per file)'),
        );
      }
      previousCreatedAt = Math.max(previousCreatedAt, record.createdAt);
      summary.firstCreatedAt = Math.min(summary.firstCreatedAt ?? Infinity, record.createdAt);
      summary.lastCreatedAt = Math.max(summary.lastCreatedAt ?? -Infinity, record.createdAt);
      if (entityIds !== undefined) {
        entityIds.add(record.senderEntityId);
        entityIds.add(record.receiverEntityId);
      }
    }
    if (hasError) summary.rowsWithErrors++;
  }
  return summary;
}
