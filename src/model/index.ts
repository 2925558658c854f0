/**
 * Public surface of the model library: gradient-boosted trees trained, predicted, explained and
 * exchanged with XGBoost, plus the evaluation metrics. Pure code (no I/O); see docs/models.md.
 * Modules inside src/model import each other directly, never through this file.
 */
export type { CategoricalSplits, Tree, TreeEnsemble } from './tree-ensemble.js';
export { isLeaf, nodeCount, treeDepth, truncateEnsemble } from './tree-ensemble.js';
export { baseMarginFromScore, objectives, sigmoid32, transformMargin, type Objective } from './objective.js';
export { parseXgboostModel } from './xgboost/parse-model.js';
export { toXgboostJson } from './xgboost/export-model.js';
export { compilePredictor, type PredictionOutput, type Predictor, type PredictorOptions } from './predictor/predictor.js';
export { calibrationFormat, compileCalibration, parseCalibration, type Calibration, type IsotonicCalibration, type PlattCalibration } from './calibration/calibration.js';
export { checkCalibrations, fitCalibration, type CalibrationCheck, type CalibrationMethod } from './calibration/calibration-check.js';
export { createExplainer, explainRow, type Explainer, type ExplainerOptions, type Explanation } from './explain/explainer.js';
export { trainGradientBoosting, type TrainOptions, type TrainResult, type TrainingProgress } from './train/trainer.js';
export { defaultTrainParams, resolveTrainParams, type TrainParams } from './train/params.js';
export type { TrainingData } from './train/training-data.js';
export { averagePrecision, rocAuc } from './metrics/ranking-metrics.js';
export { precisionRecallAt, type ThresholdMetrics } from './metrics/threshold-metrics.js';
export { brierScore, calibrationTable, expectedCalibrationError, logLoss, type CalibrationBin } from './metrics/probability-metrics.js';
export { entityPrecisionAtK, type DailyPrecision, type EntityPrecision, type EntityScore } from './metrics/entity-precision.js';
export { gainImportance, modelCurves, type CurvePoint, type ModelCurves } from './metrics/model-curves.js';
export { parseLibsvm, type LibsvmData } from './libsvm.js';
