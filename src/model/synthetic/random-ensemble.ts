import { baseMarginFromScore } from '../objective.js';
import { SeededRandom } from '../random.js';
import type { Tree, TreeEnsemble } from '../tree-ensemble.js';

/** Shape of a random ensemble (for benchmarks and property tests). */
export interface RandomEnsembleOptions {
  /** Number of trees. */
  readonly treeCount: number;
  /** Maximum depth of each tree. */
  readonly depth: number;
  /** Number of features. */
  readonly featureCount: number;
  /** Chance that a node above the maximum depth becomes a leaf early (0 = complete trees). */
  readonly earlyLeafChance?: number;
  /** Seed of the generator. */
  readonly seed?: number;
}

/**
 * A random binary:logistic ensemble: thresholds drawn from a standard normal (matching
 * {@link randomColumns}), random default directions, covers that split a parent's cover at random.
 */
export function randomEnsemble(options: RandomEnsembleOptions): TreeEnsemble {
  const random = new SeededRandom(options.seed ?? 1);
  const trees: Tree[] = [];
  for (let index = 0; index < options.treeCount; index += 1) trees.push(randomTree(random, options));
  return { objective: 'binary:logistic', baseScore: 0.5, baseMargin: baseMarginFromScore('binary:logistic', 0.5), featureCount: options.featureCount, trees };
}

function randomTree(random: SeededRandom, options: RandomEnsembleOptions): Tree {
  const left: number[] = [];
  const right: number[] = [];
  const feature: number[] = [];
  const threshold: number[] = [];
  const defaultLeft: number[] = [];
  const leaf: number[] = [];
  const cover: number[] = [];
  const grow = (depth: number, nodeCover: number): number => {
    const id = left.length;
    left.push(-1);
    right.push(-1);
    feature.push(0);
    threshold.push(0);
    defaultLeft.push(0);
    leaf.push(0);
    cover.push(nodeCover);
    if (depth === options.depth || (depth > 0 && random.nextFloat() < (options.earlyLeafChance ?? 0))) {
      leaf[id] = Math.fround((random.nextFloat() - 0.5) * 0.4);
      return id;
    }
    feature[id] = random.nextInt(options.featureCount);
    threshold[id] = Math.fround(random.nextNormal());
    defaultLeft[id] = random.nextFloat() < 0.5 ? 1 : 0;
    const share = 0.1 + 0.8 * random.nextFloat();
    left[id] = grow(depth + 1, nodeCover * share);
    right[id] = grow(depth + 1, nodeCover * (1 - share));
    return id;
  };
  grow(0, 1000);
  const count = left.length;
  return {
    leftChild: Int32Array.from(left),
    rightChild: Int32Array.from(right),
    splitFeature: Int32Array.from(feature),
    threshold: Float32Array.from(threshold),
    defaultLeft: Uint8Array.from(defaultLeft),
    leafValue: Float32Array.from(leaf),
    cover: Float32Array.from(cover),
    gain: new Float32Array(count),
    baseWeight: Float32Array.from(leaf),
  };
}

/** Standard normal feature columns with a share of missing values (NaN). */
export function randomColumns(featureCount: number, rowCount: number, missingShare: number, seed = 2): Float32Array[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: featureCount }, () => {
    const column = new Float32Array(rowCount);
    for (let row = 0; row < rowCount; row += 1) column[row] = random.nextFloat() < missingShare ? Number.NaN : random.nextNormal();
    return column;
  });
}
