import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compilePredictor } from '../predictor/predictor.js';
import { flattenForest, goesLeft, type FlatForest } from '../predictor/flat-forest.js';
import { SeededRandom } from '../random.js';
import { randomEnsemble } from '../synthetic/random-ensemble.js';
import type { TreeEnsemble } from '../tree-ensemble.js';
import { parseXgboostModel } from '../xgboost/parse-model.js';
import { createExplainer, explainRow } from './explainer.js';

/** Path-dependent expectation of one tree given that only the features in `known` are known. */
function conditionalExpectation(forest: FlatForest, node: number, row: Float32Array, known: number): number {
  const feature = forest.feature[node] ?? -1;
  if (feature < 0) return forest.value[node] ?? 0;
  const left = forest.left[node] ?? 0;
  const right = forest.right[node] ?? 0;
  if (((known >> feature) & 1) === 1) return conditionalExpectation(forest, goesLeft(forest, node, row[feature] ?? Number.NaN) ? left : right, row, known);
  const cover = forest.cover[node] ?? 0;
  return ((forest.cover[left] ?? 0) / cover) * conditionalExpectation(forest, left, row, known) + ((forest.cover[right] ?? 0) / cover) * conditionalExpectation(forest, right, row, known);
}

/** Shapley values by enumerating every subset of features (exponential; small models only). */
function bruteForceShapley(model: TreeEnsemble, row: number[]): { bias: number; contributions: number[] } {
  const forest = flattenForest(model);
  const values = Float32Array.from(row);
  const count = model.featureCount;
  const game = (known: number): number => Array.from(forest.roots).reduce((sum, root) => sum + conditionalExpectation(forest, root, values, known), model.baseMargin);
  const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));
  const contributions = new Array<number>(count).fill(0);
  for (let feature = 0; feature < count; feature += 1) {
    for (let subset = 0; subset < 1 << count; subset += 1) {
      if (((subset >> feature) & 1) === 1) continue;
      let size = 0;
      for (let rest = subset; rest !== 0; rest &= rest - 1) size += 1;
      const weight = (factorial(size) * factorial(count - size - 1)) / factorial(count);
      contributions[feature] = (contributions[feature] ?? 0) + weight * (game(subset | (1 << feature)) - game(subset));
    }
  }
  return { bias: game(0), contributions };
}

function randomRow(random: SeededRandom, count: number, missingShare: number): number[] {
  return Array.from({ length: count }, () => (random.nextFloat() < missingShare ? Number.NaN : random.nextNormal()));
}

describe('TreeSHAP', () => {
  it('matches a stump worked by hand', () => {
    // Root tests feature 0 < 0.5; 30 of 100 units of cover go left (leaf -1), 70 right (leaf +1).
    const stump: TreeEnsemble = {
      objective: 'reg:squarederror',
      baseScore: 0.25,
      baseMargin: 0.25,
      featureCount: 2,
      trees: [
        {
          leftChild: Int32Array.from([1, -1, -1]),
          rightChild: Int32Array.from([2, -1, -1]),
          splitFeature: Int32Array.from([0, 0, 0]),
          threshold: Float32Array.from([0.5, 0, 0]),
          defaultLeft: Uint8Array.from([0, 0, 0]),
          leafValue: Float32Array.from([0, -1, 1]),
          cover: Float32Array.from([100, 30, 70]),
          gain: new Float32Array(3),
          baseWeight: new Float32Array(3),
        },
      ],
    };
    // Expectation 0.3 * -1 + 0.7 * 1 = 0.4; a row going left earns -1 - 0.4 = -1.4 for feature 0.
    const left = explainRow(stump, [0, 7]);
    expect(left.bias).toBeCloseTo(0.65, 12);
    expect(Array.from(left.contributions)).toEqual([expect.closeTo(-1.4, 12), 0]);
    // A missing value follows default_left = 0 (right): 1 - 0.4 = 0.6.
    expect(explainRow(stump, [Number.NaN, 7]).contributions[0]).toBeCloseTo(0.6, 12);
    expect(createExplainer(stump).explain([0, 7]).contributions[0]).toBeCloseTo(-1.4, 12);
  });

  it('equals brute-force Shapley values on small random trees (repeated features, missing values)', () => {
    const random = new SeededRandom(7);
    for (let trial = 0; trial < 40; trial += 1) {
      const featureCount = 2 + random.nextInt(4);
      const model = randomEnsemble({ treeCount: 1 + random.nextInt(4), depth: 1 + random.nextInt(4), featureCount, earlyLeafChance: 0.25, seed: 100 + trial });
      const explainer = createExplainer(model);
      const recursive = createExplainer(model, { fastPath: false });
      expect(explainer.fastTrees).toBe(model.trees.length);
      expect(recursive.fastTrees).toBe(0);
      for (let sample = 0; sample < 5; sample += 1) {
        const row = randomRow(random, featureCount, 0.2);
        const expected = bruteForceShapley(model, row);
        for (const explanation of [explainRow(model, row), explainer.explain(row), recursive.explain(row)]) {
          expect(explanation.bias).toBeCloseTo(expected.bias, 10);
          explanation.contributions.forEach((value, feature) => expect(value).toBeCloseTo(expected.contributions[feature] ?? Number.NaN, 10));
        }
      }
    }
  });

  it('adds up to the margin: bias + Σ contributions = margin within 1e-6 (100 trees of depth 6)', () => {
    const model = randomEnsemble({ treeCount: 100, depth: 6, featureCount: 30, earlyLeafChance: 0.1, seed: 3 });
    const predictor = compilePredictor(model);
    const explainer = createExplainer(model);
    const random = new SeededRandom(11);
    for (let sample = 0; sample < 20; sample += 1) {
      const row = randomRow(random, 30, 0.1);
      const exact = explainRow(model, row);
      const fast = explainer.explain(row);
      const sum = (contributions: Float64Array): number => contributions.reduce((total, value) => total + value, exact.bias);
      expect(Math.abs(sum(exact.contributions) - predictor.margin(row))).toBeLessThanOrEqual(1e-6);
      expect(Math.abs(sum(fast.contributions) - predictor.margin(row))).toBeLessThanOrEqual(1e-6);
      fast.contributions.forEach((value, feature) => expect(value).toBeCloseTo(exact.contributions[feature] ?? Number.NaN, 9));
    }
  });

  it('explains categorical splits of an XGBoost model consistently with brute force', () => {
    const json: unknown = JSON.parse(readFileSync(new URL('../../../test/fixtures/xgboost/inference/gbtree_categorical.model.json', import.meta.url), 'utf8'));
    const model = parseXgboostModel(json);
    const row = [0.4967141530112327, -0.13826430117118466, 0.6476885381006925, 0, 3];
    const expected = bruteForceShapley(model, row);
    const fast = createExplainer(model).explain(row);
    fast.contributions.forEach((value, feature) => expect(value).toBeCloseTo(expected.contributions[feature] ?? Number.NaN, 8));
    const total = fast.contributions.reduce((sum, value) => sum + value, fast.bias);
    expect(Math.abs(total - compilePredictor(model).margin(row))).toBeLessThanOrEqual(1e-5);
  });

  it('rejects a row of the wrong width with a clear error', () => {
    const model = randomEnsemble({ treeCount: 1, depth: 2, featureCount: 3 });
    expect(() => explainRow(model, [1, 2])).toThrow(/expects 3 features, the row has 2/);
  });
});
