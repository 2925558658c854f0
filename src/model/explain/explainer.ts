import { SentraError } from '../../errors/errors.js';
import { flattenForest, type FlatForest } from '../predictor/flat-forest.js';
import { treeDepth, type TreeEnsemble } from '../tree-ensemble.js';
import { gaussLegendre } from './gauss-legendre.js';
import { addTreeShap, ShapScratch, treeExpectation } from './path-dependent-shap.js';
import { QuadratureKernel } from './quadrature-kernel.js';
import { addQuadratureShap, buildQuadratureTree, distinctPathFeatures, quadratureScratch, type QuadratureTree } from './quadrature-tree.js';

/** SHAP values of one row in margin space: `bias + Σ contributions` equals the row's margin. */
export interface Explanation {
  /** The model's expected margin over the training data (base margin + each tree's expectation). */
  readonly bias: number;
  /** One contribution per feature, in margin (log-odds for logistic models) units. */
  readonly contributions: Float64Array;
}

/** A model prepared for repeated explanations (scratch buffers and tables allocated once). */
export interface Explainer {
  /** Number of features a row must have. */
  readonly featureCount: number;
  /** The bias shared by every explanation. */
  readonly bias: number;
  /** Number of trees on the fast path (the rest use the recursive algorithm). */
  readonly fastTrees: number;
  /** Explains one row (NaN = missing); writes into `output` when given (it is zeroed first). */
  explain(row: ArrayLike<number>, output?: Float64Array): Explanation;
}

/** Options of {@link createExplainer}. */
export interface ExplainerOptions {
  /** Use the fast path (default true); false explains every tree with the recursive algorithm. */
  readonly fastPath?: boolean;
  /**
   * No longer has an effect: trees with categorical splits used to be explained from leaf tables
   * bounded by this many entries; they now need no tables (memory linear in the tree's size).
   * @deprecated
   */
  readonly tableEntryBudget?: number;
}

function prepare(model: TreeEnsemble): { forest: FlatForest; bias: number; row: Float32Array } {
  const forest = flattenForest(model);
  let bias = model.baseMargin;
  for (const root of forest.roots) bias += treeExpectation(forest, root);
  return { forest, bias, row: new Float32Array(Math.max(model.featureCount, 1)) };
}

function toFloat32Row(row: ArrayLike<number>, featureCount: number, target: Float32Array): void {
  if (row.length !== featureCount) {
    throw new SentraError('SENTRA_ERR_VALIDATION', `Feature count mismatch: the model expects ${featureCount} features, the row has ${row.length}.`, {
      details: [{ code: 'feature_count', path: '/row', message: `expected ${featureCount} values, got ${row.length}` }],
    });
  }
  for (let feature = 0; feature < featureCount; feature += 1) target[feature] = row[feature] ?? Number.NaN;
}

/** Paths testing more distinct features than this (one bit each in a mask) use the recursive algorithm. */
const quadratureFeatureLimit = 32;

/**
 * Prepares a model for fast exact TreeSHAP (the hot scoring path) by Gauss-Legendre quadrature
 * over each tree's nodes (see quadrature-tree.ts): O(nodes · depth) per tree and row, no division
 * and no tables. Trees with numeric splits run in a WebAssembly kernel, trees with categorical
 * splits in JavaScript, and trees whose paths test more than 32 distinct features use the
 * recursive algorithm. All give the same values up to float64 rounding.
 */
export function createExplainer(model: TreeEnsemble, options: ExplainerOptions = {}): Explainer {
  const { forest, bias, row } = prepare(model);
  const fast = options.fastPath ?? true;
  const widths = model.trees.map((_, index) => (fast ? distinctPathFeatures(forest, forest.roots[index] ?? 0) : Number.POSITIVE_INFINITY));
  const inKernel = model.trees.map((tree, index) => tree.categorical === undefined && (widths[index] ?? 0) <= quadratureFeatureLimit);
  // One point count for the kernel (pairs of points per float64x2 vector): ⌈width/2⌉ points are exact.
  const vectors = Math.max(1, ...widths.filter((_, index) => inKernel[index] === true).map((width) => Math.ceil(width / 4)));
  const kernelQuadrature = gaussLegendre(2 * vectors);
  const kernelTrees: QuadratureTree[] = [];
  const scriptTrees: (QuadratureTree | undefined)[] = [];
  let maximumDepth = 0;
  let maximumNodes = 1;
  let maximumPoints = 1;
  model.trees.forEach((tree, index) => {
    const root = forest.roots[index] ?? 0;
    const width = widths[index] ?? Number.POSITIVE_INFINITY;
    if (inKernel[index] === true) kernelTrees.push(buildQuadratureTree(forest, root, kernelQuadrature));
    const script = inKernel[index] !== true && width <= quadratureFeatureLimit ? buildQuadratureTree(forest, root, gaussLegendre(Math.max(1, Math.ceil(width / 2)))) : undefined;
    if (script !== undefined) {
      maximumNodes = Math.max(maximumNodes, script.nodeCount);
      maximumPoints = Math.max(maximumPoints, script.pointCount);
    }
    if (inKernel[index] !== true && script === undefined) maximumDepth = Math.max(maximumDepth, treeDepth(tree));
    scriptTrees.push(script);
  });
  const path = new ShapScratch(maximumDepth);
  const scratch = quadratureScratch(maximumNodes, maximumPoints);
  const kernel = kernelTrees.length > 0 ? new QuadratureKernel(forest, kernelTrees, model.featureCount, vectors) : undefined;
  return {
    featureCount: model.featureCount,
    bias,
    fastTrees: kernelTrees.length + scriptTrees.filter((tree) => tree !== undefined).length,
    explain(input, output) {
      toFloat32Row(input, model.featureCount, row);
      const contributions = output ?? new Float64Array(model.featureCount);
      contributions.fill(0);
      kernel?.addContributions(row, contributions);
      for (let index = 0; index < scriptTrees.length; index += 1) {
        if (inKernel[index] === true) continue;
        const script = scriptTrees[index];
        if (script !== undefined) addQuadratureShap(forest, script, row, scratch, contributions);
        else addTreeShap(forest, forest.roots[index] ?? 0, row, path, contributions);
      }
      return { bias, contributions };
    },
  };
}

/**
 * Exact TreeSHAP contributions of one row (NaN = missing) with the recursive polynomial-time
 * algorithm. Given an {@link Explainer}, delegates to it (the fast path for hot code).
 */
export function explainRow(model: TreeEnsemble | Explainer, row: ArrayLike<number>): Explanation {
  if ('explain' in model) return model.explain(row);
  const { forest, bias, row: values } = prepare(model);
  toFloat32Row(row, model.featureCount, values);
  const path = new ShapScratch(Math.max(0, ...model.trees.map(treeDepth)));
  const contributions = new Float64Array(model.featureCount);
  for (const root of forest.roots) addTreeShap(forest, root, values, path, contributions);
  return { bias, contributions };
}
