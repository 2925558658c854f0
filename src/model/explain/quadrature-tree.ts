import { goesLeft, type FlatForest } from '../predictor/flat-forest.js';
import type { Quadrature } from './gauss-legendre.js';

/**
 * Exact path-dependent TreeSHAP in O(nodes · points) per tree and row, by quadrature (the
 * "Linear TreeShap" idea of Yu et al., 2022, arranged for a two-pass tree walk).
 *
 * For a leaf l with value v whose path tests the distinct features F, feature k has the zero
 * fraction z_k (the product of the cover shares at the path's nodes testing k) and the one
 * fraction o_k (1 when the row passes every test of k on the path, else 0). Lundberg's weights are
 * Beta integrals, so with f_k(t) = z_k + (o_k - z_k)·t:
 *   φ_i(l) = v · (o_i - z_i) · ∫₀¹ Π_{k∈F, k≠i} f_k(t) dt,
 * a polynomial of degree |F| - 1, integrated exactly by Gauss-Legendre at ⌈|F|/2⌉ points t_j.
 * Let G_l(t) = v·Π_{k∈F} f_k(t) (at each point: a product along the path) and W_u(t) the sum of
 * G_l over the leaves below node u. Then, without any per-leaf work:
 * - a failed feature (o_i = 0, f_i = z_i(1-t)) gets φ_i(l) = -∫ G_l/(1-t) =: c_l, the same for
 *   every failed feature of the leaf. Every feature is credited Σ c_l over the leaves below its
 *   topmost node on the path, κ·W_top with κ_j = -ω_j/(1-t_j), and passed features give it back;
 * - a passed feature i, for the leaves where an edge e (testing i) is the deepest test of i, gets
 *   φ_i(l) - c_l = ∫ G_l(t)·[(1-z)/(z + (1-z)t) + 1/(1-t)] dt with z its combined zero fraction
 *   down to e: K_e·W_c at e's child c, minus K_e·W_u at the next node u below testing i again.
 * The walk: top-down, G at each node from its parent's times the edge factor (precomputed per edge
 * for "passed", "failed" and "failed higher up"; at a repeated feature the factor is the ratio of
 * the new combined f to the previous one; at a leaf it includes v); bottom-up, W_u = W_left +
 * W_right and the credits above. No division at run time and no table per leaf or subset.
 */
export interface QuadratureTree {
  /** Global id of the tree's root; local id = global id - root. */
  readonly root: number;
  /** Number of nodes (local ids are 0..nodeCount-1). */
  readonly nodeCount: number;
  /** Quadrature points per node (a multiple of the caller's lane width). */
  readonly pointCount: number;
  /** Local ids of the internal nodes, parents before children. */
  readonly internalNodes: Int32Array;
  /** Local ids of each internal node's children. */
  readonly internalLeft: Int32Array;
  readonly internalRight: Int32Array;
  /** 1 << (slot of the node's feature among the distinct features of its path). */
  readonly internalBit: Int32Array;
  /**
   * Edge factors per internal node: for the left child then the right child, the factor at each
   * point when the row passes the edge, fails it, or failed a test of the same feature higher up
   * (6 · pointCount values per node). Leaf children's factors include the leaf value.
   */
  readonly factors: Float64Array;
  /** Per internal node: K for the left edge, K for the right edge, then L (3 · pointCount values). */
  readonly credits: Float64Array;
}

interface PathFeature {
  readonly slot: number;
  /** Combined zero fraction of the feature down to the current node. */
  readonly share: number;
  /** K of the deepest edge testing the feature above the current node. */
  readonly credit: Float64Array;
}

/** Largest number of distinct features on any root-to-leaf path of the tree. */
export function distinctPathFeatures(forest: FlatForest, root: number): number {
  let widest = 0;
  const stack: [number, readonly number[]][] = [[root, []]];
  while (stack.length > 0) {
    const [node, features] = stack.pop() as [number, readonly number[]];
    const feature = forest.feature[node] ?? -1;
    if (feature < 0) {
      widest = Math.max(widest, features.length);
      continue;
    }
    const next = features.includes(feature) ? features : [...features, feature];
    stack.push([forest.left[node] ?? 0, next], [forest.right[node] ?? 0, next]);
  }
  return widest;
}

/**
 * Prepares one tree for {@link addQuadratureShap} (or the WebAssembly kernel) with a quadrature of
 * at least ⌈distinctPathFeatures/2⌉ points. Paths may test at most 32 distinct features (one bit
 * each in the failed-feature masks).
 */
