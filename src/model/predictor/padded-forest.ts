import { treeDepth, type Tree, type TreeEnsemble } from '../tree-ensemble.js';

/** Trees are traversed eight at a time by the kernel; the tree count is padded with empty trees. */
export const treesPerGroup = 8;

/** Deeper models use the general path: padding every tree to 2^depth leaves stops paying off. */
export const maximumPaddedDepth = 10;

/**
 * Every tree padded to a complete binary tree of the model's maximum depth, so that traversal is
 * a fixed number of branch-free steps: node i's children are 2i+1 (left) and 2i+2 (right).
 * A leaf above the bottom becomes a chain of dummy nodes whose subtrees all end in copies of it.
 *
 * Missing values need no test per node: each row is staged twice per feature, once with NaN
 * replaced by -Infinity (read by nodes whose missing values go left, since -Infinity < any finite
 * threshold) and once with NaN replaced by +Infinity (read by nodes whose missing values go right).
 */
export interface PaddedForest {
  /** Depth of every padded tree (at least 1). */
  readonly depth: number;
  /** Number of groups of {@link treesPerGroup} trees. */
  readonly groupCount: number;
  /** Per node: byte offset of the value it reads in a staged row (`4 * feature` or `4 * (featureCount + feature)`). */
  readonly nodeOffset: Int32Array;
  /** Per node: float32 threshold. */
  readonly nodeThreshold: Float32Array;
  /** Per tree, 2^depth leaf values. */
  readonly leaves: Float32Array;
}

/** True when the model can use the padded layout: numeric splits only, finite thresholds, bounded depth. */
export function canPad(model: TreeEnsemble): boolean {
  return model.trees.every(
    (tree) => tree.categorical === undefined && tree.threshold.every(Number.isFinite) && treeDepth(tree) <= maximumPaddedDepth,
  );
}

function fillTree(tree: Tree, featureCount: number, depth: number, forest: PaddedForest, treeIndex: number): void {
  const internalCount = 2 ** depth - 1;
  const nodeBase = treeIndex * internalCount;
  const leafBase = treeIndex * (internalCount + 1);
  const visit = (node: number, slot: number, level: number): void => {
    const left = tree.leftChild[node] ?? -1;
    if (level === depth) {
      forest.leaves[leafBase + slot - internalCount] = tree.leafValue[node] ?? 0;
      return;
    }
    if (left < 0) {
      visit(node, 2 * slot + 1, level + 1);
      visit(node, 2 * slot + 2, level + 1);
      return;
    }
    const feature = tree.splitFeature[node] ?? 0;
    forest.nodeOffset[nodeBase + slot] = 4 * (tree.defaultLeft[node] === 1 ? feature : featureCount + feature);
    forest.nodeThreshold[nodeBase + slot] = tree.threshold[node] ?? 0;
    visit(left, 2 * slot + 1, level + 1);
    visit(tree.rightChild[node] ?? 0, 2 * slot + 2, level + 1);
  };
  visit(0, 0, 0);
}

/** Builds the padded layout; call only when {@link canPad} is true. */
export function padForest(model: TreeEnsemble): PaddedForest {
  const depth = Math.max(1, ...model.trees.map(treeDepth));
  const groupCount = Math.ceil(model.trees.length / treesPerGroup);
  const treeSlots = groupCount * treesPerGroup;
  const forest: PaddedForest = {
    depth,
    groupCount,
    nodeOffset: new Int32Array(treeSlots * (2 ** depth - 1)),
    nodeThreshold: new Float32Array(treeSlots * (2 ** depth - 1)),
    leaves: new Float32Array(treeSlots * 2 ** depth),
  };
  model.trees.forEach((tree, index) => fillTree(tree, model.featureCount, depth, forest, index));
  return forest;
}
