import { sortFloat32 } from './float32-sort.js';

/**
 * Quantile bins of one feature. A value's bin is the number of cut points at or below it, so bin
 * b holds values in [cuts[b-1], cuts[b]). A split "bins below k" is exactly the float32 test
 * `value < cuts[k-1]`, which is what the exported tree stores; the split "present values right,
 * missing left" uses `value < minimum`.
 */
export interface FeatureBins {
  /** Ascending float32 cut points taken from the data (binCount - 1 of them). */
  readonly cuts: Float32Array;
  /** Smallest value of the feature in the training data. */
  readonly minimum: number;
  /** Number of value bins (1-256). */
  readonly binCount: number;
  /** True when the feature has missing values; their bin is `binCount` (hence binCount <= 255). */
  readonly hasMissing: boolean;
}

/**
 * Computes the cut points of one column from the rows in `sample` (all rows when undefined),
 * weighting each row by `weights`: up to `maxBin` bins (one fewer when values are missing) with
 * about the same weight in each, except at the tails (see {@link binLevels}); every distinct value
 * gets its own bin when they are few enough.
 */
export function computeFeatureBins(column: Float32Array, maxBin: number, sample?: Uint32Array, weights?: Float32Array): FeatureBins {
  let minimum = Number.POSITIVE_INFINITY;
  let hasMissing = false;
  for (let row = 0; row < column.length; row += 1) {
    const value = column[row] ?? Number.NaN;
    if (value !== value) hasMissing = true;
    else if (value < minimum) minimum = value;
  }
  const limit = hasMissing ? Math.min(maxBin, 256) - 1 : Math.min(maxBin, 256);
  const count = sample?.length ?? column.length;
  const present = new Float32Array(count);
  const presentRows = weights === undefined ? undefined : new Uint32Array(count);
  let size = 0;
  for (let index = 0; index < count; index += 1) {
    const row = sample === undefined ? index : (sample[index] as number);
    const value = column[row] as number;
    if (value !== value) continue;
    if (presentRows !== undefined) presentRows[size] = row;
    present[size++] = value;
  }
  if (size === 0) return { cuts: new Float32Array(0), minimum: 0, binCount: 1, hasMissing };
  let values: Float32Array;
  let rowWeights: Float64Array | undefined;
  if (weights === undefined || presentRows === undefined) {
    values = sortFloat32(present.subarray(0, size));
  } else {
    const order = Array.from(presentRows.subarray(0, size)).sort((left, right) => (column[left] ?? 0) - (column[right] ?? 0));
    values = Float32Array.from(order, (row) => column[row] ?? 0);
    rowWeights = Float64Array.from(order, (row) => weights[row] ?? 0);
  }
  // Distinct values and their total weight.
  const distinctValues = new Float32Array(values.length);
  const mass = new Float64Array(values.length);
  let distinctCount = 0;
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index] as number;
    const weight = rowWeights === undefined ? 1 : (rowWeights[index] as number);
    if (distinctCount > 0 && distinctValues[distinctCount - 1] === value) mass[distinctCount - 1] = (mass[distinctCount - 1] as number) + weight;
    else {
      distinctValues[distinctCount] = value;
      mass[distinctCount++] = weight;
    }
  }
  const distinct = distinctValues.subarray(0, distinctCount);
  if (distinctCount <= limit) return { cuts: distinct.slice(1), minimum, binCount: distinctCount, hasMissing };
  let total = 0;
  for (let index = 0; index < distinctCount; index += 1) total += mass[index] as number;
  const levels = binLevels(total, values.length, limit);
  const cuts: number[] = [];
  let before = 0;
  let next = 0;
  for (let index = 0; index < distinct.length && next < levels.length; index += 1) {
    // A cut at distinct value i puts every value below it in the earlier bins.
    if (index > 0 && before >= levels[next]!) {
      cuts.push(distinct[index] ?? 0);
      while (next < levels.length && before >= levels[next]!) next += 1;
    }
    before += mass[index] ?? 0;
  }
  return { cuts: Float32Array.from(cuts), minimum, binCount: cuts.length + 1, hasMissing };
}

/** The float32 threshold of split index k: `cuts[k-1]`, or the minimum for k = 0. */
export function splitThreshold(bins: FeatureBins, splitIndex: number): number {
  return splitIndex === 0 ? bins.minimum : (bins.cuts[splitIndex - 1] ?? bins.minimum);
}

/** From this many bins on, the tails get finer bins (fewer bins stay equal-weight throughout). */
const tailRefinementFrom = 64;

/**
 * The cumulative weights at which the bins of a feature end (`limit - 1` ascending levels): bins
 * of equal weight, except that the tails get finer ones. The bins at each end hold about 1, 1.4,
 * 2, 2.8, 4 … rows' worth of weight (×√2 per bin) until that reaches the equal-weight size, and the
 * remaining bins share the middle equally. Rare extreme values (the few largest amounts, say) are
 * where a fraud pattern often lives: with 255 equal-weight bins over 70,000 training rows, the top
 * bin would mix the largest 270 amounts, and no split could separate "above 220 USD" from the
 * ordinary amounts just below it (XGBoost's exact method can, and led by 0.046 average precision
 * on the handbook protocol before this; see docs/models.md).
 */
export function binLevels(total: number, rows: number, limit: number): number[] {
  const unit = total / rows;
  const tail: number[] = [];
  if (limit >= tailRefinementFrom) {
    for (let size = unit; ; size *= Math.SQRT2) {
      const bulk = limit - 2 * (tail.length + 1);
      if (size >= total / bulk) break;
      tail.push(size);
    }
  }
  const bottom: number[] = [];
  let edge = 0;
  for (const size of tail) bottom.push((edge += size));
  const top = bottom.map((level) => total - level).reverse();
  const bulkBins = limit - 2 * tail.length;
  const low = edge;
  const high = total - edge;
  const middle: number[] = [];
  for (let bin = 1; bin < bulkBins; bin++) middle.push(low + ((high - low) * bin) / bulkBins);
  return [...bottom, ...middle, ...top];
}
