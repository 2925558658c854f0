import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readTransactions } from '../src/datasets/dataset-readers.js';
import { simulateDataset } from '../src/datasets/simulator/simulate-dataset.js';
import { readArtifactFolder } from '../src/registry/model-artifact.js';
import { loadScoringModel } from '../src/registry/scoring-model-loader.js';
import { modelFeatureNames } from '../src/features/catalogue/feature-catalogue.js';
import type { EvaluationReport } from '../src/training/evaluation.js';
import { tuningGrid } from '../src/training/tuning-grid.js';
import { runCli } from './support/run-cli.js';

// Each test runs the CLI in several child processes (a few seconds each on a busy machine).
vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

let root: string;
let dataset: string;
let model: string;
const validWindow = ['2021-02-01', '2021-02-09'] as const;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sentra-training-cli-'));
  dataset = join(root, 'dataset');
  model = join(root, 'model');
  await simulateDataset(dataset, { customers: 150, terminals: 300, days: 40, start: '2021-01-01', seed: 3 });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function transactionsIn(from: string, to: string): Promise<number> {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`) + 86_400_000;
  let count = 0;
  for await (const record of readTransactions(dataset)) if (record.createdAt >= start && record.createdAt < end) count++;
  return count;
}

describe('sentra train', () => {
  it('writes an artifact the API can load, with windows, counts, parameters and validation metrics', async () => {
    const args = ['train', dataset, '--train-from', '2021-01-08', '--train-to', '2021-01-31', '--valid-from', validWindow[0], '--valid-to', validWindow[1]];
    const result = await runCli([...args, '--out', model, '--name', 'candidate', '--trees', '25', '--depth', '4', '--early-stopping', '8', '--seed', '2']);
    expect(result.stderr).toMatch(/replayed [\d,]+ rows in/);
    expect(result.stderr).toContain('tree 1/25: train log loss');
    expect(result.stderr).toMatch(/validation: AUC 0\.\d+/);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`wrote ${model}: candidate`);
    const artifact = await readArtifactFolder(model);
    const scoring = loadScoringModel(artifact, 'candidate-test');
    expect(scoring.version).toBe('candidate-test');
    const metadata = artifact.metadata as {
      dataset: { hash: string };
      training: { frauds: number };
      validation: { rows: number };
      metrics: { validation: { auc: number } };
      trees: number;
      validation_score_histogram: { counts: number[] };
    };
    expect(metadata).toMatchObject({ name: 'candidate', dataset: { name: 'sentra-simulation-seed-3' }, parameters: { n_estimators: 25, max_depth: 4, early_stopping_rounds: 8, seed: 2 } });
    expect(metadata.dataset.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(metadata.training).toMatchObject({ from: '2021-01-08T00:00:00.000Z', to: '2021-02-01T00:00:00.000Z', rows: await transactionsIn('2021-01-08', '2021-01-31') });
    expect(metadata.validation.rows).toBe(await transactionsIn(...validWindow));
    expect(metadata.training.frauds).toBeGreaterThan(0);
    expect(metadata.metrics.validation.auc).toBeGreaterThan(0.7);
    expect(metadata.metrics.validation).toHaveProperty('card_precision_at_100');
    expect(metadata.trees).toBeLessThanOrEqual(25);
    // The validation window's model scores per dashboard bin: the reference of the dashboard's drift.
    expect(metadata.validation_score_histogram).toMatchObject({ scale: 'risk_score', bin_width: 50, rows: metadata.validation.rows });
    expect(metadata.validation_score_histogram.counts).toHaveLength(20);
    expect(metadata.validation_score_histogram.counts.reduce((sum: number, count: number) => sum + count, 0)).toBe(metadata.validation.rows);
    // Calibrated on the validation window (Platt by default), with the out-of-fold check of every method.
    const { calibration, calibration_check: check } = artifact.metadata as {
      calibration: { format: string; method: string; slope: number; intercept: number; fitted_on: { rows: number; from: string } };
      calibration_check: { requested: string; methods: { method: string; ece: number; log_loss: number }[] };
    };
    expect(calibration).toMatchObject({ format: 'sentra-calibration/1', method: 'platt', fitted_on: { rows: metadata.validation.rows, from: '2021-02-01T00:00:00.000Z' } });
    expect(calibration.slope).toBeGreaterThan(0);
    expect(Number.isFinite(calibration.intercept)).toBe(true);
    expect(check.requested).toBe('platt');
    expect(check.methods.map((entry) => entry.method)).toEqual(['none', 'platt', 'isotonic']);
    for (const entry of check.methods) expect(entry.ece).toBeGreaterThanOrEqual(0);
    expect(result.stderr).toContain('calibration on the validation window');
    const schema = artifact.featureSchema as { features: { name: string }[] };
    // The catalogue's model inputs: the alphabetical country codes are not among them.
    // The dataset's override-only columns (the account events' type) follow the catalogue's inputs.
    const inputs = [...modelFeatureNames, 'event_type_code', 'is_account_event'];
    expect(schema.features.map((feature) => feature.name)).toEqual(inputs);
    expect(JSON.parse(artifact.modelJson).learner.feature_names).toEqual(inputs);
    expect(schema.features.map((feature) => feature.name)).not.toContain('sender_country_code');
    expect(schema.features.map((feature) => feature.name)).not.toContain('receiver_country_code');
  });

  it('searches the parameters on the validation window by default and records the search in metadata.json', async () => {
    const out = join(root, 'tuned');
    const result = await runCli(['train', dataset, '--train-from', '2021-01-08', '--train-to', '2021-01-31', '--valid-from', validWindow[0], '--valid-to', validWindow[1], '--out', out, '--seed', '1']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`tune 1/${tuningGrid.length}`);
    const metadata = (await readArtifactFolder(out)).metadata as {
      parameters: Record<string, unknown>;
      trees: number;
      tuning: { metric: string; chosen: number; candidates: { params: Record<string, unknown>; trees: number; validation: { average_precision: number } }[] };
      metrics: { validation: { average_precision: number } };
    };
    const { candidates, chosen } = metadata.tuning;
    expect(metadata.tuning.metric).toBe('validation average precision');
    expect(candidates).toHaveLength(tuningGrid.length);
    const best = Math.max(...candidates.map((candidate) => candidate.validation.average_precision));
    expect(candidates[chosen]!.validation.average_precision).toBe(best);
    expect(metadata.metrics.validation.average_precision).toBeCloseTo(best, 6);
    // The pinned seed is in every candidate, early stopping always on; the model is the chosen one.
    for (const candidate of candidates) expect(candidate.params).toMatchObject({ seed: 1, early_stopping_rounds: 30 });
    expect(metadata.parameters).toMatchObject(candidates[chosen]!.params);
    expect(metadata.trees).toBe(candidates[chosen]!.trees);
    const untuned = await runCli(['train', dataset, '--train-from', '2021-01-08', '--train-to', '2021-01-31', '--out', join(root, 'never'), '--tune']);
    expect(untuned.code).toBe(2);
    expect(untuned.stderr).toContain('--tune needs a validation window');
  });

  it('fits the calibration asked for, and refuses one without a validation window to fit on', async () => {
    const out = join(root, 'isotonic');
    const window = ['--train-from', '2021-01-08', '--train-to', '2021-01-31'];
    const result = await runCli(['train', dataset, ...window, '--valid-from', validWindow[0], '--valid-to', validWindow[1], '--out', out, '--trees', '15', '--calibration', 'isotonic']);
    expect(result.code, result.stderr).toBe(0);
    const { calibration } = (await readArtifactFolder(out)).metadata as { calibration: { method: string; x: number[]; y: number[] } };
    expect(calibration.method).toBe('isotonic');
    expect(calibration.x.length).toBe(calibration.y.length);
    const none = await runCli(['train', dataset, ...window, '--valid-from', validWindow[0], '--valid-to', validWindow[1], '--out', join(root, 'uncalibrated'), '--trees', '15', '--calibration', 'none']);
    expect(none.code, none.stderr).toBe(0);
    expect((await readArtifactFolder(join(root, 'uncalibrated'))).metadata.calibration).toBeNull();
    const refused = await runCli(['train', dataset, ...window, '--out', join(root, 'never'), '--calibration', 'platt']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--calibration needs a validation window');
  });

  it('refuses an invalid dataset and bad windows', async () => {
    const invalid = await runCli(['train', join(import.meta.dirname, 'fixtures/datasets/invalid-rows'), '--train-from', '2020-01-01', '--train-to', '2020-01-02', '--out', join(root, 'never')]);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toContain('INVALID');
    const window = await runCli(['train', dataset, '--train-from', '2021-02-01', '--train-to', '2021-01-01', '--out', join(root, 'never')]);
    expect(window.code).toBe(2);
    expect(window.stderr).toContain('ends');
  });
});

describe('sentra replay', () => {
  it('writes one score per transaction of the window, as the API would decide it', async () => {
    const out = join(root, 'scores.csv');
    const result = await runCli(['replay', dataset, '--model', model, '--out', out, '--from', validWindow[0], '--to', validWindow[1]]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/replayed [\d,]+ transactions .* wrote [\d,]+ scores/);
    const lines = (await readFile(out, 'utf8')).trim().split('\n');
    expect(lines[0]).toBe('tx_id,created_at,probability,risk_score,decision');
    expect(lines.length - 1).toBe(await transactionsIn(...validWindow));
    for (const line of lines.slice(1)) {
      const [, createdAt, probability, riskScore, decision] = line.split(',');
      expect(createdAt! >= '2021-02-01' && createdAt! < '2021-02-10').toBe(true);
      expect(Number(riskScore)).toBe(Math.round(Number(probability) * 1000));
      const score = Number(riskScore);
      expect(decision).toBe(score >= 850 ? 'BLOCK' : score >= 600 ? 'HOLD' : score >= 300 ? 'REVIEW' : 'PASS');
    }
    const strict = await runCli(['replay', dataset, '--model', model, '--out', out, '--from', '2021-02-08', '--thresholds', '0,0,0']);
    expect(strict.code, strict.stderr).toBe(0);
    expect(new Set((await readFile(out, 'utf8')).trim().split('\n').slice(1).map((line) => line.split(',')[4]))).toEqual(new Set(['BLOCK']));
  });
});

describe('sentra evaluate', () => {
  it('reports the handbook metrics, thresholds and calibration, and compares two models on the same rows', async () => {
    const page = join(root, 'evaluation.html');
    // The shipped default model without its calibration: a model that carries none.
    const plain = join(root, 'plain-default');
    await mkdir(plain, { recursive: true });
    const shippedFolder = join(import.meta.dirname, '../models/default');
    for (const file of ['model.json', 'feature_schema.json']) await writeFile(join(plain, file), await readFile(join(shippedFolder, file)));
    const { calibration: _calibration, ...metadata } = JSON.parse(await readFile(join(shippedFolder, 'metadata.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(join(plain, 'metadata.json'), JSON.stringify(metadata));
    const json = await runCli(['evaluate', dataset, '--model', model, '--from', validWindow[0], '--to', validWindow[1], '--compare', plain, '--json', '--report', page]);
    expect(json.code, json.stderr).toBe(0);
    const run = JSON.parse(json.stdout) as { models: { name: string; calibration: string | null; report: EvaluationReport }[] };
    // The candidate carries a calibration fitted on its validation window; the plain copy none.
    expect(run.models.map((entry) => entry.calibration)).toEqual(['platt', null]);
    const [candidate, shipped] = run.models.map((entry) => entry.report);
    expect(candidate!.expectedCalibrationError).toBeGreaterThanOrEqual(0);
    expect(candidate!.uncalibrated!.expectedCalibrationError).toBeGreaterThanOrEqual(0);
    expect(candidate!.uncalibrated!.calibration).toHaveLength(10);
    expect(shipped!.uncalibrated).toBeNull();
    expect(shipped!.expectedCalibrationError).toBeGreaterThanOrEqual(0);
    // The page: self-contained (nothing to fetch, no script), both models, their figures and every chart.
    const html = await readFile(page, 'utf8');
    expect(html).not.toMatch(/<script|\ssrc=|\shref=|https?:\/\//);
    for (const { name, report } of run.models) {
      expect(html).toContain(`<th>${name}</th>`);
      expect(html).toContain(`<td>${report.auc.toFixed(4)}</td>`);
      expect(html).toContain(`<td>${report.averagePrecision.toFixed(4)}</td>`);
      expect(html).toContain(`Risk scores of ${name}`);
      expect(html).toContain(`${name}: features by total split gain`);
    }
    for (const title of ['ROC curve', 'Precision–recall curve', 'Calibration (predicted → observed fraud rate)']) expect(html).toContain(`aria-label="${title}`);
    // The candidate is calibrated: its figures before calibration are on the page, and its curve before it (dashed).
    expect(html).toContain('ECE before calibration');
    expect(html).toContain(`<td>${run.models[0]!.report.expectedCalibrationError.toFixed(5)}</td>`);
    expect(html).toContain(`<td>${run.models[0]!.report.uncalibrated!.expectedCalibrationError.toFixed(5)}</td>`);
    expect(html.match(/<polyline/g)!.length).toBeGreaterThanOrEqual(2 + 2 + 2 + 2 + 4);
    expect(run.models.map((entry) => entry.name)[0]).toBe('candidate');
    expect(run.models).toHaveLength(2);
    for (const { report } of run.models) {
      expect(report.rows).toBe(await transactionsIn(...validWindow));
      expect(report.auc).toBeGreaterThan(0);
      expect(report.cardPrecision.k).toBe(100);
      expect(report.cardPrecision.days).toHaveLength(9);
      expect(report.decisions.thresholds).toEqual({ reviewAt: 300, holdAt: 600, blockAt: 850 });
      expect(report.calibration).toHaveLength(10);
    }
    expect(run.models[0]!.report.frauds).toBe(run.models[1]!.report.frauds);
    const human = await runCli(['evaluate', dataset, '--model', model, '--from', validWindow[0], '--to', validWindow[1]]);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/ROC AUC\s+0\.\d{4}/);
    expect(human.stdout).toContain('card precision@100');
    expect(human.stdout).toContain('precision / recall, review ≥ 300');
    expect(human.stdout).toMatch(/expected calibration error\s+0\.\d{5}/);
    expect(human.stdout).toMatch(/ECE before calibration\s+0\.\d{5}/);
    expect(human.stdout).toMatch(/calibration\s+platt/);
  });
});
