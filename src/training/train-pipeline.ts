import { featureCatalogueVersion } from '../features/catalogue/feature-catalogue.js';
import type { TrainParams } from '../model/train/params.js';
import type { CalibrationMethod } from '../model/calibration/calibration-check.js';
import { writeArtifactFolder, type ModelArtifact } from '../registry/model-artifact.js';
import { describeWindow, type TimeWindow } from '../datasets/replay/time-window.js';
import type { DatasetIdentity } from '../datasets/replay/dataset-identity.js';
import { collectDatasetFeatures } from './dataset-features.js';
import type { EvaluationReport } from './evaluation.js';
import { fitOnWindows, scoreRows } from './fit-windows.js';
import { toRiskScore } from '../scoring/risk-scale.js';
import { scoreBinWidth, scoreHistogram } from '../scoring/score-bins.js';
import type { WindowRows } from './window-rows.js';

/** What `sentra train` needs. */
export interface TrainPipelineOptions {
  readonly dataset: DatasetIdentity;
  readonly trainWindow: TimeWindow;
  /** Held-out window for early stopping and the metrics in metadata.json. */
  readonly validWindow?: TimeWindow;
  /** Artifact folder to write. */
  readonly out: string;
  /** Model name (default: the dataset name). */
  readonly name?: string;
  readonly params: Partial<TrainParams>;
  /**
   * Search the parameters on the validation window (see tuning-grid.ts); `params` are pinned in
   * every candidate. Needs validWindow.
   */
  readonly tune?: boolean;
  /** Calibration fitted on the validation window (default `platt`; none without a validation window). */
  readonly calibration?: CalibrationMethod;
  readonly threads?: number;
  /** Progress lines (replayed rows, trees, validation AUC). */
  readonly log?: (line: string) => void;
  /** Clock for created_at (tests). */
  readonly now?: () => Date;
}

/** What a training run produced. */
export interface TrainPipelineResult {
  readonly artifact: ModelArtifact;
  readonly validation: EvaluationReport | undefined;
}

function windowFacts(window: TimeWindow, rows: WindowRows): Record<string, unknown> {
  const frauds = rows.positives;
  return { ...describeWindow(window), rows: rows.length, frauds, fraud_rate: rows.length === 0 ? null : frauds / rows.length };
}

const rounded = (value: number) => (Number.isFinite(value) ? Math.round(value * 1e6) / 1e6 : null);

/**
 * Trains a model on a dataset: replays the whole dataset through the feature engine (point-in-time
 * features, profiles warm from the first row), takes the rows of the training (and validation)
 * window with target = final fraud label, trains gradient-boosted trees, and writes the artifact
 * folder: model.json (XGBoost JSON), feature_schema.json (the catalogue plus the dataset's override
 * columns) and metadata.json (windows, dataset identity, counts, parameters, validation metrics).
 */
export async function trainFromDataset(options: TrainPipelineOptions): Promise<TrainPipelineResult> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const windows = options.validWindow === undefined ? { train: options.trainWindow } : { train: options.trainWindow, valid: options.validWindow };
  const features = await collectDatasetFeatures(options.dataset.dir, windows as { train: TimeWindow; valid: TimeWindow }, {
    sorted: options.dataset.sorted,
    onProgress: progressEvery(200_000, (replayed) => log(`replayed ${replayed.toLocaleString('en-US')} rows`)),
  });
  const replayMs = performance.now() - started;
  const train = features.rows.train;
  const valid = options.validWindow === undefined ? undefined : features.rows.valid;
  log(`replayed ${features.replay.transactions.toLocaleString('en-US')} rows in ${(replayMs / 1000).toFixed(1)} s; training rows ${train.length.toLocaleString('en-US')} (${train.positives} fraud)${valid ? `, validation rows ${valid.length.toLocaleString('en-US')} (${valid.positives} fraud)` : ''}`);
  const fitted = await fitOnWindows(train, valid, features.fraudEvents, { params: options.params, tune: options.tune, calibration: options.calibration, threads: options.threads, log });
  const { params, result, modelJson, validation, schema } = fitted;
  const trainMs = fitted.trainMs;
  const metadata: Record<string, unknown> = {
    name: options.name ?? options.dataset.name,
    created_at: (options.now?.() ?? new Date()).toISOString(),
    trainer: 'sentra gradient boosting (histogram, logistic loss)',
    feature_catalogue_version: featureCatalogueVersion,
    dataset: { name: options.dataset.name, hash: options.dataset.hash, transactions: features.replay.transactions, labels: features.labels.length },
    training: windowFacts(options.trainWindow, train),
    validation: options.validWindow === undefined || valid === undefined ? null : windowFacts(options.validWindow, valid),
    parameters: { ...params, threads: options.threads ?? null },
    tuning: fitted.tuning ?? null,
    trees: result.model.trees.length,
    best_iteration: result.bestIteration,
    metrics: validation === undefined ? null : { validation: metricsOf(validation) },
    validation_score_histogram: valid === undefined || valid.length === 0 ? null : validationScoreHistogram(scoreRows(fitted, valid)),
    calibration: fitted.calibration === undefined || valid === undefined ? null : { ...fitted.calibration, fitted_on: windowFacts(options.validWindow!, valid) },
    calibration_check:
      fitted.calibrationCheck === undefined
        ? null
        : { rows: 'validation window, 5 contiguous folds, each calibrated by a map fitted on the other four', requested: options.calibration ?? 'platt', methods: fitted.calibrationCheck.map((check) => ({ method: check.method, log_loss: rounded(check.log_loss), ece: rounded(check.ece), average_precision: rounded(check.average_precision) })) },
    durations_ms: { replay: Math.round(replayMs), train: Math.round(trainMs) },
  };
  const artifact: ModelArtifact = { modelJson, featureSchema: schema, metadata };
  await writeArtifactFolder(options.out, artifact);
  return { artifact, validation };
}

/**
 * The risk scores the final model (calibrated, as the API scores) gives the validation window's rows,
 * per bin of the dashboard's score histogram: the reference the dashboard compares live scores
 * with (drift). Model scores, before rules.
 */
function validationScoreHistogram(probabilities: Float64Array): Record<string, unknown> {
  return { scale: 'risk_score', bin_width: scoreBinWidth, rows: probabilities.length, counts: scoreHistogram(Array.from(probabilities, toRiskScore)) };
}

/** The figures metadata.json keeps from an evaluation. */
export function metricsOf(report: EvaluationReport): Record<string, unknown> {
  return {
    auc: rounded(report.auc),
    average_precision: rounded(report.averagePrecision),
    card_precision_at_100: rounded(report.cardPrecision.mean),
    log_loss: rounded(report.logLoss),
    known_cards_removed: { rows: report.knownCardsRemoved.rows, auc: rounded(report.knownCardsRemoved.auc), average_precision: rounded(report.knownCardsRemoved.averagePrecision) },
  };
}

/** Calls `report` each time the count passes another multiple of `every`. */
export function progressEvery(every: number, report: (count: number) => void): (count: number) => void {
  let next = every;
  return (count) => {
    if (count < next) return;
    report(count);
    next = (Math.floor(count / every) + 1) * every;
  };
}
