import { ValidationError, type ProblemDetail } from '../../errors/errors.js';

/** A training or validation set: feature columns (NaN = missing), 0/1 labels, optional row weights. */
export interface TrainingData {
  /** One float32 column per feature, all of the same length. */
  readonly columns: readonly Float32Array[];
  /** One label per row: 0 (legitimate) or 1 (fraud); values in between are soft labels. */
  readonly labels: Float32Array | Uint8Array;
  /** Feature names in column order (written into the model). */
  readonly featureNames?: readonly string[];
  /** Non-negative weight per row (default 1). */
  readonly weights?: Float32Array;
}

const problemLimit = 20;

/**
 * Checks a data set and returns its row count. Reports (up to 20) problems by path: a column of the
 * wrong length, an infinite feature value (`/columns/3/17`), a NaN or out-of-range label
 * (`/labels/12`), a bad weight.
 */
export function checkTrainingData(data: TrainingData, name: 'training' | 'validation', featureCount?: number): number {
  const problems: ProblemDetail[] = [];
  const add = (path: string, code: string, message: string): void => {
    if (problems.length < problemLimit) problems.push({ code, path: `/${name}${path}`, message });
  };
  const rows = data.labels.length;
  if (data.columns.length === 0) add('/columns', 'required', 'at least one feature column is required');
  if (featureCount !== undefined && data.columns.length !== featureCount) {
    add('/columns', 'feature_count', `has ${data.columns.length} feature columns, the training data has ${featureCount}`);
  }
  if (rows === 0) add('/labels', 'required', 'at least one row is required');
  data.columns.forEach((column, feature) => {
    if (!(column instanceof Float32Array)) add(`/columns/${feature}`, 'type', 'must be a Float32Array');
    else if (column.length !== rows) add(`/columns/${feature}`, 'length', `has ${column.length} values for ${rows} labels`);
    else {
      for (let row = 0; row < rows; row += 1) {
        const value = column[row] ?? 0;
        if (value === Number.POSITIVE_INFINITY || value === Number.NEGATIVE_INFINITY) {
          add(`/columns/${feature}/${row}`, 'range', `feature ${feature}, row ${row} is ${value}; use NaN for a missing value`);
          break;
        }
      }
    }
  });
  for (let row = 0; row < rows; row += 1) {
    const label = data.labels[row] ?? Number.NaN;
    if (Number.isNaN(label)) add(`/labels/${row}`, 'label', `the label of row ${row} is NaN; every row needs a 0/1 label`);
    else if (label < 0 || label > 1) add(`/labels/${row}`, 'label', `the label of row ${row} is ${label}; labels must be 0 or 1 (or a probability in between)`);
  }
  if (data.weights !== undefined) {
    if (data.weights.length !== rows) add('/weights', 'length', `has ${data.weights.length} values for ${rows} rows`);
    for (let row = 0; row < data.weights.length; row += 1) {
      const weight = data.weights[row] ?? 0;
      if (!(weight >= 0) || !Number.isFinite(weight)) add(`/weights/${row}`, 'range', `the weight of row ${row} is ${weight}; weights must be finite and >= 0`);
    }
  }
  if (data.featureNames !== undefined && data.featureNames.length !== data.columns.length) {
    add('/featureNames', 'length', `lists ${data.featureNames.length} names for ${data.columns.length} columns`);
  }
  if (problems.length > 0) {
    const first = problems[0] as ProblemDetail;
    throw new ValidationError(problems, `Invalid ${name} data at ${first.path}: ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more problem(s))` : ''}.`);
  }
  return rows;
}
