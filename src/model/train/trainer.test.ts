import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors/errors.js';
import { parseLibsvm } from '../libsvm.js';
import { logLoss } from '../metrics/probability-metrics.js';
import { rocAuc } from '../metrics/ranking-metrics.js';
import { compilePredictor } from '../predictor/predictor.js';
import { SeededRandom } from '../random.js';
import { truncateEnsemble, type TreeEnsemble } from '../tree-ensemble.js';
import { toXgboostJson } from '../xgboost/export-model.js';
import { parseXgboostModel } from '../xgboost/parse-model.js';
import { trainGradientBoosting } from './trainer.js';
import type { TrainingData } from './training-data.js';

const agaricus = new URL('../../../test/fixtures/xgboost/agaricus/', import.meta.url);
const readLibsvm = (name: string): ReturnType<typeof parseLibsvm> => parseLibsvm(readFileSync(new URL(name, agaricus), 'utf8'), 127);

function errorRate(model: TreeEnsemble, data: { columns: Float32Array[]; labels: Float32Array }): number {
  const probabilities = compilePredictor(model).probabilityBatch(data.columns, data.labels.length);
  let errors = 0;
  probabilities.forEach((probability, row) => {
    if ((probability > 0.5 ? 1 : 0) !== data.labels[row]) errors += 1;
  });
  return errors / data.labels.length;
}

/** Rows with a clear signal: label = 1 when 1.5·x0 - x1·x2 + noise > 1; x0 is missing for 10% of rows. */
function synthetic(rows: number, seed: number, featureCount = 6): TrainingData & { columns: Float32Array[]; labels: Float32Array } {
  const random = new SeededRandom(seed);
  const columns = Array.from({ length: featureCount }, () => new Float32Array(rows));
  const labels = new Float32Array(rows);
  for (let row = 0; row < rows; row += 1) {
    for (const column of columns) column[row] = random.nextNormal();
    const x = (feature: number): number => columns[feature]?.[row] ?? 0;
    labels[row] = 1.5 * x(0) - x(1) * x(2) + 0.5 * random.nextNormal() > 1 ? 1 : 0;
    if (random.nextFloat() < 0.1) (columns[0] as Float32Array)[row] = Number.NaN;
  }
  return { columns, labels };
}

describe('trainGradientBoosting on agaricus (XGBoost classic example)', () => {
  const train = readLibsvm('agaricus.txt.train');
  const test = readLibsvm('agaricus.txt.test');
  const params = { max_depth: 2, eta: 1, n_estimators: 2, base_score: 0.5 };

  it('gives XGBoost printed errors after rounds 1 and 2, with the same trees', async () => {
    const { model, history } = await trainGradientBoosting({ columns: train.columns, labels: train.labels }, params, { threads: 1 });
    const afterOne = truncateEnsemble(model, 1);
    expect(errorRate(afterOne, train).toFixed(6)).toBe('0.046522');
    expect(errorRate(afterOne, test).toFixed(6)).toBe('0.042831');
    expect(errorRate(model, train).toFixed(6)).toBe('0.022263');
    expect(errorRate(model, test).toFixed(6)).toBe('0.021726');
    expect(history.map((entry) => entry.trainLoss.toFixed(6))).toEqual(['0.233376', '0.136658']);
    const reference = parseXgboostModel(JSON.parse(readFileSync(new URL('model-xgb1.4.1.json', agaricus), 'utf8')));
    model.trees.forEach((tree, index) => {
      const expected = reference.trees[index];
      expect(Array.from(tree.leftChild)).toEqual(Array.from(expected?.leftChild ?? []));
      expect(Array.from(tree.splitFeature)).toEqual(Array.from(expected?.splitFeature ?? []));
      expect(Array.from(tree.defaultLeft)).toEqual(Array.from(expected?.defaultLeft ?? []));
      tree.leafValue.forEach((value, node) => expect(Math.abs(value - (expected?.leafValue[node] ?? 0))).toBeLessThan(1e-5));
      tree.cover.forEach((value, node) => expect(Math.abs(value - (expected?.cover[node] ?? 0))).toBeLessThan(0.01));
    });
  });

  it('builds the identical model on two threads (worker thread + caller)', async () => {
    const one = await trainGradientBoosting({ columns: train.columns, labels: train.labels }, { ...params, n_estimators: 3 }, { threads: 1 });
    const two = await trainGradientBoosting({ columns: train.columns, labels: train.labels }, { ...params, n_estimators: 3 }, { threads: 2 });
    expect(two.model).toEqual(one.model);
  });
});

