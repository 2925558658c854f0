import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { datasetProblem, ProblemCollector, type DatasetProblem } from './dataset-problem.js';
import { datasetFileNames } from '../contract/datasets.js';
import { inspectDataset, type TransactionsFormat } from './dataset-files.js';
import { checkUtf8 } from './file-encoding.js';
import { checkManifest, type DatasetManifest } from './manifest.js';
import type { DatasetProblemCode } from './problem-codes.js';
import { TransactionIndex } from './transaction-index.js';
import { validateEntities, validateKycRefs, validateLabels, type LabelCounts } from './validate-related-files.js';
import type { FileCounts } from './dataset-rows.js';
import { validateTransactions } from './validate-transactions.js';

/** Options of {@link validateDataset}. */
export interface ValidateOptions {
  /** How many errors (and, separately, warnings) to list; all are counted. Default 1,000. */
  maxProblems?: number;
}

/** The outcome of validating a dataset folder against data contract v1. */
export interface ValidationReport {
  /** The folder validated. */
  dir: string;
  /** True when there is no error (warnings allowed): the dataset may be imported. */
  valid: boolean;
  /** The manifest when it is valid. */
  manifest: DatasetManifest | undefined;
  /** Format of the transactions file, when exactly one exists. */
  transactionsFormat: TransactionsFormat | undefined;
  /** Row counts per file name (`transactions.csv`, `labels.csv`, …) for the files present. */
  counts: Record<string, FileCounts>;
  /** Valid labels by value. */
  labelCounts: LabelCounts;
  /** ISO-8601 created_at of the earliest and latest valid transactions. */
  createdAtRange: { first: string; last: string } | undefined;
  /** Total errors and warnings found (the lists below may be shorter). */
  errorCount: number;
  warningCount: number;
  /** The first `maxProblems` errors, in file order. */
  problems: DatasetProblem[];
  /** Every error counted by code. */
  problemCountsByCode: Partial<Record<DatasetProblemCode, number>>;
  /** The first `maxProblems` warnings. */
  warnings: DatasetProblem[];
  /** Every warning counted by code. */
  warningCountsByCode: Partial<Record<DatasetProblemCode, number>>;
  /** Wall time of the validation. */
  durationMs: number;
}

/**
 * Validates a dataset folder against data contract v1 in one streaming pass per file (manifest,
 * transactions, entities, labels, kyc_refs), in bounded memory: only tx_ids with their created_at
 * (and entity ids when kyc_refs.csv exists) are kept, never rows. Every problem is counted; the
 * first `maxProblems` are listed with their `file:line:column`. Throws SentraError
 * SENTRA_ERR_NOT_FOUND when `dir` is not a folder.
 */
export async function validateDataset(dir: string, options: ValidateOptions = {}): Promise<ValidationReport> {
  const started = performance.now();
  const collector = new ProblemCollector(options.maxProblems ?? 1000);
  const onProblem = collector.add;
  const layout = await inspectDataset(dir);
  for (const name of layout.unknownFiles) {
    onProblem(datasetProblem('SENTRA_DATASET_UNKNOWN_FILE', `${name}:1:1`, `${name} is not part of data contract v1 and is ignored`));
  }
  const contractFilesPresent = [
    layout.hasManifest ? datasetFileNames.manifest : undefined,
    layout.transactionsAmbiguous ? undefined : layout.transactions?.file,
    layout.hasEntities ? datasetFileNames.entities : undefined,
    layout.hasLabels ? datasetFileNames.labels : undefined,
    layout.hasKycRefs ? datasetFileNames.kycRefs : undefined,
  ];
  for (const name of contractFilesPresent) if (name !== undefined) await checkUtf8(join(dir, name), name, onProblem);
  const manifest = await checkManifest(dir, layout.hasManifest, onProblem);
  const counts: Record<string, FileCounts> = {};
  let index: TransactionIndex | undefined;
  let createdAtRange: ValidationReport['createdAtRange'];
  const transactionEntityIds = layout.hasKycRefs ? new Set<string>() : undefined;
  if (layout.transactionsAmbiguous) {
    const message = 'both transactions.csv and transactions.jsonl exist; keep exactly one';
    onProblem(datasetProblem('SENTRA_DATASET_TRANSACTIONS_AMBIGUOUS', `${datasetFileNames.transactionsJsonl}:1:1`, message));
  } else if (layout.transactions === undefined) {
    const message = 'the dataset has neither transactions.csv nor transactions.jsonl';
    onProblem(datasetProblem('SENTRA_DATASET_TRANSACTIONS_MISSING', `${datasetFileNames.transactionsCsv}:1:1`, message));
  } else {
    index = new TransactionIndex();
    const summary = await validateTransactions(dir, layout.transactions.file, index, onProblem, transactionEntityIds);
    counts[layout.transactions.file] = { rows: summary.rows, rowsWithErrors: summary.rowsWithErrors };
    if (summary.firstCreatedAt !== undefined && summary.lastCreatedAt !== undefined) {
      createdAtRange = { first: new Date(summary.firstCreatedAt).toISOString(), last: new Date(summary.lastCreatedAt).toISOString() };
    }
  }
  const entityIds = new Set<string>();
  if (layout.hasEntities) counts[datasetFileNames.entities] = await validateEntities(dir, datasetFileNames.entities, entityIds, onProblem);
  let labelCounts: LabelCounts = { fraud: 0, legit: 0 };
  if (layout.hasLabels) {
    const { labels, ...labelFileCounts } = await validateLabels(dir, datasetFileNames.labels, index, onProblem);
    counts[datasetFileNames.labels] = labelFileCounts;
    labelCounts = labels;
  }
  if (layout.hasKycRefs) {
    for (const id of transactionEntityIds ?? []) entityIds.add(id);
    counts[datasetFileNames.kycRefs] = await validateKycRefs(dir, datasetFileNames.kycRefs, entityIds, onProblem);
  }
  return {
    dir,
    valid: collector.errorCount === 0,
    manifest,
    transactionsFormat: layout.transactions?.format,
    counts,
    labelCounts,
    createdAtRange,
    errorCount: collector.errorCount,
    warningCount: collector.warningCount,
    problems: collector.errors,
    problemCountsByCode: collector.errorCountsByCode,
    warnings: collector.warnings,
    warningCountsByCode: collector.warningCountsByCode,
    durationMs: Math.round(performance.now() - started),
  };
}
