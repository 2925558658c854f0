import { availableParallelism } from 'node:os';
import { ValidationError } from '../../errors/errors.js';
import { rocAuc } from '../metrics/ranking-metrics.js';
import { baseMarginFromScore } from '../objective.js';
import { SeededRandom } from '../random.js';
import type { Tree, TreeEnsemble } from '../tree-ensemble.js';
import { addLeavesToMargins, addTreeToColumnMargins, addTreeToUndrawnRows, marginLogLoss, trainingLogLoss } from './boosting-updates.js';
import type { EngineSetup } from './histogram-engine.js';
import { resolveTrainParams, type TrainParams } from './params.js';
import { createTrainingArena, type TrainingArena } from './training-arena.js';
import { checkTrainingData, type TrainingData } from './training-data.js';
import { ThreadTeam } from './thread-team.js';
import { growTree } from './tree-grower.js';
import { WorkerPool } from './worker-pool.js';

/** Metrics after one boosting round. */
export interface TrainingProgress {
  /** Round number, from 0. */
  readonly iteration: number;
  /** Weighted log loss on the training rows. */
  readonly trainLoss: number;
  /** Log loss on the validation rows, when given. */
  readonly validLoss?: number;
  /** ROC AUC on the validation rows, when given. */
  readonly validAuc?: number;
}

/** Options of {@link trainGradientBoosting}. */
export interface TrainOptions {
  /** Held-out rows for the history and for early stopping. */
  readonly validation?: TrainingData;
  /** Called after every round. */
  readonly onProgress?: (progress: TrainingProgress) => void;
  /**
   * Threads building histograms (the calling thread plus worker threads). Default: up to 4 on
   * data of a million values or more, else 1. The model is identical for any thread count.
   */
  readonly threads?: number;
}

/** A trained model with its learning curve. */
export interface TrainResult {
  /** The model; with early stopping, its trees stop at the best round. */
  readonly model: TreeEnsemble;
  /** Metrics after each round. */
  readonly history: TrainingProgress[];
  /** Best round on the validation metric (the last round without validation data). */
  readonly bestIteration: number;
}

function chooseThreads(requested: number | undefined, values: number): number {
  if (requested !== undefined) {
    if (!Number.isInteger(requested) || requested < 1) throw new ValidationError([{ code: 'range', path: '/options/threads', message: `threads must be a positive integer, got ${requested}` }], `Invalid thread count ${requested}.`);
    return requested;
  }
  return values >= 1_000_000 ? Math.max(1, Math.min(4, availableParallelism())) : 1;
}

function baseScoreFor(params: TrainParams, data: TrainingData): number {
  if (params.base_score !== undefined) return Math.fround(params.base_score);
  let labelSum = 0;
  let weightSum = 0;
  data.labels.forEach((label, row) => {
    const weight = data.weights?.[row] ?? 1;
    labelSum += label * weight;
    weightSum += weight;
  });
  return Math.fround(Math.min(Math.max(labelSum / weightSum, 1e-6), 1 - 1e-6));
}

function engineSetup(arena: TrainingArena, params: TrainParams): EngineSetup {
  return { memory: arena.memory, module: arena.module, layout: arena.layout, binCounts: Int32Array.from(arena.featureBins, (bins) => bins.binCount), rules: { lambda: params.lambda, minChildWeight: params.min_child_weight } };
}

/**
 * Trains a binary classifier by gradient boosting on histograms (logistic loss), as XGBoost's
 * `hist` method does: quantile bins, second-order splits with λ and γ, min_child_weight, learned
 * default directions for missing values, row and column subsampling, scale_pos_weight and early
 * stopping on a validation set. Deterministic for a given seed, whatever the thread count.
 * @throws ValidationError on bad parameters or data (NaN labels, infinite values, length mismatches).
 */
export async function trainGradientBoosting(data: TrainingData, params: Partial<TrainParams> = {}, options: TrainOptions = {}): Promise<TrainResult> {
  const resolved = resolveTrainParams(params);
  const rowCount = checkTrainingData(data, 'training');
  const validation = options.validation;
  if (validation !== undefined) checkTrainingData(validation, 'validation', data.columns.length);
  if (resolved.early_stopping_rounds !== undefined && validation === undefined) {
    throw new ValidationError([{ code: 'required', path: '/options/validation', message: 'early_stopping_rounds needs a validation set' }], 'early_stopping_rounds needs a validation set (options.validation).');
  }
  const threads = chooseThreads(options.threads, rowCount * data.columns.length);
  const arena = createTrainingArena(data.columns, data.labels, data.weights, resolved.max_bin, resolved.max_depth, resolved.seed);
  const pool = threads > 1 ? await WorkerPool.start(threads - 1, engineSetup(arena, resolved)) : undefined;
  try {
    return await boost(data, validation, resolved, arena, new ThreadTeam(arena, engineSetup(arena, resolved), pool), options.onProgress);
  } finally {
    await pool?.close();
  }
}

