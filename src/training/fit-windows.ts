import { featureNames, modelFeatureNames } from '../features/catalogue/feature-catalogue.js';
import { buildFeatureSchema, type FeatureSchema } from '../features/feature-schema.js';
import { compilePredictor, type Predictor } from '../model/predictor/predictor.js';
import type { Calibration } from '../model/calibration/calibration.js';
import { checkCalibrations, fitCalibration, type CalibrationCheck, type CalibrationMethod } from '../model/calibration/calibration-check.js';
import { resolveTrainParams, type TrainParams } from '../model/train/params.js';
import { trainGradientBoosting, type TrainingProgress, type TrainResult } from '../model/train/trainer.js';
import type { TrainingData } from '../model/train/training-data.js';
import { SentraError } from '../errors/errors.js';
import { toXgboostJson } from '../model/xgboost/export-model.js';
import { parseXgboostModel } from '../model/xgboost/parse-model.js';
import type { FraudEvent } from './dataset-labels.js';
import { evaluateScores, type EvaluationReport } from './evaluation.js';
import { candidateParams, tuningGrid } from './tuning-grid.js';
import type { WindowRows } from './window-rows.js';

/** What `sentra train` fits on the rows of its windows, before anything is written. */
export interface FittedModel {
  readonly schema: FeatureSchema;
  readonly params: TrainParams;
  readonly result: TrainResult;
  /** model.json as written (XGBoost JSON). */
  readonly modelJson: string;
  /** The exported model read back, as the API will read it, with the calibration applied. */
  readonly predictor: Predictor;
  /** The calibration fitted on the validation window (none without one, or with `calibration: 'none'`). */
  readonly calibration: Calibration | undefined;
  /** Out-of-fold figures of no calibration, Platt and isotonic on the validation window, when it was fitted. */
  readonly calibrationCheck: CalibrationCheck[] | undefined;
  /** Metrics on the validation window, when one was given and holds rows. */
  readonly validation: EvaluationReport | undefined;
  readonly trainMs: number;
  /** The parameter search, when there was one. */
  readonly tuning: TuningResult | undefined;
}

/** The trainer's input for the rows of a window, in the schema's order. */
export function trainingData(rows: WindowRows, schema: FeatureSchema): TrainingData {
  return { columns: rows.alignedColumns(schema), labels: Uint8Array.from(rows.targets), featureNames: schema.features.map((feature) => feature.name) };
}

/** Probabilities of the exported model on the rows of a window. */
export function scoreRows(fitted: Pick<FittedModel, 'predictor' | 'schema'>, rows: WindowRows): Float64Array {
  const probabilities = new Float64Array(rows.length);
  fitted.predictor.probabilityBatch(rows.alignedColumns(fitted.schema), rows.length, probabilities);
  return probabilities;
}

/** One candidate of a parameter search, as metadata.json records it. */
export interface TuningRow {
  readonly params: Partial<TrainParams>;
  readonly trees: number;
  readonly best_iteration: number;
  readonly validation: { readonly auc: number; readonly average_precision: number; readonly card_precision_at_100: number; readonly log_loss: number };
  readonly train_ms: number;
}

/** A search's outcome: every candidate in order and the index of the chosen one. */
export interface TuningResult {
  readonly metric: 'validation average precision';
  readonly candidates: TuningRow[];
  readonly chosen: number;
}

/** Options of {@link fitOnWindows}. */
export interface FitOptions {
  /** Parameters given explicitly; with `tune` they are pinned in every candidate. */
  readonly params: Partial<TrainParams>;
  /** Search {@link tuningGrid} on the validation window (needs one) and keep the best candidate. */
  readonly tune?: boolean;
  /**
   * How the final model's probability is calibrated on the validation window (default `platt`;
   * ignored without a validation window). See {@link calibrate}.
   */
  readonly calibration?: CalibrationMethod;
  readonly threads?: number;
  readonly log?: (line: string) => void;
}

const rounded = (value: number) => Math.round(value * 1e6) / 1e6;

/**
 * Trains on the training window's rows (schema: the catalogue's model inputs, `modelFeatureNames`,
 * plus the dataset's override columns that name no catalogue feature)
 * with the validation window for early stopping and metrics, the way `sentra train` does; the
 * benchmarks call this same function so that they measure the product's defaults. With `tune`,
 * every candidate of {@link tuningGrid} is trained with early stopping on the validation window and
 * the one with the highest validation average precision is kept (nothing else is looked at: the
 * test window never reaches this function).
 */
