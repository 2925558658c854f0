import type { TrainParams } from '../model/train/params.js';

/**
 * The candidates `sentra train --tune` tries, each with early stopping on the validation window
 * (up to `n_estimators` rounds, stopped after {@link tuningPatience} rounds without a better
 * validation log loss). They span shallow and deep trees, slow learning rates and row / column
 * subsampling: at a 1% fraud rate a training window holds a few hundred frauds, and which
 * capacity generalises depends on the data, so the validation window decides.
 */
export const tuningGrid: readonly Partial<TrainParams>[] = [
  { max_depth: 3, eta: 0.1, n_estimators: 400 },
  { max_depth: 3, eta: 0.05, n_estimators: 800, subsample: 0.8, colsample_bytree: 0.5 },
  { max_depth: 4, eta: 0.05, n_estimators: 800, subsample: 0.8, colsample_bytree: 0.8 },
  { max_depth: 5, eta: 0.05, n_estimators: 800, subsample: 0.8, colsample_bytree: 0.5, min_child_weight: 3 },
  { max_depth: 6, eta: 0.05, n_estimators: 800, min_child_weight: 5, lambda: 5 },
  { max_depth: 6, eta: 0.1, n_estimators: 400 },
];

/** Early-stopping patience of every candidate (unless the caller pins early_stopping_rounds). */
export const tuningPatience = 30;

/**
 * The parameters of one candidate: the caller's pinned parameters (given explicitly, e.g. on the
 * command line) win over the candidate's, and early stopping is always on.
 */
export function candidateParams(candidate: Partial<TrainParams>, pinned: Partial<TrainParams>): Partial<TrainParams> {
  return { ...candidate, early_stopping_rounds: tuningPatience, ...pinned };
}
