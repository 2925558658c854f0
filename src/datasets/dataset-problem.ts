import type { ProblemDetail } from '../errors/errors.js';
import { datasetProblemCatalogue, type DatasetProblemCode, type DatasetProblemSeverity } from './problem-codes.js';

/**
 * One problem in a dataset. `path` is `file:line:column`: for CSV files the column is the 1-based
 * index of the field in the header (`transactions.csv:14:5`); for JSONL files, which have no
 * header, it is the field name (`transactions.jsonl:12:amount`), and for manifest.json the key.
 */
export interface DatasetProblem extends ProblemDetail {
  code: DatasetProblemCode;
  severity: DatasetProblemSeverity;
}

/** Builds a problem whose severity comes from the catalogue. */
export function datasetProblem(code: DatasetProblemCode, path: string, message: string): DatasetProblem {
  return { code, severity: datasetProblemCatalogue[code].severity, path, message };
}

/** Formats a problem as one line: `transactions.csv:14:5: SENTRA_DATASET_ENUM: direction "payin" is …`. */
export function formatProblem(problem: DatasetProblem): string {
  return `${problem.path}: ${problem.code}: ${problem.message}`;
}

/** Receives problems as a dataset is read. */
export type ProblemSink = (problem: DatasetProblem) => void;

/**
 * Keeps the first `limit` errors and the first `limit` warnings, and counts every problem by code,
 * so a dataset with millions of bad rows is reported in bounded memory.
 */
export class ProblemCollector {
  readonly errors: DatasetProblem[] = [];
  readonly warnings: DatasetProblem[] = [];
  readonly errorCountsByCode: Partial<Record<DatasetProblemCode, number>> = {};
  readonly warningCountsByCode: Partial<Record<DatasetProblemCode, number>> = {};
  errorCount = 0;
  warningCount = 0;

  constructor(private readonly limit: number) {}

  /** Records one problem; bound so it can be passed around as a {@link ProblemSink}. */
  readonly add: ProblemSink = (problem) => {
    if (problem.severity === 'error') {
      this.errorCount++;
      this.errorCountsByCode[problem.code] = (this.errorCountsByCode[problem.code] ?? 0) + 1;
      if (this.errors.length < this.limit) this.errors.push(problem);
    } else {
      this.warningCount++;
      this.warningCountsByCode[problem.code] = (this.warningCountsByCode[problem.code] ?? 0) + 1;
      if (this.warnings.length < this.limit) this.warnings.push(problem);
    }
  };
}
