import type { LabelValue } from '../contract/enums.js';
import { datasetProblem, type ProblemSink } from './dataset-problem.js';
import { entityColumns, kycRefColumns, labelColumns } from './dataset-columns.js';
import { countingDroppedRows, readDatasetRows, type FileCounts } from './dataset-rows.js';
import { parseEntityRow } from './entity-row.js';
import { parseKycRefRow } from './kyc-ref-row.js';
import { parseLabelRow } from './label-row.js';
import type { TransactionIndex } from './transaction-index.js';

/** Label counts by value, for the summary. */
export type LabelCounts = Record<LabelValue, number>;

/**
 * Validates labels.csv against the transactions already indexed: the tx_id must exist
 * (SENTRA_DATASET_LABEL_UNKNOWN_TX), labeled_at must not precede its created_at
 * (SENTRA_DATASET_LABEL_BEFORE_TX) and one source labels a transaction once
 * (SENTRA_DATASET_DUPLICATE_LABEL). `index` is undefined when the transactions could not be read,
 * in which case only the rows themselves are checked.
 */
export async function validateLabels(
  dir: string,
  file: string,
  index: TransactionIndex | undefined,
  onProblem: ProblemSink,
): Promise<FileCounts & { labels: LabelCounts }> {
  const counts = { rows: 0, rowsWithErrors: 0, labels: { fraud: 0, legit: 0 } };
  for await (const fields of readDatasetRows(dir, file, labelColumns, countingDroppedRows(onProblem, counts))) {
    counts.rows++;
    const { record, problems } = parseLabelRow(fields);
    let hasError = record === undefined;
    for (const problem of problems) onProblem(problem);
    if (record !== undefined && index !== undefined) {
      const createdAt = index.createdAtOf(record.txId);
      if (createdAt === undefined) {
        hasError = true;
        onProblem(datasetProblem('SENTRA_DATASET_LABEL_UNKNOWN_TX', fields.locate('tx_id'), `tx_id ${JSON.stringify(record.txId)} is not in the transactions file`));
      } else {
        if (record.labeledAt < createdAt) {
          hasError = true;
          const message = `labeled_at ${new Date(record.labeledAt).toISOString()} is before the transaction's created_at ${new Date(createdAt).toISOString()}`;
          onProblem(datasetProblem('SENTRA_DATASET_LABEL_BEFORE_TX', fields.locate('labeled_at'), message));
        }
        if (!index.markLabel(record.txId, record.source)) {
          hasError = true;
          const message = `tx_id ${JSON.stringify(record.txId)} already has a label from source ${record.source}`;
          onProblem(datasetProblem('SENTRA_DATASET_DUPLICATE_LABEL', fields.locate('source'), message));
        }
      }
    }
    if (record !== undefined && !hasError) counts.labels[record.label]++;
    if (hasError) counts.rowsWithErrors++;
  }
  return counts;
}

/** Validates entities.csv; an entity_id may appear once (SENTRA_DATASET_DUPLICATE_ENTITY). Fills `entityIds`. */
export async function validateEntities(dir: string, file: string, entityIds: Set<string>, onProblem: ProblemSink): Promise<FileCounts> {
  const counts = { rows: 0, rowsWithErrors: 0 };
  const lineById = new Map<string, number>();
  for await (const fields of readDatasetRows(dir, file, entityColumns, countingDroppedRows(onProblem, counts))) {
    counts.rows++;
    const { record, problems } = parseEntityRow(fields);
    let hasError = record === undefined;
    for (const problem of problems) onProblem(problem);
    const entityId = record?.entityId ?? fields.get('entity_id');
    if (typeof entityId === 'string' && entityId !== '') {
      const earlierLine = lineById.get(entityId);
      if (earlierLine === undefined) lineById.set(entityId, fields.line);
      else {
        hasError = true;
        onProblem(datasetProblem('SENTRA_DATASET_DUPLICATE_ENTITY', fields.locate('entity_id'), `entity_id ${JSON.stringify(entityId)} is already on line ${earlierLine}`));
      }
      entityIds.add(entityId);
    }
    if (hasError) counts.rowsWithErrors++;
  }
  return counts;
}

/**
 * Validates kyc_refs.csv. An entity_id found in neither entities.csv nor any transaction is a
 * warning (SENTRA_DATASET_KYC_UNKNOWN_ENTITY), not an error: a document may be on file before the
 * entity's first payment, and importing it does no harm.
 */
export async function validateKycRefs(dir: string, file: string, knownEntityIds: ReadonlySet<string>, onProblem: ProblemSink): Promise<FileCounts> {
  const counts = { rows: 0, rowsWithErrors: 0 };
  for await (const fields of readDatasetRows(dir, file, kycRefColumns, countingDroppedRows(onProblem, counts))) {
    counts.rows++;
    const { record, problems } = parseKycRefRow(fields);
    for (const problem of problems) onProblem(problem);
    if (record !== undefined && !knownEntityIds.has(record.entityId)) {
      const message = `entity_id ${JSON.stringify(record.entityId)} is in neither entities.csv nor any transaction`;
      onProblem(datasetProblem('SENTRA_DATASET_KYC_UNKNOWN_ENTITY', fields.locate('entity_id'), message));
    }
    if (record === undefined) counts.rowsWithErrors++;
  }
  return counts;
}
