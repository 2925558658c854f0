import { sigmoid32 } from '../objective.js';
import type { Tree } from '../tree-ensemble.js';
import type { FeatureBins } from './quantize.js';
import type { TrainingArena } from './training-arena.js';
import type { GrownTree } from './tree-grower.js';

/** Row-weighted mean log loss of every training row's current margin. */
export function trainingLogLoss(arena: TrainingArena): number {
  const { layout, kernels, sums } = arena;
  kernels.logLoss(layout.rowCount, layout.margins, layout.labels, layout.weights, layout.sums);
  return (sums[2] ?? 0) / (sums[3] ?? 1);
}

/** Adds each leaf's value to the float32 margins of the rows it holds (rows of this tree's sample). */
export function addLeavesToMargins(arena: TrainingArena, grown: GrownTree): void {
  const { layout, kernels } = arena;
  const { leafRanges, tree } = grown;
  for (let index = 0; index < leafRanges.length; index += 3) {
    kernels.addLeafValue(layout.rowIndex, leafRanges[index + 1] ?? 0, leafRanges[index + 2] ?? 0, layout.margins, tree.leafValue[leafRanges[index] ?? 0] ?? 0);
  }
}

/** Routes the rows not drawn for this tree (`drawn[row] === 0`) by their bins and adds their leaf. */
export function addTreeToUndrawnRows(arena: TrainingArena, grown: GrownTree, drawn: Uint8Array, margins: Float32Array, featureBins: readonly FeatureBins[]): void {
  const { bins, layout } = arena;
  const { tree, splitBin } = grown;
  for (let row = 0; row < margins.length; row += 1) {
    if (drawn[row] === 1) continue;
    let node = 0;
    while ((tree.leftChild[node] as number) >= 0) {
      const feature = tree.splitFeature[node] as number;
      const bin = bins[feature * layout.rowCount + row] as number;
      const goLeft = bin === (featureBins[feature] as FeatureBins).binCount ? tree.defaultLeft[node] === 1 : bin < (splitBin[node] as number);
      node = goLeft ? (tree.leftChild[node] as number) : (tree.rightChild[node] as number);
    }
    margins[row] = (margins[row] as number) + (tree.leafValue[node] as number);
  }
}

/** Adds a tree's leaves to float32 margins of rows given as raw feature columns (validation data). */
export function addTreeToColumnMargins(tree: Tree, columns: readonly Float32Array[], margins: Float32Array): void {
  for (let row = 0; row < margins.length; row += 1) {
    let node = 0;
    while ((tree.leftChild[node] as number) >= 0) {
      const value = (columns[tree.splitFeature[node] as number] as Float32Array)[row] as number;
      const goLeft = value !== value ? tree.defaultLeft[node] === 1 : value < (tree.threshold[node] as number);
      node = goLeft ? (tree.leftChild[node] as number) : (tree.rightChild[node] as number);
    }
    margins[row] = (margins[row] as number) + (tree.leafValue[node] as number);
  }
}

/** Weighted mean logistic loss of float32 margins (probabilities clipped to [1e-15, 1 - 1e-15]). */
export function marginLogLoss(margins: Float32Array, labels: Float32Array | Uint8Array, weights?: Float32Array): number {
  let total = 0;
  let weightSum = 0;
  for (let row = 0; row < margins.length; row += 1) {
    const probability = Math.min(Math.max(sigmoid32(margins[row] as number), 1e-15), 1 - 1e-15);
    const label = labels[row] as number;
    const weight = weights === undefined ? 1 : (weights[row] as number);
    total -= weight * (label * Math.log(probability) + (1 - label) * Math.log(1 - probability));
    weightSum += weight;
  }
  return total / weightSum;
}
