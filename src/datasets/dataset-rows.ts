import { join } from 'node:path';
import type { ProblemSink } from './dataset-problem.js';
import { readCsvRows } from './csv-rows.js';
import type { FileColumns } from './dataset-columns.js';
import { readJsonlRows } from './jsonl-rows.js';
import type { RowFields } from './row-fields.js';

/**
 * Streams the rows of one contract file of `dir` in its format (JSONL only for transactions).
 * Header and structure problems go to `onProblem`; row content is left to the row parsers.
 */
export function readDatasetRows(
  dir: string,
  file: string,
  columns: FileColumns,
  onProblem: ProblemSink,
): AsyncGenerator<RowFields> {
  const source = { file, path: join(dir, file), columns, onProblem };
  return file.endsWith('.jsonl') ? readJsonlRows(source) : readCsvRows(source);
}

/** Row counts of one file of a validated dataset. */
export interface FileCounts {
  /** Data rows read (not counting the header or blank lines), readable or not. */
  rows: number;
  /** Rows with at least one error. */
  rowsWithErrors: number;
}

/**
 * Wraps a sink so that rows the reader drops as unreadable (SENTRA_DATASET_COLUMN_COUNT,
 * SENTRA_DATASET_JSON_SYNTAX) still count as rows with errors.
 */
export function countingDroppedRows(onProblem: ProblemSink, counts: FileCounts): ProblemSink {
  return (problem) => {
    if (problem.code === 'SENTRA_DATASET_COLUMN_COUNT' || problem.code === 'SENTRA_DATASET_JSON_SYNTAX') {
      counts.rows++;
      counts.rowsWithErrors++;
    }
    onProblem(problem);
  };
}
