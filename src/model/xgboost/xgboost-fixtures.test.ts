import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SentraError } from '../../errors/errors.js';
import { parseLibsvm } from '../libsvm.js';
import { compilePredictor } from '../predictor/predictor.js';
import { parseXgboostModel } from './parse-model.js';

const fixtures = new URL('../../../test/fixtures/xgboost/', import.meta.url);
const readJson = (relative: string): unknown => JSON.parse(readFileSync(new URL(relative, fixtures), 'utf8'));

const singleOutputCases = [
  'binary_logistic',
  'binary_logistic_missing',
  'regression',
  'regression_missing',
  'deep_trees',
  'many_trees',
  'wide_features',
  'single_tree',
  'categorical',
  'categorical_binary',
] as const;

interface Input {
  features: (number | null)[][];
  num_features: number;
}
interface Expected {
  predictions: number[];
  predictions_transformed: number[];
}

function toColumns(rows: number[][], featureCount: number): Float32Array[] {
  return Array.from({ length: featureCount }, (_, feature) => Float32Array.from(rows, (row) => row[feature] ?? Number.NaN));
}

describe('XGBoost 3.1.1 inference fixtures', () => {
  for (const name of singleOutputCases) {
    for (const engine of ['auto', 'javascript'] as const) {
      it(`${name} (${engine} engine): margins and outputs match XGBoost bit for bit`, () => {
        const model = parseXgboostModel(readJson(`inference/gbtree_${name}.model.json`));
        const input = readJson(`inference/gbtree_${name}.input.json`) as Input;
        const expected = readJson(`inference/gbtree_${name}.expected.json`) as Expected;
        const rows = input.features.map((row) => row.map((value) => (value === null ? Number.NaN : value)));
        const predictor = compilePredictor(model, { engine });
        expect(model.featureCount).toBe(input.num_features);
        if (engine === 'auto') expect(predictor.engine).toBe(name.startsWith('categorical') ? 'javascript' : 'wasm');
        const batchMargins = predictor.marginBatch(toColumns(rows, model.featureCount), rows.length);
        const batchOutputs = predictor.probabilityBatch(toColumns(rows, model.featureCount), rows.length, new Float32Array(rows.length));
        expect(rows).toHaveLength(10);
        rows.forEach((row, index) => {
          const margin = predictor.margin(row);
          const output = predictor.probability(row);
          expect(Math.abs(margin - (expected.predictions[index] ?? Number.NaN))).toBeLessThanOrEqual(1e-5);
          expect(Math.abs(output - (expected.predictions_transformed[index] ?? Number.NaN))).toBeLessThanOrEqual(1e-5);
          expect(margin).toBe(expected.predictions[index]);
          expect(output).toBe(expected.predictions_transformed[index]);
          expect(batchMargins[index]).toBe(margin);
          expect(batchOutputs[index]).toBe(output);
        });
      });
    }
  }

  for (const name of ['multiclass', 'multiclass_missing']) {
    it(`${name}: refused with a clear error naming the objective path`, () => {
      const attempt = (): unknown => parseXgboostModel(readJson(`inference/gbtree_${name}.model.json`));
      expect(attempt).toThrow(SentraError);
      try {
        attempt();
      } catch (error) {
        const sentraError = error as SentraError;
        expect(sentraError.code).toBe('SENTRA_ERR_MODEL_FORMAT');
        expect(sentraError.message).toContain('multiclass');
        expect(sentraError.details.map((detail) => detail.path)).toContain('/learner/objective/name');
      }
    });
  }
});

describe('XGBoost 1.4.1 agaricus model', () => {
  const model = parseXgboostModel(readJson('agaricus/model-xgb1.4.1.json'));
  const test = parseLibsvm(readFileSync(new URL('agaricus/agaricus.txt.test', fixtures), 'utf8'), model.featureCount);
  const expected = readFileSync(new URL('agaricus/expected-predictions.txt', fixtures), 'utf8').trim().split('\n').map(Number);

  it('reads 1.x booleans and a plain "5E-1" base score', () => {
    expect(model.objective).toBe('binary:logistic');
    expect(model.baseScore).toBe(0.5);
    expect(model.baseMargin).toBe(0);
    expect(model.featureCount).toBe(127);
    expect(model.trees.map((tree) => tree.leftChild.length)).toEqual([7, 5, 7]);
    expect(Array.from(model.trees[0]?.defaultLeft ?? [])).toEqual([1, 1, 1, 0, 0, 0, 0]);
  });

  it('predicts all 1,611 test probabilities exactly as XGBoost (absent LIBSVM index = missing)', () => {
    expect(test.labels).toHaveLength(1611);
    for (const engine of ['auto', 'javascript'] as const) {
      const probabilities = compilePredictor(model, { engine }).probabilityBatch(test.columns, test.labels.length);
      let worst = 0;
      probabilities.forEach((probability, row) => {
        worst = Math.max(worst, Math.abs(probability - (expected[row] ?? Number.NaN)));
      });
      expect(worst).toBe(0);
    }
  });
});
