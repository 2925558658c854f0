import type { LabelRecord, TransactionRecord } from '../contract/transaction-record.js';
import { SentraError } from '../errors/errors.js';
import { datasetProblem, type DatasetProblem, type ProblemSink } from './dataset-problem.js';
import { entityColumns, kycRefColumns, labelColumns, transactionColumns, type FileColumns } from './dataset-columns.js';
import { datasetFileNames } from '../contract/datasets.js';
import { inspectDataset } from './dataset-files.js';
import { readDatasetRows } from './dataset-rows.js';
import { parseEntityRow, type EntityRecord } from './entity-row.js';
import { parseKycRefRow, type KycRefRecord } from './kyc-ref-row.js';
import { parseLabelRow } from './label-row.js';
import { checkManifest, type DatasetManifest } from './manifest.js';
import type { RowFields } from './row-fields.js';
import type { RowResult } from './row-checker.js';
import { parseTransactionRow } from './transaction-row.js';

function invalid(problems: readonly DatasetProblem[]): SentraError {
  const first = problems[0];
  const message = first === undefined ? undefined : `The dataset does not conform to data contract v1: ${first.path}: ${first.code}: ${first.message}`;
  return new SentraError('SENTRA_ERR_DATASET_INVALID', message, { details: [...problems] });
}

const throwOnError: ProblemSink = (problem) => {
  if (problem.severity === 'error') throw invalid([problem]);
};

async function* readRecords<T>(
  dir: string,
  file: string,
  columns: FileColumns,
  parse: (fields: RowFields) => RowResult<T>,
): AsyncGenerator<T> {
  for await (const fields of readDatasetRows(dir, file, columns, throwOnError)) {
    const { record, problems } = parse(fields);
    if (record === undefined) throw invalid(problems.filter((problem) => problem.severity === 'error'));
    yield record;
  }
}

/**
 * Streams the transactions of a dataset (transactions.csv or .jsonl) in file order as normalized
 * records. Meant for import and replay after {@link validateDataset} said the dataset is valid:
 * row-local rules are enforced again and the first invalid row throws SentraError
 * SENTRA_ERR_DATASET_INVALID (with the problems as details); cross-row rules (duplicates) are not.
 */
export async function* readTransactions(dir: string): AsyncGenerator<TransactionRecord> {
  const layout = await inspectDataset(dir);
  if (layout.transactions === undefined) {
    const code = layout.transactionsAmbiguous ? 'SENTRA_DATASET_TRANSACTIONS_AMBIGUOUS' : 'SENTRA_DATASET_TRANSACTIONS_MISSING';
    throw invalid([datasetProblem(code, `${datasetFileNames.transactionsCsv}:1:1`, 'exactly one of transactions.csv, transactions.jsonl must exist')]);
  }
  yield* readRecords(dir, layout.transactions.file, transactionColumns, parseTransactionRow);
}

/** Streams labels.csv (nothing when the optional file is absent); same contract as {@link readTransactions}. */
export async function* readLabels(dir: string): AsyncGenerator<LabelRecord> {
  if ((await inspectDataset(dir)).hasLabels) yield* readRecords(dir, datasetFileNames.labels, labelColumns, parseLabelRow);
}

/** Streams entities.csv (nothing when absent); same contract as {@link readTransactions}. */
export async function* readEntities(dir: string): AsyncGenerator<EntityRecord> {
  if ((await inspectDataset(dir)).hasEntities) yield* readRecords(dir, datasetFileNames.entities, entityColumns, parseEntityRow);
}

/** Streams kyc_refs.csv (nothing when absent); same contract as {@link readTransactions}. */
export async function* readKycRefs(dir: string): AsyncGenerator<KycRefRecord> {
  if ((await inspectDataset(dir)).hasKycRefs) yield* readRecords(dir, datasetFileNames.kycRefs, kycRefColumns, parseKycRefRow);
}

/** Reads manifest.json; throws SentraError SENTRA_ERR_DATASET_INVALID when it is missing or invalid. */
export async function readManifest(dir: string): Promise<DatasetManifest> {
  const problems: DatasetProblem[] = [];
  const layout = await inspectDataset(dir);
  const manifest = await checkManifest(dir, layout.hasManifest, (problem) => problems.push(problem));
  if (manifest === undefined) throw invalid(problems);
  return manifest;
}

