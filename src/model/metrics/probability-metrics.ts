import { checkPairs, type Numbers } from './metric-input.js';

/** Probabilities are clipped to [ε, 1 - ε] before taking logs, so a confident mistake costs about 34.5, not infinity. */
const logLossEpsilon = 1e-15;

/** Mean (optionally weighted) negative log-likelihood: -(y·ln p + (1-y)·ln(1-p)). */
export function logLoss(labels: Numbers, probabilities: Numbers, weights?: Numbers): number {
  checkPairs(labels, probabilities, 'probabilities');
  let total = 0;
  let weightSum = 0;
  for (let index = 0; index < labels.length; index += 1) {
    const label = labels[index] ?? 0;
    const probability = Math.min(Math.max(probabilities[index] ?? 0, logLossEpsilon), 1 - logLossEpsilon);
    const weight = weights?.[index] ?? 1;
    total -= weight * (label * Math.log(probability) + (1 - label) * Math.log(1 - probability));
    weightSum += weight;
  }
  return total / weightSum;
}

/** Mean squared difference between probability and label (lower is better; 0.25 for always 0.5). */
export function brierScore(labels: Numbers, probabilities: Numbers): number {
  checkPairs(labels, probabilities, 'probabilities');
  let total = 0;
  for (let index = 0; index < labels.length; index += 1) {
    const difference = (probabilities[index] ?? 0) - (labels[index] ?? 0);
    total += difference * difference;
  }
  return total / labels.length;
}

/** One bin of a calibration table. */
export interface CalibrationBin {
  /** Bin bounds: [lower, upper), the last bin includes 1. */
  readonly lower: number;
  readonly upper: number;
  /** Rows whose probability falls in the bin. */
  readonly count: number;
  /** Mean predicted probability of those rows (NaN when empty). */
  readonly meanPredicted: number;
  /** Share of positives among those rows (NaN when empty). */
  readonly observedRate: number;
}

/** Reliability table: `bins` equal-width probability bins with predicted and observed rates. */
export function calibrationTable(labels: Numbers, probabilities: Numbers, bins = 10): CalibrationBin[] {
  checkPairs(labels, probabilities, 'probabilities');
  const counts = new Float64Array(bins);
  const predicted = new Float64Array(bins);
  const observed = new Float64Array(bins);
  for (let index = 0; index < labels.length; index += 1) {
    const probability = probabilities[index] ?? 0;
    const bin = Math.min(bins - 1, Math.max(0, Math.floor(probability * bins)));
    counts[bin] = (counts[bin] ?? 0) + 1;
    predicted[bin] = (predicted[bin] ?? 0) + probability;
    observed[bin] = (observed[bin] ?? 0) + ((labels[index] ?? 0) >= 0.5 ? 1 : 0);
  }
  return Array.from({ length: bins }, (_, bin) => {
    const count = counts[bin] ?? 0;
    return {
      lower: bin / bins,
      upper: (bin + 1) / bins,
      count,
      meanPredicted: count === 0 ? Number.NaN : (predicted[bin] ?? 0) / count,
      observedRate: count === 0 ? Number.NaN : (observed[bin] ?? 0) / count,
    };
  });
}

/**
 * Expected calibration error: the row-weighted mean gap between predicted and observed fraud rate
 * over the bins of {@link calibrationTable}, Σ (nᵦ / N) · |mean predictedᵦ − observedᵦ|. 0 for a
 * perfectly calibrated model; NaN without rows.
 */
export function expectedCalibrationError(labels: Numbers, probabilities: Numbers, bins = 10): number {
  const table = calibrationTable(labels, probabilities, bins);
  let total = 0;
  for (const bin of table) if (bin.count > 0) total += (bin.count / labels.length) * Math.abs(bin.meanPredicted - bin.observedRate);
  return labels.length === 0 ? Number.NaN : total;
}