describe('trainGradientBoosting behaviour', () => {
  const train = synthetic(4000, 1);
  const valid = synthetic(2000, 2);

  it('learns a clear signal and its history agrees with the compiled predictor', async () => {
    const result = await trainGradientBoosting(train, { n_estimators: 60, max_depth: 4, eta: 0.3, subsample: 0.8 }, { validation: valid, threads: 1 });
    const predictor = compilePredictor(result.model);
    expect(rocAuc(valid.labels, predictor.probabilityBatch(valid.columns, 2000))).toBeGreaterThan(0.95);
    const last = result.history[result.history.length - 1];
    // Margins kept during training (including rows left out by subsampling, routed by their bins)
    // equal the exported model's float32 predictions.
    expect(last?.trainLoss).toBeCloseTo(logLoss(train.labels, predictor.probabilityBatch(train.columns, 4000)), 6);
    expect(last?.validLoss).toBeCloseTo(logLoss(valid.labels, predictor.probabilityBatch(valid.columns, 2000)), 6);
    expect(result.history).toHaveLength(60);
    expect(result.model.trees).toHaveLength(60);
  });

  it('is deterministic for a seed, whatever the thread count, and the seed matters', async () => {
    const params = { n_estimators: 15, max_depth: 5, subsample: 0.7, colsample_bytree: 0.6, seed: 42 };
    const first = await trainGradientBoosting(train, params, { threads: 1 });
    const again = await trainGradientBoosting(train, params, { threads: 1 });
    const threaded = await trainGradientBoosting(train, params, { threads: 3 });
    const otherSeed = await trainGradientBoosting(train, { ...params, seed: 43 }, { threads: 1 });
    expect(again.model).toEqual(first.model);
    expect(threaded.model).toEqual(first.model);
    expect(otherSeed.model).not.toEqual(first.model);
  });

  it('splits the gradient pass into fixed chunks, so more rows than one chunk still train identically on 1 or 2 threads', async () => {
    const large = synthetic(150_000, 11, 4);
    const one = await trainGradientBoosting(large, { n_estimators: 3, max_depth: 4 }, { threads: 1 });
    const two = await trainGradientBoosting(large, { n_estimators: 3, max_depth: 4 }, { threads: 2 });
    expect(two.model).toEqual(one.model);
    expect(two.history).toEqual(one.history);
  });

  it('stops early when the validation loss stops improving and keeps the best round', async () => {
    const noise = synthetic(1500, 3);
    const random = new SeededRandom(9);
    noise.labels.forEach((_, row) => (noise.labels[row] = random.nextFloat() < 0.3 ? 1 : 0));
    const noiseValid = synthetic(1500, 4);
    noiseValid.labels.forEach((_, row) => (noiseValid.labels[row] = random.nextFloat() < 0.3 ? 1 : 0));
    const result = await trainGradientBoosting(noise, { n_estimators: 200, max_depth: 6, eta: 0.5, early_stopping_rounds: 5 }, { validation: noiseValid, threads: 1 });
    expect(result.history.length).toBeLessThan(200);
    expect(result.history).toHaveLength(result.bestIteration + 6);
    expect(result.model.trees).toHaveLength(result.bestIteration + 1);
    const losses = result.history.map((entry) => entry.validLoss ?? Number.NaN);
    expect(Math.min(...losses)).toBe(losses[result.bestIteration]);
  });

  it('scale_pos_weight raises the predicted probabilities of an imbalanced problem', async () => {
    const plain = await trainGradientBoosting(train, { n_estimators: 20 }, { threads: 1 });
    const weighted = await trainGradientBoosting(train, { n_estimators: 20, scale_pos_weight: 5 }, { threads: 1 });
    const mean = (model: TreeEnsemble): number => compilePredictor(model).probabilityBatch(valid.columns, 2000).reduce((sum, value) => sum + value, 0) / 2000;
    expect(weighted.model.baseScore).toBe(plain.model.baseScore);
    expect(mean(weighted.model)).toBeGreaterThan(mean(plain.model) + 0.05);
  });

  it('learns the default direction of missing values from the data', async () => {
    for (const missingLabel of [0, 1]) {
      const random = new SeededRandom(5);
      const rows = 2000;
      const column = new Float32Array(rows);
      const labels = new Float32Array(rows);
      for (let row = 0; row < rows; row += 1) {
        const missing = row % 4 === 0;
        column[row] = missing ? Number.NaN : random.nextNormal();
        labels[row] = missing ? missingLabel : (column[row] ?? 0) > 0 ? 1 : 0;
      }
      const { model } = await trainGradientBoosting({ columns: [column], labels }, { n_estimators: 1, max_depth: 1, eta: 1 }, { threads: 1 });
      const root = model.trees[0];
      expect(root?.splitFeature[0]).toBe(0);
      expect(Math.abs(root?.threshold[0] ?? 9)).toBeLessThan(0.1);
      // Positives sit right of the threshold: missing goes right when missing rows are positive.
      expect(root?.defaultLeft[0]).toBe(missingLabel === 1 ? 0 : 1);
      const predictor = compilePredictor(model);
      expect(predictor.probability([Number.NaN]) > 0.5).toBe(missingLabel === 1);
    }
  });

  it('exports a trained model that XGBoost-style import reads back identically', async () => {
    const { model } = await trainGradientBoosting({ ...train, featureNames: ['a', 'b', 'c', 'd', 'e', 'f'] }, { n_estimators: 10 }, { threads: 1 });
    const back = parseXgboostModel(JSON.parse(JSON.stringify(toXgboostJson(model))));
    expect(back).toEqual(model);
    expect(back.featureNames).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });
});

