import { featureNames } from '../features/catalogue/feature-catalogue.js';
import { buildFeatureSchema, type FeatureSchema } from '../features/feature-schema.js';
import { compilePredictor, type Predictor } from '../model/predictor/predictor.js';
import { resolveTrainParams, type TrainParams } from '../model/train/params.js';
import { trainGradientBoosting, type TrainingProgress, type TrainResult } from '../model/train/trainer.js';
import type { TrainingData } from '../model/train/training-data.js';
import { toXgboostJson } from '../model/xgboost/export-model.js';
import { parseXgboostModel } from '../model/xgboost/parse-model.js';
import type { FraudEvent } from './dataset-labels.js';
import { evaluateScores, type EvaluationReport } from './evaluation.js';
import type { WindowRows } from './window-rows.js';

/** What `sentra train` fits on the rows of its windows, before anything is written. */
export interface FittedModel {
  readonly schema: FeatureSchema;
  readonly params: TrainParams;
  readonly result: TrainResult;
  /** model.json as written (XGBoost JSON). */
  readonly modelJson: string;
  /** The exported model read back, as the API will read it. */
  readonly predictor: Predictor;
  /** Metrics on the validation window, when one was given and holds rows. */
  readonly validation: EvaluationReport | undefined;
  readonly trainMs: number;
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

/**
 * Trains on the training window's rows (schema: the catalogue plus the dataset's override columns)
 * with the validation window for early stopping and metrics, the way `sentra train` does; the
 * benchmarks call this same function so that they measure the product's defaults.
 */
export async function fitOnWindows(
  train: WindowRows,
  valid: WindowRows | undefined,
  fraudEvents: readonly FraudEvent[],
  options: { params: Partial<TrainParams>; threads?: number; log?: (line: string) => void },
): Promise<FittedModel> {
  const log = options.log ?? (() => undefined);
  const overrideOnly = train.overrideNames().filter((name) => !featureNames.includes(name));
  const schema = buildFeatureSchema({ names: [...featureNames, ...overrideOnly] });
  const params = resolveTrainParams(options.params);
  const validationData = valid === undefined || valid.length === 0 ? undefined : trainingData(valid, schema);
  const started = performance.now();
  const result = await trainGradientBoosting(trainingData(train, schema), params, {
    validation: validationData,
    threads: options.threads,
    onProgress: (progress) => log(treeLine(progress, params.n_estimators)),
  });
  const trainMs = performance.now() - started;
  const modelJson = JSON.stringify(toXgboostJson(result.model));
  const predictor = compilePredictor(parseXgboostModel(JSON.parse(modelJson) as unknown));
  let validation: EvaluationReport | undefined;
  if (valid !== undefined && validationData !== undefined) {
    const probabilities = new Float64Array(valid.length);
    predictor.probabilityBatch(validationData.columns, valid.length, probabilities);
    validation = evaluateScores({ createdAt: valid.createdAt, senders: valid.senders, targets: valid.targets, probabilities }, fraudEvents);
    log(`validation: AUC ${validation.auc.toFixed(4)}, average precision ${validation.averagePrecision.toFixed(4)}, card precision@100 ${validation.cardPrecision.mean.toFixed(4)}`);
  }
  return { schema, params, result, modelJson, predictor, validation, trainMs };
}

function treeLine(progress: TrainingProgress, total: number): string {
  const valid = progress.validAuc === undefined ? '' : `, valid AUC ${progress.validAuc.toFixed(4)}, valid log loss ${progress.validLoss?.toFixed(5)}`;
  return `tree ${progress.iteration + 1}/${total}: train log loss ${progress.trainLoss.toFixed(5)}${valid}`;
}
