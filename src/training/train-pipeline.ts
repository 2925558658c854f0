import { featureCatalogueVersion, featureNames } from '../features/catalogue/feature-catalogue.js';
import { buildFeatureSchema, type FeatureSchema } from '../features/feature-schema.js';
import { compilePredictor } from '../model/predictor/predictor.js';
import { resolveTrainParams, type TrainParams } from '../model/train/params.js';
import { trainGradientBoosting, type TrainingProgress } from '../model/train/trainer.js';
import type { TrainingData } from '../model/train/training-data.js';
import { parseXgboostModel } from '../model/xgboost/parse-model.js';
import { toXgboostJson } from '../model/xgboost/export-model.js';
import { writeArtifactFolder, type ModelArtifact } from '../registry/model-artifact.js';
import { describeWindow, type TimeWindow } from '../datasets/replay/time-window.js';
import type { DatasetIdentity } from '../datasets/replay/dataset-identity.js';
import { collectDatasetFeatures } from './dataset-features.js';
import { evaluateScores, type EvaluationReport } from './evaluation.js';
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

function trainingData(rows: WindowRows, schema: FeatureSchema): TrainingData {
  return { columns: rows.alignedColumns(schema), labels: Uint8Array.from(rows.targets), featureNames: schema.features.map((feature) => feature.name) };
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
  const overrideOnly = train.overrideNames().filter((name) => !featureNames.includes(name));
  const schema = buildFeatureSchema({ names: [...featureNames, ...overrideOnly] });
  const params = resolveTrainParams(options.params);
  const validationData = valid === undefined || valid.length === 0 ? undefined : trainingData(valid, schema);
  const trainStarted = performance.now();
  const result = await trainGradientBoosting(trainingData(train, schema), params, {
    validation: validationData,
    threads: options.threads,
    onProgress: (progress) => log(treeLine(progress, params.n_estimators)),
  });
  const trainMs = performance.now() - trainStarted;
  const modelJson = JSON.stringify(toXgboostJson(result.model));
  let validation: EvaluationReport | undefined;
  if (valid !== undefined && validationData !== undefined) {
    // Scored by the exported model itself, read back as the API will read it.
    const predictor = compilePredictor(parseXgboostModel(JSON.parse(modelJson) as unknown));
    const probabilities = predictor.probabilityBatch(validationData.columns, valid.length);
    validation = evaluateScores({ createdAt: valid.createdAt, senders: valid.senders, targets: valid.targets, probabilities }, features.fraudEvents);
    log(`validation: AUC ${validation.auc.toFixed(4)}, average precision ${validation.averagePrecision.toFixed(4)}, card precision@100 ${validation.cardPrecision.mean.toFixed(4)}`);
  }
  const metadata: Record<string, unknown> = {
    name: options.name ?? options.dataset.name,
    created_at: (options.now?.() ?? new Date()).toISOString(),
    trainer: 'sentra gradient boosting (histogram, logistic loss)',
    feature_catalogue_version: featureCatalogueVersion,
    dataset: { name: options.dataset.name, hash: options.dataset.hash, transactions: features.replay.transactions, labels: features.labels.length },
    training: windowFacts(options.trainWindow, train),
    validation: options.validWindow === undefined || valid === undefined ? null : windowFacts(options.validWindow, valid),
    parameters: { ...params, threads: options.threads ?? null },
    trees: result.model.trees.length,
    best_iteration: result.bestIteration,
    metrics: validation === undefined ? null : { validation: metricsOf(validation) },
    durations_ms: { replay: Math.round(replayMs), train: Math.round(trainMs) },
  };
  const artifact: ModelArtifact = { modelJson, featureSchema: schema, metadata };
  await writeArtifactFolder(options.out, artifact);
  return { artifact, validation };
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

function treeLine(progress: TrainingProgress, total: number): string {
  const valid = progress.validAuc === undefined ? '' : `, valid AUC ${progress.validAuc.toFixed(4)}, valid log loss ${progress.validLoss?.toFixed(5)}`;
  return `tree ${progress.iteration + 1}/${total}: train log loss ${progress.trainLoss.toFixed(5)}${valid}`;
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