export function buildQuadratureTree(forest: FlatForest, root: number, quadrature: Quadrature): QuadratureTree {
  const { nodes: points, weights } = quadrature;
  const count = points.length;
  const internal: number[] = [];
  const queue = [root];
  for (let head = 0; head < queue.length; head += 1) {
    const node = queue[head] ?? root;
    if ((forest.feature[node] ?? -1) < 0) continue;
    internal.push(node);
    queue.push(forest.left[node] ?? 0, forest.right[node] ?? 0);
  }
  const index = new Map(internal.map((node, position) => [node, position]));
  const factors = new Float64Array(6 * count * internal.length);
  const credits = new Float64Array(3 * count * internal.length);
  const bits = new Int32Array(internal.length);
  const failedCredit = Float64Array.from(points, (point, j) => -(weights[j] ?? 0) / (1 - point));
  // Path state of every internal node, filled by its parent (BFS order visits parents first).
  const states = new Map<number, Map<number, PathFeature>>([[root, new Map()]]);
  internal.forEach((node, position) => {
    const state = states.get(node) ?? new Map<number, PathFeature>();
    const feature = forest.feature[node] ?? 0;
    const previous = state.get(feature);
    const slot = previous?.slot ?? state.size;
    if (slot >= 32) throw new RangeError('a path tests more than 32 distinct features');
    bits[position] = 1 << slot;
    credits.set(previous === undefined ? failedCredit : previous.credit.map((value) => -value), (3 * position + 2) * count);
    const parentCover = forest.cover[node] ?? 0;
    const before = previous?.share ?? 1;
    [forest.left[node] ?? 0, forest.right[node] ?? 0].forEach((child, side) => {
      const share = parentCover > 0 ? (forest.cover[child] ?? 0) / parentCover : 0;
      const combined = before * share;
      const isLeaf = !index.has(child);
      const scale = isLeaf ? (forest.value[child] ?? 0) : 1;
      const base = (6 * position + 3 * side) * count;
      const credit = new Float64Array(count);
      for (let j = 0; j < count; j += 1) {
        const t = points[j] ?? 0;
        // f before this edge when every earlier test of the feature passed (1 for a new feature).
        const passedBefore = previous === undefined ? 1 : before + (1 - before) * t;
        factors[base + j] = (scale * (combined + (1 - combined) * t)) / passedBefore;
        factors[base + count + j] = (scale * combined * (1 - t)) / passedBefore;
        factors[base + 2 * count + j] = scale * share;
        credit[j] = (weights[j] ?? 0) * ((1 - combined) / (combined + (1 - combined) * t) + 1 / (1 - t));
      }
      credits.set(credit, (3 * position + side) * count);
      if (!isLeaf) states.set(child, new Map(state).set(feature, { slot, share: combined, credit }));
    });
  });
  return {
    root,
    nodeCount: Math.max(1, ...internal.map((node) => Math.max(forest.left[node] ?? 0, forest.right[node] ?? 0) - root + 1)),
    pointCount: count,
    internalNodes: Int32Array.from(internal, (node) => node - root),
    internalLeft: Int32Array.from(internal, (node) => (forest.left[node] ?? 0) - root),
    internalRight: Int32Array.from(internal, (node) => (forest.right[node] ?? 0) - root),
    internalBit: bits,
    factors,
    credits,
  };
}

/** Scratch for {@link addQuadratureShap}, sized for the largest tree. */
export interface QuadratureScratch {
  /** G, then W, per local node and point. */
  readonly products: Float64Array;
  /** Failed-feature mask per local node. */
  readonly failed: Int32Array;
  /** Direction per local node (1 = the row goes left). */
  readonly left: Uint8Array;
}

/** Scratch for trees of up to `nodeCount` nodes and `pointCount` points. */
export function quadratureScratch(nodeCount: number, pointCount: number): QuadratureScratch {
  return { products: new Float64Array(nodeCount * pointCount), failed: new Int32Array(nodeCount), left: new Uint8Array(nodeCount) };
}

/**
 * Adds one tree's SHAP values for `row` (float32 values, NaN = missing) to `contributions`, in
 * JavaScript (any split kind). The WebAssembly kernel runs the same two passes for numeric trees.
 */
export function addQuadratureShap(forest: FlatForest, tree: QuadratureTree, row: Float32Array, scratch: QuadratureScratch, contributions: Float64Array): void {
  const { root, pointCount: n, internalNodes, internalLeft, internalRight, internalBit, factors, credits } = tree;
  const { products, failed, left: goesLeftAt } = scratch;
  const features = forest.feature;
  if (internalNodes.length === 0) return;
  failed[0] = 0;
  for (let j = 0; j < n; j += 1) products[j] = 1;
  for (let position = 0; position < internalNodes.length; position += 1) {
    const local = internalNodes[position] as number;
    const node = root + local;
    const toLeft = goesLeft(forest, node, row[features[node] as number] as number);
    goesLeftAt[local] = toLeft ? 1 : 0;
    const mask = failed[local] as number;
    const bit = internalBit[position] as number;
    const failedBefore = (mask & bit) !== 0;
    const leftChild = internalLeft[position] as number;
    const rightChild = internalRight[position] as number;
    failed[leftChild] = toLeft ? mask : mask | bit;
    failed[rightChild] = toLeft ? mask | bit : mask;
    const leftFactor = 6 * position * n + (failedBefore ? 2 * n : toLeft ? 0 : n);
    const rightFactor = (6 * position + 3) * n + (failedBefore ? 2 * n : toLeft ? n : 0);
    for (let j = 0; j < n; j += 1) {
      const parent = products[local * n + j] as number;
      products[leftChild * n + j] = parent * (factors[leftFactor + j] as number);
      products[rightChild * n + j] = parent * (factors[rightFactor + j] as number);
    }
  }
  for (let position = internalNodes.length - 1; position >= 0; position -= 1) {
    const local = internalNodes[position] as number;
    const leftChild = internalLeft[position] as number;
    const rightChild = internalRight[position] as number;
    const toLeft = goesLeftAt[local] === 1;
    const passedChild = toLeft ? leftChild : rightChild;
    const edgeCredit = (3 * position + (toLeft ? 0 : 1)) * n;
    const nodeCredit = (3 * position + 2) * n;
    let credit = 0;
    for (let j = 0; j < n; j += 1) {
      const sum = (products[leftChild * n + j] as number) + (products[rightChild * n + j] as number);
      products[local * n + j] = sum;
      credit += (credits[edgeCredit + j] as number) * (products[passedChild * n + j] as number) + (credits[nodeCredit + j] as number) * sum;
    }
    if (((failed[local] as number) & (internalBit[position] as number)) === 0) {
      const target = features[root + local] as number;
      contributions[target] = (contributions[target] as number) + credit;
    }
  }
}