export async function fitOnWindows(train: WindowRows, valid: WindowRows | undefined, fraudEvents: readonly FraudEvent[], options: FitOptions): Promise<FittedModel> {
  const log = options.log ?? (() => undefined);
  const overrideOnly = train.overrideNames().filter((name) => !featureNames.includes(name));
  const schema = buildFeatureSchema({ names: [...modelFeatureNames, ...overrideOnly] });
  const trainData = trainingData(train, schema);
  const validationData = valid === undefined || valid.length === 0 ? undefined : trainingData(valid, schema);
  const fit = async (requested: Partial<TrainParams>, progress: boolean): Promise<FittedModel> => {
    const params = resolveTrainParams(requested);
    const started = performance.now();
    const result = await trainGradientBoosting(trainData, params, {
      validation: validationData,
      threads: options.threads,
      onProgress: progress ? (line) => log(treeLine(line, params.n_estimators)) : undefined,
    });
    const trainMs = performance.now() - started;
    const modelJson = JSON.stringify(toXgboostJson(result.model));
    // Scored by the exported model itself, read back as the API will read it.
    const predictor = compilePredictor(parseXgboostModel(JSON.parse(modelJson) as unknown));
    let validation: EvaluationReport | undefined;
    if (valid !== undefined && validationData !== undefined) {
      const probabilities = new Float64Array(valid.length);
      predictor.probabilityBatch(validationData.columns, valid.length, probabilities);
      validation = evaluateScores({ createdAt: valid.createdAt, senders: valid.senders, targets: valid.targets, probabilities }, fraudEvents);
    }
    return { schema, params, result, modelJson, predictor, validation, trainMs, tuning: undefined, calibration: undefined, calibrationCheck: undefined };
  };
  const finish = (fitted: FittedModel) => (validationData === undefined ? fitted : calibrate(fitted, validationData, options.calibration ?? 'platt', log));
  if (options.tune !== true) {
    const fitted = await fit(options.params, true);
    if (fitted.validation !== undefined) log(validationLine(fitted.validation));
    return finish(fitted);
  }
  if (validationData === undefined) throw new SentraError('SENTRA_ERR_VALIDATION', 'tuning needs a validation window with rows (--valid-from/--valid-to)');
  let best: FittedModel | undefined;
  const candidates: TuningRow[] = [];
  let chosen = 0;
  for (const [index, candidate] of tuningGrid.entries()) {
    const fitted = await fit(candidateParams(candidate, options.params), false);
    const report = fitted.validation!;
    const row: TuningRow = {
      params: candidateParams(candidate, options.params),
      trees: fitted.result.model.trees.length,
      best_iteration: fitted.result.bestIteration,
      validation: { auc: rounded(report.auc), average_precision: rounded(report.averagePrecision), card_precision_at_100: rounded(report.cardPrecision.mean), log_loss: rounded(report.logLoss) },
      train_ms: Math.round(fitted.trainMs),
    };
    candidates.push(row);
    log(`tune ${index + 1}/${tuningGrid.length} ${JSON.stringify(row.params)}: ${row.trees} trees, ${validationLine(report)}`);
    if (best === undefined || report.averagePrecision > best.validation!.averagePrecision) {
      best = fitted;
      chosen = index;
    }
  }
  log(`tune: chose ${JSON.stringify(candidates[chosen]!.params)} (highest validation average precision)`);
  return finish({ ...best!, tuning: { metric: 'validation average precision', candidates, chosen } });
}

/**
 * Fits the probability calibration of the final model on the validation window's margins and
 * compiles the predictor with it. Platt scaling is the default: two parameters fitted on a few
 * hundred frauds do not overfit, and it is strictly increasing, so the ranking (AUC, average
 * precision, card precision@k) and the order of the TreeSHAP reasons stay exactly the model's.
 * Isotonic regression is flexible but its flat steps tie rows, which can lose ranking; both are
 * measured out of fold on the validation window and recorded, whichever is fitted.
 */
function calibrate(fitted: FittedModel, validation: TrainingData, method: CalibrationMethod, log: (line: string) => void): FittedModel {
  const rowCount = validation.labels.length;
  const margins = fitted.predictor.marginBatch(validation.columns, rowCount);
  const calibrationCheck = checkCalibrations(margins, validation.labels);
  const calibration = fitCalibration(method, margins, validation.labels);
  const figures = calibrationCheck.map((check) => `${check.method} ECE ${check.ece.toFixed(5)} log loss ${check.log_loss.toFixed(5)} AP ${check.average_precision.toFixed(4)}`);
  log(`calibration on the validation window (5-fold, out of fold): ${figures.join('; ')}; fitted ${calibration?.method ?? 'none'}`);
  const predictor = compilePredictor(parseXgboostModel(JSON.parse(fitted.modelJson) as unknown), { calibration });
  return { ...fitted, predictor, calibration, calibrationCheck };
}

function validationLine(report: EvaluationReport): string {
  return `validation: AUC ${report.auc.toFixed(4)}, average precision ${report.averagePrecision.toFixed(4)}, card precision@100 ${report.cardPrecision.mean.toFixed(4)}`;
}

function treeLine(progress: TrainingProgress, total: number): string {
  const valid = progress.validAuc === undefined ? '' : `, valid AUC ${progress.validAuc.toFixed(4)}, valid log loss ${progress.validLoss?.toFixed(5)}`;
  return `tree ${progress.iteration + 1}/${total}: train log loss ${progress.trainLoss.toFixed(5)}${valid}`;
}