async function boost(
  data: TrainingData,
  validation: TrainingData | undefined,
  params: TrainParams,
  arena: TrainingArena,
  team: ThreadTeam,
  onProgress: ((progress: TrainingProgress) => void) | undefined,
): Promise<TrainResult> {
  const rowCount = data.labels.length;
  const featureCount = data.columns.length;
  const baseScore = baseScoreFor(params, data);
  const baseMargin = baseMarginFromScore('binary:logistic', baseScore);
  const margins = arena.margins.fill(baseMargin);
  const validMargins = validation ? new Float32Array(validation.labels.length).fill(baseMargin) : undefined;
  const random = new SeededRandom(params.seed);
  const context = { layout: arena.layout, featureBins: arena.featureBins, eta: params.eta, maxDepth: params.max_depth, lambda: params.lambda, gamma: params.gamma, minChildWeight: params.min_child_weight, team };
  const drawn = new Uint8Array(rowCount);
  const trees: Tree[] = [];
  const history: TrainingProgress[] = [];
  // A round's training loss is measured by the next round's gradient pass (same margins), or
  // directly when that pass does not cover every row; its progress is reported then.
  let pending: Omit<TrainingProgress, 'trainLoss'> | undefined;
  const report = (trainLoss: number): void => {
    if (pending === undefined) return;
    const progress = { ...pending, trainLoss };
    history.push(progress);
    onProgress?.(progress);
    pending = undefined;
  };
  let bestIteration = 0;
  let bestScore = Number.NaN;
  for (let iteration = 0; iteration < params.n_estimators; iteration += 1) {
    const features = drawFeatures(random, featureCount, params.colsample_bytree);
    const drawnCount = drawRows(random, arena, drawn, params.subsample);
    const sums = await team.gradients(drawnCount, params.scale_pos_weight);
    report(drawnCount === rowCount ? sums.loss : trainingLogLoss(arena));
    const grown = await growTree(context, drawnCount, drawnCount === rowCount, [sums.gradient, sums.hessian], features);
    addLeavesToMargins(arena, grown);
    if (drawnCount < rowCount) addTreeToUndrawnRows(arena, grown, drawn, margins, arena.featureBins);
    trees.push(grown.tree);
    pending = measureValidation(iteration, validation, validMargins, grown.tree);
    if (validation === undefined) {
      bestIteration = iteration;
      continue;
    }
    const score = params.eval_metric === 'auc' ? -(pending.validAuc ?? 0) : (pending.validLoss ?? 0);
    if (Number.isNaN(bestScore) || score < bestScore) {
      bestScore = score;
      bestIteration = iteration;
    } else if (params.early_stopping_rounds !== undefined && iteration - bestIteration >= params.early_stopping_rounds) break;
  }
  report(trainingLogLoss(arena));
  const kept = params.early_stopping_rounds === undefined ? trees : trees.slice(0, bestIteration + 1);
  const model: TreeEnsemble = { objective: 'binary:logistic', baseScore, baseMargin, featureCount, ...(data.featureNames ? { featureNames: [...data.featureNames] } : {}), trees: kept };
  return { model, history, bestIteration };
}

function drawFeatures(random: SeededRandom, featureCount: number, share: number): Int32Array {
  const all = Array.from({ length: featureCount }, (_, feature) => feature);
  if (share >= 1) return Int32Array.from(all);
  const count = Math.max(1, Math.round(featureCount * share));
  return Int32Array.from(random.shuffle(all).slice(0, count)).sort();
}

/** Draws this tree's rows into rowIndex (ascending) and marks them in `drawn`; returns their count. */
function drawRows(random: SeededRandom, arena: TrainingArena, drawn: Uint8Array, share: number): number {
  const { rowIndex } = arena;
  if (share >= 1) {
    for (let row = 0; row < rowIndex.length; row += 1) rowIndex[row] = row;
    drawn.fill(1);
    return rowIndex.length;
  }
  let count = 0;
  for (let row = 0; row < rowIndex.length; row += 1) {
    const take = random.nextFloat() < share;
    drawn[row] = take ? 1 : 0;
    if (take) rowIndex[count++] = row;
  }
  return count;
}

function measureValidation(iteration: number, validation: TrainingData | undefined, validMargins: Float32Array | undefined, tree: Tree): Omit<TrainingProgress, 'trainLoss'> {
  if (validation === undefined || validMargins === undefined) return { iteration };
  addTreeToColumnMargins(tree, validation.columns, validMargins);
  return { iteration, validLoss: marginLogLoss(validMargins, validation.labels, validation.weights), validAuc: rocAuc(validation.labels, validMargins) };
}