describe('trainGradientBoosting rejects bad input clearly', () => {
  const base = synthetic(50, 7, 2);

  it('NaN labels, naming the row', async () => {
    const labels = Float32Array.from(base.labels);
    labels[3] = Number.NaN;
    const attempt = trainGradientBoosting({ columns: base.columns, labels });
    await expect(attempt).rejects.toThrow('Invalid training data at /training/labels/3: the label of row 3 is NaN; every row needs a 0/1 label.');
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
  });

  it('infinite values, mismatched columns and bad parameters', async () => {
    const infinite = Float32Array.from(base.columns[1] ?? []);
    infinite[7] = Number.POSITIVE_INFINITY;
    await expect(trainGradientBoosting({ columns: [base.columns[0] ?? new Float32Array(0), infinite], labels: base.labels })).rejects.toThrow('/training/columns/1/7');
    await expect(trainGradientBoosting({ columns: [new Float32Array(10)], labels: base.labels })).rejects.toThrow('has 10 values for 50 labels');
    await expect(trainGradientBoosting(base, { eta: -1, max_depth: 0 })).rejects.toThrow('Invalid training parameters: eta must be > 0, got -1; max_depth must be an integer >= 1 and <= 12, got 0.');
    await expect(trainGradientBoosting(base, { early_stopping_rounds: 3 })).rejects.toThrow('early_stopping_rounds needs a validation set');
    await expect(trainGradientBoosting(base, {}, { validation: { columns: [new Float32Array(5)], labels: new Float32Array(5) } })).rejects.toThrow('/validation/columns: has 1 feature columns, the training data has 2');
  });
});
