import { SentraError } from '../errors/errors.js';

/** A data set read from LIBSVM text: feature columns (NaN where an index is absent) and labels. */
export interface LibsvmData {
  /** One Float32Array per feature index 0..maximum index; absent entries are NaN (missing). */
  readonly columns: Float32Array[];
  /** One label per row. */
  readonly labels: Float32Array;
}

/**
 * Parses LIBSVM text (`label index:value ...` per line) the way XGBoost's loader does: indices are
 * used as written (no shift, so 1-based files have an always-missing feature 0) and an index that
 * does not appear on a line is missing, not zero.
 * @param featureCount at least this many columns (e.g. to match a model's num_feature).
 */
export function parseLibsvm(text: string, featureCount = 0): LibsvmData {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const labels = new Float32Array(lines.length);
  const entries: [number, number, number][] = [];
  let width = featureCount;
  lines.forEach((line, row) => {
    const [label, ...pairs] = line.trim().split(/\s+/);
    labels[row] = Number(label);
    if (!Number.isFinite(labels[row])) {
      throw new SentraError('SENTRA_ERR_VALIDATION', `LIBSVM line ${row + 1}: the label ${JSON.stringify(label)} is not a number.`);
    }
    for (const pair of pairs) {
      const separator = pair.indexOf(':');
      const index = Number(pair.slice(0, separator));
      const value = Number(pair.slice(separator + 1));
      if (separator < 0 || !Number.isInteger(index) || index < 0 || Number.isNaN(value)) {
        throw new SentraError('SENTRA_ERR_VALIDATION', `LIBSVM line ${row + 1}: ${JSON.stringify(pair)} is not index:value.`);
      }
      entries.push([row, index, value]);
      if (index + 1 > width) width = index + 1;
    }
  });
  const columns = Array.from({ length: width }, () => new Float32Array(lines.length).fill(Number.NaN));
  for (const [row, index, value] of entries) (columns[index] as Float32Array)[row] = value;
  return { columns, labels };
}
