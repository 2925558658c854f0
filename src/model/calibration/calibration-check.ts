import { sigmoid32 } from '../objective.js';
import { expectedCalibrationError, logLoss } from '../metrics/probability-metrics.js';
import { averagePrecision } from '../metrics/ranking-metrics.js';
import { compileCalibration, type Calibration } from './calibration.js';
import { fitIsotonic } from './isotonic.js';
import { fitPlatt } from './platt.js';

/** A calibration method, or `none` for the model's raw probability. */
export type CalibrationMethod = 'platt' | 'isotonic' | 'none';

/** How one method did on rows it was not fitted on. */
export interface CalibrationCheck {
  readonly method: CalibrationMethod;
  readonly log_loss: number;
  /** Expected calibration error, 10 equal-width bins. */
  readonly ece: number;
  /** Average precision: a map with flat steps ties rows and can lose ranking. */
  readonly average_precision: number;
}

/** Fits one method on margins and labels; undefined for `none` or when the fit is refused. */
export function fitCalibration(method: CalibrationMethod, margins: ArrayLike<number>, labels: ArrayLike<number>): Calibration | undefined {
  if (method === 'platt') return fitPlatt(margins, labels);
  if (method === 'isotonic') return fitIsotonic(Float64Array.from(margins, sigmoid32), labels);
  return undefined;
}

/**
 * Compares no calibration, Platt and isotonic on held-out rows by `folds`-fold cross-fitting in
 * the rows' order (contiguous blocks: with rows in time order, each block is calibrated by a map
 * fitted on the others), so the figures say how each method would do on rows it has not seen.
 */
export function checkCalibrations(margins: ArrayLike<number>, labels: ArrayLike<number>, folds = 5): CalibrationCheck[] {
  const count = margins.length;
  const methods: CalibrationMethod[] = ['none', 'platt', 'isotonic'];
  const predictions = methods.map(() => new Float64Array(count));
  for (let fold = 0; fold < folds; fold++) {
    const start = Math.floor((fold * count) / folds);
    const end = Math.floor(((fold + 1) * count) / folds);
    const trainMargins = new Float64Array(count - (end - start));
    const trainLabels = new Float64Array(count - (end - start));
    let next = 0;
    for (let index = 0; index < count; index++) {
      if (index >= start && index < end) continue;
      trainMargins[next] = margins[index]!;
      trainLabels[next++] = labels[index]!;
    }
    methods.forEach((method, which) => {
      const fitted = fitCalibration(method, trainMargins, trainLabels);
      const calibrate = fitted === undefined ? sigmoid32 : compileCalibration(fitted);
      for (let index = start; index < end; index++) predictions[which]![index] = calibrate(margins[index]!);
    });
  }
  return methods.map((method, which) => ({
    method,
    log_loss: logLoss(labels, predictions[which]!),
    ece: expectedCalibrationError(labels, predictions[which]!),
    average_precision: averagePrecision(labels, predictions[which]!),
  }));
}
