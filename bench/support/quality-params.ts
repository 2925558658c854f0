import type { TrainParams } from '../../src/model/train/params.js';

/**
 * The parameters bench/quality.ts trains with by default: the pick of `--tune` on the validation
 * week (highest average precision + card precision@100 there; the test week played no part).
 */
export const qualityParams: Partial<TrainParams> = { n_estimators: 300, max_depth: 4, eta: 0.05, subsample: 0.8, colsample_bytree: 0.8 };

/** The grid `--tune` tries; the pick is made on the validation week 2018-08-01..08-07 only. */
export const qualityGrid: readonly Partial<TrainParams>[] = [
  { n_estimators: 100, max_depth: 6, eta: 0.1 },
  { n_estimators: 50, max_depth: 3, eta: 0.3 },
  { n_estimators: 300, max_depth: 4, eta: 0.05, subsample: 0.8, colsample_bytree: 0.8 },
  { n_estimators: 100, max_depth: 6, eta: 0.1, min_child_weight: 5, lambda: 5 },
];
