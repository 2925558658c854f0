/** Fields of one split candidate in a result array (six numbers per node). */
export const splitField = { gain: 0, feature: 1, splitIndex: 2, defaultLeft: 3, leftGradient: 4, leftHessian: 5 } as const;

/** Numbers per node in a split result array. */
export const splitStride = 6;

/** Regularization that shapes split gains. */
export interface SplitRules {
  readonly lambda: number;
  readonly minChildWeight: number;
}

/** Marks every node of a result array as "no split found yet". */
export function resetSplits(results: Float64Array): void {
  for (let offset = 0; offset < results.length; offset += splitStride) results[offset] = Number.NEGATIVE_INFINITY;
}

/**
 * Scans one feature's histogram for the best split of a node and records it in `results` at
 * `offset` when its gain is strictly greater than the current one (so ties keep the earlier
 * feature, and the result is the same however features are shared among threads).
 *
 * The gain is XGBoost's: GL²/(HL+λ) + GR²/(HR+λ) - G²/(H+λ). Splits "bins below k, missing
 * right" are scanned first, then, when the node has missing values for this feature, "missing and
 * bins below k go left" (including k = 0: only missing values left). Both children need a
 * hessian sum of at least min_child_weight.
 */
export function scanFeature(
  histogram: Float64Array,
  base: number,
  binCount: number,
  feature: number,
  totalGradient: number,
  totalHessian: number,
  rules: SplitRules,
  results: Float64Array,
  offset: number,
): void {
  const { lambda, minChildWeight } = rules;
  const parentScore = (totalGradient * totalGradient) / (totalHessian + lambda);
  let best = results[offset] as number;
  let leftGradient = 0;
  let leftHessian = 0;
  for (let split = 1; split < binCount; split += 1) {
    leftGradient += histogram[base + 2 * split - 2] as number;
    leftHessian += histogram[base + 2 * split - 1] as number;
    const rightHessian = totalHessian - leftHessian;
    if (leftHessian < minChildWeight || rightHessian < minChildWeight || !(leftHessian > 0) || !(rightHessian > 0)) continue;
    const rightGradient = totalGradient - leftGradient;
    const gain = (leftGradient * leftGradient) / (leftHessian + lambda) + (rightGradient * rightGradient) / (rightHessian + lambda) - parentScore;
    if (gain > best) {
      best = gain;
      record(results, offset, gain, feature, split, 0, leftGradient, leftHessian);
    }
  }
  const missingHessian = histogram[base + 2 * binCount + 1] as number;
  if (!(missingHessian > 0)) return;
  leftGradient = histogram[base + 2 * binCount] as number;
  leftHessian = missingHessian;
  for (let split = 0; split < binCount; split += 1) {
    if (split > 0) {
      leftGradient += histogram[base + 2 * split - 2] as number;
      leftHessian += histogram[base + 2 * split - 1] as number;
    }
    const rightHessian = totalHessian - leftHessian;
    if (leftHessian < minChildWeight || rightHessian < minChildWeight || !(rightHessian > 0)) continue;
    const rightGradient = totalGradient - leftGradient;
    const gain = (leftGradient * leftGradient) / (leftHessian + lambda) + (rightGradient * rightGradient) / (rightHessian + lambda) - parentScore;
    if (gain > best) {
      best = gain;
      record(results, offset, gain, feature, split, 1, leftGradient, leftHessian);
    }
  }
}

function record(results: Float64Array, offset: number, gain: number, feature: number, split: number, defaultLeft: number, gradient: number, hessian: number): void {
  results[offset + splitField.gain] = gain;
  results[offset + splitField.feature] = feature;
  results[offset + splitField.splitIndex] = split;
  results[offset + splitField.defaultLeft] = defaultLeft;
  results[offset + splitField.leftGradient] = gradient;
  results[offset + splitField.leftHessian] = hessian;
}

/** Keeps, per node, the better of two result arrays (`candidate` wins only with a strictly greater gain). */
export function mergeSplits(target: Float64Array, candidate: Float64Array): void {
  for (let offset = 0; offset < target.length; offset += splitStride) {
    if ((candidate[offset] as number) > (target[offset] as number)) target.set(candidate.subarray(offset, offset + splitStride), offset);
  }
}
