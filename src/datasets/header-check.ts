import { datasetProblem, type ProblemSink } from './dataset-problem.js';
import { overrideName, type FileColumns } from './dataset-columns.js';

/** Whether a column name is part of a file's contract (required, optional or an allowed override). */
export function isKnownColumn(columns: FileColumns, column: string): boolean {
  return (
    columns.required.includes(column) ||
    columns.optional.includes(column) ||
    (columns.allowsOverrides && overrideName(column) !== undefined)
  );
}

/**
 * Checks a CSV header: every required column present (SENTRA_DATASET_MISSING_COLUMN, located at
 * line 1 column 1 since the column does not exist), no column named twice, and unknown columns
 * reported as warnings (they are ignored, so a typo shows up without blocking the import).
 */
export function checkCsvHeader(file: string, header: readonly string[], columns: FileColumns, onProblem: ProblemSink): void {
  const seen = new Map<string, number>();
  header.forEach((column, index) => {
    const path = `${file}:1:${index + 1}`;
    const first = seen.get(column);
    if (first !== undefined) {
      onProblem(datasetProblem('SENTRA_DATASET_DUPLICATE_COLUMN', path, `column ${JSON.stringify(column)} is also column ${first + 1}; only the first is read`));
      return;
    }
    seen.set(column, index);
    if (!isKnownColumn(columns, column)) {
      onProblem(datasetProblem('SENTRA_DATASET_UNKNOWN_COLUMN', path, `column ${JSON.stringify(column)} is not part of data contract v1 and is ignored`));
    }
  });
  for (const column of columns.required) {
    if (!seen.has(column)) {
      onProblem(datasetProblem('SENTRA_DATASET_MISSING_COLUMN', `${file}:1:1`, `the header has no required column ${column}`));
    }
  }
}
