import type { Tree, TreeEnsemble } from '../tree-ensemble.js';

/**
 * Every tree of an ensemble concatenated into one set of flat arrays (global node ids), the
 * general prediction path: any depth, numeric and categorical splits.
 */
export interface FlatForest {
  /** Feature tested per node; -1 marks a leaf. */
  readonly feature: Int32Array;
  /** Float32 threshold per numeric node. */
  readonly threshold: Float32Array;
  /** Global id of the left child. */
  readonly left: Int32Array;
  /** Global id of the right child. */
  readonly right: Int32Array;
  /** 1 when a missing value goes left. */
  readonly defaultLeft: Uint8Array;
  /** Leaf value per leaf node. */
  readonly value: Float32Array;
  /** Training cover (sum of hessians) per node, used by TreeSHAP. */
  readonly cover: Float32Array;
  /** -1 for numeric nodes; else the first word of the node's category bitset in `bitsets`. */
  readonly categoryWord: Int32Array;
  /** Number of bitset words of each categorical node. */
  readonly categoryWordCount: Int32Array;
  /** Category membership bitsets (bit c of a node's words set = category c goes right). */
  readonly bitsets: Uint32Array;
  /** Global id of each tree's root, in summation order. */
  readonly roots: Int32Array;
}

/** Category codes at or above 2^24 are not exact in float32; XGBoost treats them as invalid. */
const categoryLimit = 16_777_216;

function appendBitsets(tree: Tree, node: number, words: number[]): [number, number] {
  const categorical = tree.categorical;
  if (categorical === undefined || categorical.splitType[node] !== 1) return [-1, 0];
  const start = categorical.categoryStart[node] ?? 0;
  const codes = categorical.categories.subarray(start, start + (categorical.categoryCount[node] ?? 0));
  const wordCount = codes.length === 0 ? 0 : ((codes[codes.length - 1] ?? 0) >>> 5) + 1;
  const first = words.length;
  for (let word = 0; word < wordCount; word += 1) words.push(0);
  for (const category of codes) words[first + (category >>> 5)] = ((words[first + (category >>> 5)] ?? 0) | (1 << (category & 31))) >>> 0;
  return [first, wordCount];
}

/** Flattens the trees of a model into one {@link FlatForest}. */
export function flattenForest(model: TreeEnsemble): FlatForest {
  const total = model.trees.reduce((sum, tree) => sum + tree.leftChild.length, 0);
  const forest = {
    feature: new Int32Array(total),
    threshold: new Float32Array(total),
    left: new Int32Array(total),
    right: new Int32Array(total),
    defaultLeft: new Uint8Array(total),
    value: new Float32Array(total),
    cover: new Float32Array(total),
    categoryWord: new Int32Array(total).fill(-1),
    categoryWordCount: new Int32Array(total),
    roots: new Int32Array(model.trees.length),
  };
  const words: number[] = [];
  let offset = 0;
  model.trees.forEach((tree, treeIndex) => {
    forest.roots[treeIndex] = offset;
    for (let node = 0; node < tree.leftChild.length; node += 1) {
      const id = offset + node;
      const left = tree.leftChild[node] ?? -1;
      forest.value[id] = tree.leafValue[node] ?? 0;
      forest.cover[id] = tree.cover[node] ?? 0;
      if (left < 0) {
        forest.feature[id] = -1;
        continue;
      }
      forest.feature[id] = tree.splitFeature[node] ?? 0;
      forest.threshold[id] = tree.threshold[node] ?? 0;
      forest.left[id] = offset + left;
      forest.right[id] = offset + (tree.rightChild[node] ?? 0);
      forest.defaultLeft[id] = tree.defaultLeft[node] ?? 0;
      const [word, count] = appendBitsets(tree, node, words);
      forest.categoryWord[id] = word;
      forest.categoryWordCount[id] = count;
    }
    offset += tree.leftChild.length;
  });
  return { ...forest, bitsets: Uint32Array.from(words) };
}

/**
 * XGBoost's categorical decision: a valid category code in the node's set goes right; codes not in
 * the set, negative codes and codes too large for float32 go left.
 */
function categoryGoesLeft(forest: FlatForest, node: number, value: number): boolean {
  if (value < 0 || value >= categoryLimit) return true;
  const category = Math.trunc(value);
  const word = category >>> 5;
  if (word >= (forest.categoryWordCount[node] ?? 0)) return true;
  return (((forest.bitsets[(forest.categoryWord[node] ?? 0) + word] ?? 0) >>> (category & 31)) & 1) === 0;
}

/** True when a float32 `value` (NaN = missing) goes to the left child of internal node `node`. */
export function goesLeft(forest: FlatForest, node: number, value: number): boolean {
  if (value !== value) return forest.defaultLeft[node] === 1;
  if ((forest.categoryWord[node] ?? -1) < 0) return value < (forest.threshold[node] ?? 0);
  return categoryGoesLeft(forest, node, value);
}

/**
 * The leaf a row reaches from `node`. `row` holds float32 values at `row[base + feature]`; NaN is
 * missing. Comparisons are float32 against float32, as in XGBoost (left when value < threshold).
 */
export function findLeaf(forest: FlatForest, node: number, row: Float32Array, base = 0): number {
  const { feature, threshold, left, right, defaultLeft, categoryWord } = forest;
  let current = node;
  let split = feature[current] ?? -1;
  while (split >= 0) {
    const value = row[base + split] ?? Number.NaN;
    let goLeft: boolean;
    if (value !== value) goLeft = defaultLeft[current] === 1;
    else if ((categoryWord[current] ?? -1) < 0) goLeft = value < (threshold[current] ?? 0);
    else goLeft = categoryGoesLeft(forest, current, value);
    current = goLeft ? (left[current] ?? 0) : (right[current] ?? 0);
    split = feature[current] ?? -1;
  }
  return current;
}

/** The float32 margin of one row: base margin plus each tree's leaf, rounded after every addition. */
export function forestMargin(forest: FlatForest, baseMargin: number, row: Float32Array, base = 0): number {
  let margin = baseMargin;
  const { roots, value } = forest;
  for (let tree = 0; tree < roots.length; tree += 1) {
    margin = Math.fround(margin + (value[findLeaf(forest, roots[tree] ?? 0, row, base)] ?? 0));
  }
  return margin;
}
