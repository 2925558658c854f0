/**
 * Quality benchmark: the fraud-detection handbook's protocol on Sentra's pipeline.
 *
 * Simulates the handbook data (2018-04-01, 183 days, 5,000 customers, 10,000 terminals, `--scenarios
 * card`), replays it once through the feature engine, trains on 2018-07-25..07-31 and tests on
 * 2018-08-08..08-14 (7 days of label delay between them), and prints AUC, average precision and card
 * precision@100 next to the handbook's tuned XGBoost (0.869 / 0.687 / 0.303). The test set drops
 * the transactions of cards already known compromised before their day, as the handbook does.
 * Parameters are chosen on the validation week 2018-08-01..08-07, never on the test week.
 *
 *   npx tsx bench/quality.ts                      # simulate into a temp folder, default parameters
 *   npx tsx bench/quality.ts --data DIR           # reuse a simulation (sentra simulate --scenarios card)
 *   npx tsx bench/quality.ts --tune               # also try a small grid, pick on the validation week
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { simulateDataset } from '../src/datasets/simulator/simulate-dataset.js';
import { identifyDataset } from '../src/datasets/replay/dataset-identity.js';
import { timeWindow } from '../src/datasets/replay/time-window.js';
import { modelFeatureNames } from '../src/features/catalogue/feature-catalogue.js';
import { buildFeatureSchema } from '../src/features/feature-schema.js';
import { compilePredictor } from '../src/model/predictor/predictor.js';
import type { TrainParams } from '../src/model/train/params.js';
import { trainGradientBoosting } from '../src/model/train/trainer.js';
import { collectDatasetFeatures } from '../src/training/dataset-features.js';
import { evaluateScores, type EvaluationReport } from '../src/training/evaluation.js';
import { qualityParams, qualityGrid } from './support/quality-params.js';

const { values } = parseArgs({ options: { data: { type: 'string' }, tune: { type: 'boolean' }, threads: { type: 'string' } } });
const threads = values.threads === undefined ? undefined : Number(values.threads);
const number = (value: number) => value.toLocaleString('en-US');
const fixed = (value: number) => value.toFixed(3);

const dir = values.data ?? (await mkdtemp(join(tmpdir(), 'sentra-bench-quality-')));
if (values.data === undefined) {
  const simulation = await simulateDataset(dir, { start: '2018-04-01', days: 183, customers: 5000, terminals: 10_000, scenarios: ['card'] }, true);
  console.log(`simulated ${number(simulation.transactions)} transactions in ${(simulation.durationMs / 1000).toFixed(1)} s`);
}
const dataset = await identifyDataset(dir);
const windows = {
  train: timeWindow('2018-07-25', '2018-07-31'),
  valid: timeWindow('2018-08-01', '2018-08-07'),
  test: timeWindow('2018-08-08', '2018-08-14'),
};
const replayStarted = performance.now();
const features = await collectDatasetFeatures(dir, windows, { sorted: dataset.sorted });
const replaySeconds = (performance.now() - replayStarted) / 1000;
const schema = buildFeatureSchema({ names: modelFeatureNames });
const names = schema.features.map((feature) => feature.name);
const data = Object.fromEntries(
  Object.entries(features.rows).map(([name, rows]) => [name, { rows, columns: rows.alignedColumns(schema), labels: Uint8Array.from(rows.targets) }]),
) as Record<keyof typeof windows, { rows: (typeof features.rows)['train']; columns: Float32Array[]; labels: Uint8Array }>;

const fraudTotal = features.fraudEvents.length;
console.log(`dataset ${dataset.name}: ${number(features.replay.transactions)} transactions, ${number(fraudTotal)} fraud (${((fraudTotal / features.replay.transactions) * 100).toFixed(3)}%)`);
for (const [name, window] of Object.entries(data)) {
  console.log(`  ${name.padEnd(5)} ${number(window.rows.length)} rows, ${number(window.rows.positives)} fraud (${((window.rows.positives / window.rows.length) * 100).toFixed(3)}%)`);
}
console.log(`replay: ${number(features.replay.transactions)} rows in ${replaySeconds.toFixed(1)} s (${number(Math.round(features.replay.transactions / replaySeconds))} tx/s, features only)`);

async function fit(params: Partial<TrainParams>): Promise<{ valid: EvaluationReport; test: EvaluationReport; seconds: number; trees: number }> {
  const started = performance.now();
  const result = await trainGradientBoosting({ columns: data.train.columns, labels: data.train.labels, featureNames: names }, params, {
    validation: params.early_stopping_rounds === undefined ? undefined : { columns: data.valid.columns, labels: data.valid.labels },
    threads,
  });
  const seconds = (performance.now() - started) / 1000;
  const predictor = compilePredictor(result.model);
  const knownSince = windows.train.startMs;
  const evaluate = (name: 'valid' | 'test') =>
    evaluateScores(
      { createdAt: data[name].rows.createdAt, senders: data[name].rows.senders, targets: data[name].rows.targets, probabilities: predictor.probabilityBatch(data[name].columns, data[name].rows.length) },
      features.fraudEvents,
      { knownSince },
    );
  return { valid: evaluate('valid'), test: evaluate('test'), seconds, trees: result.model.trees.length };
}

const line = (report: EvaluationReport) =>
  `AUC ${fixed(report.knownCardsRemoved.auc)}  AP ${fixed(report.knownCardsRemoved.averagePrecision)}  card P@100 ${fixed(report.cardPrecision.mean)}`;

let chosen: Partial<TrainParams> = qualityParams;
if (values.tune === true) {
  let best = Number.NEGATIVE_INFINITY;
  for (const params of qualityGrid) {
    const outcome = await fit(params);
    const score = outcome.valid.knownCardsRemoved.averagePrecision + outcome.valid.cardPrecision.mean;
    console.log(`  grid ${JSON.stringify(params)}: validation ${line(outcome.valid)} (${outcome.trees} trees, ${outcome.seconds.toFixed(1)} s)`);
    if (score > best) {
      best = score;
      chosen = params;
    }
  }
}
const outcome = await fit(chosen);
console.log(`parameters ${JSON.stringify(chosen)}: ${outcome.trees} trees trained in ${outcome.seconds.toFixed(1)} s`);
console.log(`validation week 2018-08-01..08-07: ${line(outcome.valid)}`);
console.log(`test week 2018-08-08..08-14 (known compromised cards removed, handbook protocol):`);
const targets = { auc: 0.869, averagePrecision: 0.687, cardPrecision: 0.303 };
const test = outcome.test;
const rows: [string, number, number][] = [
  ['AUC', test.knownCardsRemoved.auc, targets.auc],
  ['average precision', test.knownCardsRemoved.averagePrecision, targets.averagePrecision],
  ['card precision@100', test.cardPrecision.mean, targets.cardPrecision],
];
for (const [name, value, target] of rows) {
  console.log(`  ${name.padEnd(20)} ${fixed(value)}   handbook ${fixed(target)}   ${value >= target ? 'met' : `short by ${fixed(target - value)}`}`);
}
console.log(`  (all test rows, known cards kept: AUC ${fixed(test.auc)}, AP ${fixed(test.averagePrecision)}; test rows ${number(test.knownCardsRemoved.rows)} of ${number(test.rows)})`);
console.log(`load average ${loadavg().map((load) => load.toFixed(2)).join(' ')}`);
if (values.data === undefined) await rm(dir, { recursive: true, force: true });
