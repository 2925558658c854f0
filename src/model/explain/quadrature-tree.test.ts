import { describe, expect, it } from 'vitest';
import { flattenForest } from '../predictor/flat-forest.js';
import { SeededRandom } from '../random.js';
import { randomEnsemble } from '../synthetic/random-ensemble.js';
import type { Tree, TreeEnsemble } from '../tree-ensemble.js';
import { explainRow } from './explainer.js';
import { gaussLegendre } from './gauss-legendre.js';
import { addQuadratureShap, buildQuadratureTree, distinctPathFeatures, quadratureScratch } from './quadrature-tree.js';

/** A row whose values sit on, just below or just above the model's thresholds, or are missing. */
function thresholdRow(model: TreeEnsemble, random: SeededRandom, missingShare: number): number[] {
  const thresholds: number[][] = Array.from({ length: model.featureCount }, () => []);
  for (const tree of model.trees) {
    tree.leftChild.forEach((child, node) => {
      if (child >= 0) thresholds[tree.splitFeature[node] ?? 0]?.push(tree.threshold[node] ?? 0);
    });
  }
  return thresholds.map((list) => {
    if (list.length === 0 || random.nextFloat() < missingShare) return Number.NaN;
    const threshold = list[random.nextInt(list.length)] ?? 0;
    const nudge = [0, -1e-3, 1e-3][random.nextInt(3)] ?? 0;
    return threshold + nudge;
  });
}

/** The JavaScript quadrature path over every tree, with ⌈width/2⌉ points per tree. */
function quadratureContributions(model: TreeEnsemble, row: readonly number[]): Float64Array {
  const forest = flattenForest(model);
  const contributions = new Float64Array(model.featureCount);
  for (const root of forest.roots) {
    const tree = buildQuadratureTree(forest, root, gaussLegendre(Math.max(1, Math.ceil(distinctPathFeatures(forest, root) / 2))));
    addQuadratureShap(forest, tree, Float32Array.from(row), quadratureScratch(tree.nodeCount, tree.pointCount), contributions);
  }
  return contributions;
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>): void {
  for (let feature = 0; feature < expected.length; feature += 1) {
    const reference = expected[feature] ?? 0;
    expect(Math.abs((actual[feature] ?? Number.NaN) - reference)).toBeLessThanOrEqual(1e-12 + 1e-9 * Math.abs(reference));
  }
}

describe('Gauss-Legendre quadrature on [0, 1]', () => {
  it('integrates every power t^k with k <= 2n - 1 exactly', () => {
    for (let points = 1; points <= 16; points += 1) {
      const { nodes, weights } = gaussLegendre(points);
      for (let power = 0; power < 2 * points; power += 1) {
        const integral = Array.from(nodes).reduce((sum, node, index) => sum + (weights[index] ?? 0) * node ** power, 0);
        expect(Math.abs(integral - 1 / (power + 1))).toBeLessThanOrEqual(4e-15);
      }
    }
  });
});

describe('TreeSHAP by quadrature over the tree (JavaScript path)', () => {
  it('equals the recursive algorithm on random trees: repeated features, missing values, values on thresholds', () => {
    const random = new SeededRandom(21);
    for (let trial = 0; trial < 60; trial += 1) {
      const featureCount = 1 + random.nextInt(8);
      const model = randomEnsemble({ treeCount: 1 + random.nextInt(4), depth: random.nextInt(10), featureCount, earlyLeafChance: 0.2, seed: 500 + trial });
      for (let sample = 0; sample < 4; sample += 1) {
        const row = thresholdRow(model, random, 0.15);
        expectClose(quadratureContributions(model, row), explainRow(model, row).contributions);
      }
    }
  });

  it('handles children without cover (a zero share) and a node without cover', () => {
    const tree: Tree = {
      leftChild: Int32Array.from([1, 3, -1, 5, -1, -1, -1]),
      rightChild: Int32Array.from([2, 4, -1, 6, -1, -1, -1]),
      splitFeature: Int32Array.from([0, 1, 0, 0, 0, 0, 0]),
      threshold: Float32Array.from([0, 1, 0, -1, 0, 0, 0]),
      defaultLeft: Uint8Array.from([1, 0, 0, 1, 0, 0, 0]),
      leafValue: Float32Array.from([0, 0, 0.5, 0, -0.25, 0.75, -1]),
      cover: Float32Array.from([10, 10, 0, 0, 10, 0, 0]),
      gain: new Float32Array(7),
      baseWeight: new Float32Array(7),
    };
    const model: TreeEnsemble = { objective: 'reg:squarederror', baseScore: 0, baseMargin: 0, featureCount: 2, trees: [tree] };
    for (const row of [[-2, 0], [-0.5, 2], [1, 0], [Number.NaN, Number.NaN], [-1, 1]]) {
      expectClose(quadratureContributions(model, row), explainRow(model, row).contributions);
    }
  });
});
