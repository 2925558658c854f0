/**
 * Why Sentra's average precision lags the handbook peer: feature importance and ablation on one
 * world of bench/quality-peer.ts (same windows, same metrics).
 *
 * Trains Sentra's trainer (defaults) on variants of the feature matrix: the catalogue's model
 * inputs as `sentra train` uses them; the same with the alphabetical country codes added back, or
 * with a label-learned fraud rate of the sender's and the receiver's country added instead
 * (bench/support/country-fraud-rates.ts); the catalogue without one group of features at a time,
 * the handbook's 15 features computed exactly by the peer script (with Sentra's trainer), and the
 * catalogue plus those 15. A dropped feature is all missing, which no split can use. Prints
 * test-week AUC / AP / card precision@100 (known compromised cards removed) and the catalogue
 * model's top features by total gain.
 *
 *   npx tsx bench/quality-ablation.ts --data DIR                   # a world written by bench/quality-peer.ts --keep
 *   npx tsx bench/quality-ablation.ts --data DIR --countries-only  # only the three country variants
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { identifyDataset } from '../src/datasets/replay/dataset-identity.js';
import { timeWindow } from '../src/datasets/replay/time-window.js';
import { compilePredictor } from '../src/model/predictor/predictor.js';
import type { TrainParams } from '../src/model/train/params.js';
import { trainGradientBoosting } from '../src/model/train/trainer.js';
import type { TreeEnsemble } from '../src/model/tree-ensemble.js';
import { collectDatasetFeatures } from '../src/training/dataset-features.js';
import { evaluateScores } from '../src/training/evaluation.js';
import { fitOnWindows } from '../src/training/fit-windows.js';
import { featureNames } from '../src/features/catalogue/feature-catalogue.js';
import { buildFeatureSchema } from '../src/features/feature-schema.js';
import { countryFraudRates } from './support/country-fraud-rates.js';
import type { WindowRows } from '../src/training/window-rows.js';

const { values } = parseArgs({
  options: { data: { type: 'string' }, python: { type: 'string', default: '/usr/bin/python3' }, params: { type: 'string', default: '{}' }, 'countries-only': { type: 'boolean', default: false } },
});
if (values.data === undefined) throw new Error('--data DIR is required');
const dir = values.data;
const params = JSON.parse(values.params) as Partial<TrainParams>;
const days = { train: ['2018-07-25', '2018-07-31'], valid: ['2018-08-01', '2018-08-07'], test: ['2018-08-08', '2018-08-14'] } as const;
const windows = { train: timeWindow(...days.train), valid: timeWindow(...days.valid), test: timeWindow(...days.test) };

const dataset = await identifyDataset(dir);
const features = await collectDatasetFeatures(dir, windows, { sorted: dataset.sorted });
const base = await fitOnWindows(features.rows.train, features.rows.valid, features.fraudEvents, { params });
const names = base.schema.features.map((feature) => feature.name);
const columnsOf = (rows: WindowRows) => rows.alignedColumns(base.schema);
const matrices = { train: columnsOf(features.rows.train), test: columnsOf(features.rows.test) };

async function variant(label: string, train: Float32Array[], test: Float32Array[], variantParams: Partial<TrainParams> = params): Promise<TreeEnsemble> {
  const result = await trainGradientBoosting({ columns: train, labels: Uint8Array.from(features.rows.train.targets) }, variantParams);
  const predictor = compilePredictor(result.model);
  const rows = features.rows.test;
  const report = evaluateScores(
    { createdAt: rows.createdAt, senders: rows.senders, targets: rows.targets, probabilities: predictor.probabilityBatch(test, rows.length) },
    features.fraudEvents,
    { knownSince: windows.train.startMs },
  );
  console.log(`${label.padEnd(52)} AUC ${report.knownCardsRemoved.auc.toFixed(3)}  AP ${report.knownCardsRemoved.averagePrecision.toFixed(3)}  CP@100 ${report.cardPrecision.mean.toFixed(3)}`);
  return result.model;
}

// The countries: what the models are trained on (no country code), the alphabetical codes added
// back, and a label-learned fraud rate per country (target encoding) added instead.
const withCodes = buildFeatureSchema({ names: featureNames });
const rates = await countryFraudRates(dir, { delayDays: 7, windowDays: 30, smoothing: 100 });
const rateColumns = (rows: WindowRows) => [0, 1].map((side) => Float32Array.from(rows.txIds, (txId) => rates.get(txId)![side]!));
await variant('catalogue model inputs (sentra train)', matrices.train, matrices.test);
await variant('  + country codes (alphabetical)', features.rows.train.alignedColumns(withCodes), features.rows.test.alignedColumns(withCodes));
await variant('  + country fraud rates (30d, 7d delay, smoothed)', [...matrices.train, ...rateColumns(features.rows.train)], [...matrices.test, ...rateColumns(features.rows.test)]);
if (values['countries-only']) process.exit(0);

// The peer's exact handbook features for the train and test rows.
const exactFile = join(dir, 'peer-features.csv');
await promisify(execFile)('nice', ['-n', '10', values.python, join(import.meta.dirname, 'support', 'quality_peer.py'), dir, '--train', ...days.train, '--score', ...days.train, '--score', ...days.test, '--out', join(dir, 'peer-ablation.csv'), '--features-out', exactFile], { maxBuffer: 1 << 24 });
const exactLines = (await readFile(exactFile, 'utf8')).trim().split('\n');
const exactNames = exactLines[0]!.split(',').slice(1);
const exactByTx = new Map(exactLines.slice(1).map((line) => { const [txId, ...rest] = line.split(','); return [txId!, rest.map(Number)]; }));
const exactColumns = (rows: WindowRows) => exactNames.map((_, feature) => Float32Array.from(rows.txIds, (txId) => exactByTx.get(txId)![feature]!));
const exact = { train: exactColumns(features.rows.train), test: exactColumns(features.rows.test) };

const without = (columns: Float32Array[], drop: (name: string) => boolean) => columns.map((column, index) => (drop(names[index]!) ? new Float32Array(column.length).fill(Number.NaN) : column));
const groups: [string, (name: string) => boolean][] = [
  ['sender known fraud', (name) => name === 'sender_known_fraud_count_30d'],
  ['receiver known fraud (not delayed)', (name) => name.startsWith('receiver_known_')],
  ['receiver delayed windows', (name) => name.startsWith('receiver_delayed_')],
  ['receiver velocity', (name) => /^receiver_(tx_count|amount_usd_sum)_/.test(name)],
  ['sender velocity sums/counts', (name) => /^sender_(tx_count|amount_usd_sum)_/.test(name)],
  ['sender history (ratio, z-score, hour, gap)', (name) => /^sender_(amount_ratio|amount_zscore|seconds_since|hour_)/.test(name)],
  ['time (hour, weekday, local)', (name) => /hour_of_day|day_of_week|local_hour|is_night_local/.test(name)],
  ['request (status, fee, psp, route)', (name) => /status_code|fee_|psp_code|route|is_failed|is_refund/.test(name)],
];

const model = await variant('catalogue (defaults)', matrices.train, matrices.test);
const gain = new Float64Array(names.length);
for (const tree of model.trees) for (let node = 0; node < tree.leftChild.length; node++) if (tree.leftChild[node]! >= 0) gain[tree.splitFeature[node]!] = gain[tree.splitFeature[node]!]! + tree.gain[node]!;
const total = gain.reduce((sum, value) => sum + value, 0);
const ranked = [...gain.keys()].sort((a, b) => gain[b]! - gain[a]!).slice(0, 20);
console.log('catalogue model, top features by total gain:');
for (const index of ranked) console.log(`  ${names[index]!.padEnd(40)} ${((gain[index]! / total) * 100).toFixed(1)}%`);
for (const [label, drop] of groups) await variant(`catalogue without ${label}`, without(matrices.train, drop), without(matrices.test, drop));
await variant('handbook 15 exact (Sentra trainer, defaults)', exact.train, exact.test);
await variant('handbook 15 exact (Sentra trainer, 50×depth 3, eta 0.3)', exact.train, exact.test, { n_estimators: 50, max_depth: 3, eta: 0.3 });
await variant('catalogue + handbook 15 exact', [...matrices.train, ...exact.train], [...matrices.test, ...exact.test]);
