import type { Objective } from './objective.js';

/**
 * Categorical splits of one tree, in XGBoost's layout: node `n` with `splitType[n] === 1` owns the
 * slice `categories[categoryStart[n] .. categoryStart[n] + categoryCount[n])`, sorted ascending.
 * A row whose category code is in that set goes RIGHT; any other valid code goes left; a missing
 * value follows `defaultLeft`.
 */
export interface CategoricalSplits {
  /** 0 = numeric split or leaf, 1 = categorical split, per node. */
  readonly splitType: Uint8Array;
  /** Start of each categorical node's slice in `categories` (0 for other nodes). */
  readonly categoryStart: Int32Array;
  /** Length of each categorical node's slice (0 for other nodes). */
  readonly categoryCount: Int32Array;
  /** Flat, per-node sorted category codes. */
  readonly categories: Int32Array;
}

/**
 * One regression tree as parallel typed arrays indexed by node id (node 0 is the root), the way
 * XGBoost stores it. No object per node, so a model of thousands of trees stays compact.
 */
export interface Tree {
  /** Left child per node; -1 marks a leaf. */
  readonly leftChild: Int32Array;
  /** Right child per node; -1 marks a leaf. */
  readonly rightChild: Int32Array;
  /** Feature index tested at each internal node (0 at leaves, as XGBoost writes it). */
  readonly splitFeature: Int32Array;
  /** Float32 threshold: a row goes left when `value < threshold` (compared in float32). */
  readonly threshold: Float32Array;
  /** 1 when a missing value (NaN) goes left at this node. */
  readonly defaultLeft: Uint8Array;
  /** Leaf value (margin contribution) at leaves; 0 at internal nodes. */
  readonly leafValue: Float32Array;
  /** Sum of hessians of the training rows that reached each node (XGBoost `sum_hessian`). */
  readonly cover: Float32Array;
  /** Loss reduction of each split (XGBoost `loss_changes`); 0 at leaves. */
  readonly gain: Float32Array;
  /** Node weight before any split (XGBoost `base_weights`); equals the leaf value at leaves. */
  readonly baseWeight: Float32Array;
  /** Present only when the tree has categorical splits. */
  readonly categorical?: CategoricalSplits;
}

/**
 * A gradient-boosted tree ensemble with a single output. Its margin for a row is
 * `baseMargin + Σ tree leaf values` (accumulated in float32, tree by tree), and its output is the
 * objective's transform of that margin (sigmoid for logistic objectives).
 */
export interface TreeEnsemble {
  /** How the margin becomes an output, and how `baseScore` becomes the starting margin. */
  readonly objective: Objective;
  /** Base score as XGBoost stores it: a probability for logistic objectives, a margin otherwise. */
  readonly baseScore: number;
  /** The float32 starting margin derived from `baseScore` exactly as XGBoost derives it. */
  readonly baseMargin: number;
  /** Number of input features a row must have. */
  readonly featureCount: number;
  /** Feature names in column order, when known. */
  readonly featureNames?: readonly string[];
  /** Which features are categorical (category codes as numbers), when any are. */
  readonly categoricalFeatures?: readonly boolean[];
  /** The trees, summed in this order. */
  readonly trees: readonly Tree[];
}

/** Number of nodes of a tree. */
export function nodeCount(tree: Tree): number {
  return tree.leftChild.length;
}

/** True when the node is a leaf. */
export function isLeaf(tree: Tree, node: number): boolean {
  return (tree.leftChild[node] ?? -1) < 0;
}

/** Depth of the tree: 0 for a single leaf, 1 for a root with two leaves, and so on. */
export function treeDepth(tree: Tree): number {
  let deepest = 0;
  const stack: number[] = [0, 0];
  while (stack.length > 0) {
    const depth = stack.pop() ?? 0;
    const node = stack.pop() ?? 0;
    if (depth > deepest) deepest = depth;
    const left = tree.leftChild[node] ?? -1;
    if (left >= 0) stack.push(left, depth + 1, tree.rightChild[node] ?? -1, depth + 1);
  }
  return deepest;
}

/** A copy of the ensemble that keeps only its first `count` trees. */
export function truncateEnsemble(model: TreeEnsemble, count: number): TreeEnsemble {
  return { ...model, trees: model.trees.slice(0, count) };
}
