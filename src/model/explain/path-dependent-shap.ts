import { goesLeft, type FlatForest } from '../predictor/flat-forest.js';

/**
 * Exact path-dependent TreeSHAP for one tree (Lundberg, Erion and Lee, "Consistent Individualized
 * Feature Attribution for Tree Ensembles", Algorithm 2), in O(leaves × depth²). The "unique path"
 * of features seen from the root to a node carries, for every possible subset size, the share of
 * permutations in which the path's features are present; it is extended at each split and unwound
 * when a feature repeats. All path storage is preallocated in {@link ShapScratch}.
 */

/** Reusable path storage for trees up to a given depth. */
export class ShapScratch {
  readonly feature: Int32Array;
  readonly zeroFraction: Float64Array;
  readonly oneFraction: Float64Array;
  readonly weight: Float64Array;

  constructor(maximumDepth: number) {
    // Each recursion level copies its parent's path (one element longer than the depth) after it.
    const size = ((maximumDepth + 3) * (maximumDepth + 4)) / 2;
    this.feature = new Int32Array(size);
    this.zeroFraction = new Float64Array(size);
    this.oneFraction = new Float64Array(size);
    this.weight = new Float64Array(size);
  }
}

function extend(path: ShapScratch, start: number, depth: number, zeroFraction: number, oneFraction: number, feature: number): void {
  const { weight } = path;
  path.feature[start + depth] = feature;
  path.zeroFraction[start + depth] = zeroFraction;
  path.oneFraction[start + depth] = oneFraction;
  weight[start + depth] = depth === 0 ? 1 : 0;
  for (let index = depth - 1; index >= 0; index -= 1) {
    const current = weight[start + index] ?? 0;
    weight[start + index + 1] = (weight[start + index + 1] ?? 0) + (oneFraction * current * (index + 1)) / (depth + 1);
    weight[start + index] = (zeroFraction * current * (depth - index)) / (depth + 1);
  }
}

function unwind(path: ShapScratch, start: number, depth: number, pathIndex: number): void {
  const { weight } = path;
  const oneFraction = path.oneFraction[start + pathIndex] ?? 0;
  const zeroFraction = path.zeroFraction[start + pathIndex] ?? 0;
  let nextOnePortion = weight[start + depth] ?? 0;
  for (let index = depth - 1; index >= 0; index -= 1) {
    if (oneFraction !== 0) {
      const current = weight[start + index] ?? 0;
      weight[start + index] = (nextOnePortion * (depth + 1)) / ((index + 1) * oneFraction);
      nextOnePortion = current - ((weight[start + index] ?? 0) * zeroFraction * (depth - index)) / (depth + 1);
    } else {
      weight[start + index] = ((weight[start + index] ?? 0) * (depth + 1)) / (zeroFraction * (depth - index));
    }
  }
  for (let index = pathIndex; index < depth; index += 1) {
    path.feature[start + index] = path.feature[start + index + 1] ?? 0;
    path.zeroFraction[start + index] = path.zeroFraction[start + index + 1] ?? 0;
    path.oneFraction[start + index] = path.oneFraction[start + index + 1] ?? 0;
  }
}

function unwoundSum(path: ShapScratch, start: number, depth: number, pathIndex: number): number {
  const { weight } = path;
  const oneFraction = path.oneFraction[start + pathIndex] ?? 0;
  const zeroFraction = path.zeroFraction[start + pathIndex] ?? 0;
  let nextOnePortion = weight[start + depth] ?? 0;
  let total = 0;
  for (let index = depth - 1; index >= 0; index -= 1) {
    if (oneFraction !== 0) {
      const share = (nextOnePortion * (depth + 1)) / ((index + 1) * oneFraction);
      total += share;
      nextOnePortion = (weight[start + index] ?? 0) - (share * zeroFraction * (depth - index)) / (depth + 1);
    } else if (zeroFraction !== 0) {
      total += (weight[start + index] ?? 0) / zeroFraction / ((depth - index) / (depth + 1));
    }
  }
  return total;
}

/** Fraction of the parent's cover that went to `child` (0 when the parent has no cover). */
function coverRatio(forest: FlatForest, child: number, parent: number): number {
  const parentCover = forest.cover[parent] ?? 0;
  return parentCover > 0 ? (forest.cover[child] ?? 0) / parentCover : 0;
}

/**
 * Adds one tree's SHAP values for `row` (float32 values, NaN = missing) to `contributions`.
 * `root` is the tree's root in the flat forest.
 */
export function addTreeShap(forest: FlatForest, root: number, row: Float32Array, path: ShapScratch, contributions: Float64Array): void {
  const recurse = (node: number, parentStart: number, depth: number, zeroFraction: number, oneFraction: number, feature: number): void => {
    const start = parentStart + depth + 1;
    path.feature.copyWithin(start, parentStart, start);
    path.zeroFraction.copyWithin(start, parentStart, start);
    path.oneFraction.copyWithin(start, parentStart, start);
    path.weight.copyWithin(start, parentStart, start);
    extend(path, start, depth, zeroFraction, oneFraction, feature);
    const split = forest.feature[node] ?? -1;
    if (split < 0) {
      const value = forest.value[node] ?? 0;
      for (let index = 1; index <= depth; index += 1) {
        const share = unwoundSum(path, start, depth, index);
        const target = path.feature[start + index] ?? 0;
        contributions[target] = (contributions[target] ?? 0) + share * ((path.oneFraction[start + index] ?? 0) - (path.zeroFraction[start + index] ?? 0)) * value;
      }
      return;
    }
    const left = forest.left[node] ?? 0;
    const right = forest.right[node] ?? 0;
    const hot = goesLeft(forest, node, row[split] ?? Number.NaN) ? left : right;
    const cold = hot === left ? right : left;
    let incomingZero = 1;
    let incomingOne = 1;
    let uniqueDepth = depth;
    let pathIndex = 0;
    while (pathIndex <= uniqueDepth && path.feature[start + pathIndex] !== split) pathIndex += 1;
    if (pathIndex <= uniqueDepth) {
      incomingZero = path.zeroFraction[start + pathIndex] ?? 0;
      incomingOne = path.oneFraction[start + pathIndex] ?? 0;
      unwind(path, start, uniqueDepth, pathIndex);
      uniqueDepth -= 1;
    }
    recurse(hot, start, uniqueDepth + 1, coverRatio(forest, hot, node) * incomingZero, incomingOne, split);
    recurse(cold, start, uniqueDepth + 1, coverRatio(forest, cold, node) * incomingZero, 0, split);
  };
  // The first path element is a dummy (feature -1) whose weight seeds the recursion.
  recurse(root, 0, 0, 1, 1, -1);
}

/** The tree's expected value: leaves weighted by the share of cover that reaches them. */
export function treeExpectation(forest: FlatForest, node: number): number {
  if ((forest.feature[node] ?? -1) < 0) return forest.value[node] ?? 0;
  const left = forest.left[node] ?? 0;
  const right = forest.right[node] ?? 0;
  return coverRatio(forest, left, node) * treeExpectation(forest, left) + coverRatio(forest, right, node) * treeExpectation(forest, right);
}
