import { SentraError } from '../errors/errors.js';
import { parseXgboostModel } from '../model/xgboost/parse-model.js';
import { compilePredictor } from '../model/predictor/predictor.js';
import { compileCalibration, parseCalibration, type Calibration } from '../model/calibration/calibration.js';
import { transformMargin } from '../model/objective.js';
import { createExplainer } from '../model/explain/explainer.js';
import type { TreeEnsemble } from '../model/tree-ensemble.js';
import { alignFeatures } from '../features/feature-alignment.js';
import { parseFeatureSchema } from '../features/feature-schema.js';
import { featureDefinition, formatReason } from '../features/catalogue/feature-catalogue.js';
import type { Contribution, FeatureSnapshot, ModelVerdict, ScoringModel } from '../scoring/scoring-ports.js';
import type { ModelArtifact } from './model-artifact.js';

/** How one model input is explained: its catalogue reason, or a generic one for override features. */
interface ReasonOf {
  code: string;
  sentence(value: number): string;
  /**
   * Whether the value can be stated as a reason. A missing value can push a score up, but "we do
   * not know the IP's country" is not the same claim as "the IP is abroad"; and a binary flag's
   * sentence states the flag, so only a set flag (1) is a reason.
   */
  applies(value: number): boolean;
}

function reasonOf(name: string): ReasonOf {
  const definition = featureDefinition(name);
  if (definition !== undefined) {
    return {
      code: definition.reasonCode,
      sentence: (value) => formatReason(definition, value),
      applies: (value) => !Number.isNaN(value) && (definition.type !== 'binary' || value === 1),
    };
  }
  const code = `FEATURE_${name.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`;
  return { code, sentence: (value) => `The caller-supplied feature ${name} is ${String(value)}`, applies: (value) => !Number.isNaN(value) };
}

function parseModelJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new SentraError('SENTRA_ERR_MODEL_FORMAT', 'model.json is not valid JSON', { cause: error });
  }
}

/** The prediction half of a scoring model: feature alignment and the compiled predictor, no explanation. */
export interface ModelScorer {
  /** The parsed trees (for an explainer or for export). */
  readonly ensemble: TreeEnsemble;
  /** The model's inputs, in model order. */
  readonly names: readonly string[];
  /** The calibration of metadata.json, when the artifact carries one. */
  readonly calibration: Calibration | undefined;
  /**
   * Aligns the engine's catalogue values and overrides to the model's inputs (into `row`, model
   * order) and returns the fraud probability (calibrated when the artifact carries a calibration):
   * the exact computation of the API, without TreeSHAP.
   */
  probability(snapshot: Pick<FeatureSnapshot, 'values' | 'overrides'>, row: Float64Array): number;
  /** As {@link probability}, but the trees' raw margin (log-odds), before any calibration. */
  margin(snapshot: Pick<FeatureSnapshot, 'values' | 'overrides'>, row: Float64Array): number;
  /** The probability the model answers for a margin: calibrated when the artifact carries a calibration. */
  calibrate(margin: number): number;
  /** The probability of a row already in model order (NaN = missing), as {@link probability} answers it. */
  probabilityOfRow(row: ArrayLike<number>): number;
}

/**
 * Compiles the prediction half of an artifact: XGBoost-format trees and metadata.json's calibration
 * (if any) into a compiled predictor, feature_schema.json into a precomputed alignment. The API ({@link loadScoringModel}) and offline
 * replay, training and evaluation all score through this, so they cannot disagree.
 */
export function compileModelScorer(artifact: ModelArtifact): ModelScorer {
  const ensemble = parseXgboostModel(parseModelJson(artifact.modelJson));
  const schema = parseFeatureSchema(artifact.featureSchema);
  if (schema.features.length !== ensemble.featureCount) {
    throw new SentraError(
      'SENTRA_ERR_MODEL_FORMAT',
      `feature_schema.json lists ${schema.features.length} features but the model expects ${ensemble.featureCount}`,
      { details: [{ code: 'feature_count', path: '/features', message: `expected ${ensemble.featureCount} features` }] },
    );
  }
  const aligner = alignFeatures(schema);
  const calibration = parseCalibration(artifact.metadata.calibration);
  const predictor = compilePredictor(ensemble, { calibration });
  return {
    ensemble,
    names: aligner.names,
    calibration,
    probability(snapshot, row) {
      aligner.align(snapshot.values, snapshot.overrides, row);
      return predictor.probability(row);
    },
    margin(snapshot, row) {
      aligner.align(snapshot.values, snapshot.overrides, row);
      return predictor.margin(row);
    },
    probabilityOfRow: (row) => predictor.probability(row),
    calibrate: calibration === undefined ? (margin) => transformMargin(ensemble.objective, margin) : compileCalibration(calibration),
  };
}

/**
 * Compiles an artifact into a model the scoring flow calls: the prediction of
 * {@link compileModelScorer} plus a TreeSHAP explainer whose positive contributions become drivers.
 * The drivers are the trees' own contributions to the raw margin (log-odds). A calibration is
 * monotone non-decreasing in that margin (Platt: calibrated log-odds = slope × margin + intercept,
 * slope > 0), so a driver that raises the margin never lowers the calibrated score, and the drivers'
 * order is the same with or without calibration.
 */
export function loadScoringModel(artifact: ModelArtifact, version: string): ScoringModel {
  const scorer = compileModelScorer(artifact);
  const explainer = createExplainer(scorer.ensemble);
  const reasons = scorer.names.map(reasonOf);
  const row = new Float64Array(scorer.names.length);
  return {
    version,
    evaluate(snapshot: FeatureSnapshot, maxDrivers = Number.POSITIVE_INFINITY): ModelVerdict {
      const probability = scorer.probability(snapshot, row);
      const { contributions } = explainer.explain(row);
      // The row as values in the names' order, not an object by name: ~120 properties added one by
      // one make a slow dictionary-mode object, and the writer stores values in order anyway.
      const values = new Array<number | null>(row.length);
      const pushing: number[] = [];
      for (let index = 0; index < row.length; index++) {
        const value = row[index]!;
        values[index] = Number.isNaN(value) ? null : value;
        if (contributions[index]! > 0 && reasons[index]!.applies(value)) pushing.push(index);
      }
      pushing.sort((a, b) => contributions[b]! - contributions[a]!);
      // Sentences only for the drivers that are returned: formatting is most of a driver's cost.
      const drivers: Contribution[] = pushing.slice(0, maxDrivers).map((index) => {
        const value = row[index]!;
        const reason = reasons[index]!;
        return { feature: scorer.names[index]!, value, contribution: contributions[index]!, reasonCode: reason.code, sentence: reason.sentence(value) };
      });
      return { probability, features: { names: scorer.names, values }, drivers };
    },
  };
}
