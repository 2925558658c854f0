import { checkPairs, isPositive, type Numbers } from './metric-input.js';

/** Confusion counts and rates of the decision "score >= threshold means positive". */
export interface ThresholdMetrics {
  readonly threshold: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly trueNegatives: number;
  readonly falseNegatives: number;
  /** TP / (TP + FP); 0 when nothing is flagged. */
  readonly precision: number;
  /** TP / (TP + FN); 0 when there is no positive. */
  readonly recall: number;
  /** Harmonic mean of precision and recall; 0 when both are 0. */
  readonly f1: number;
}

/** Precision, recall and F1 when rows scoring at or above `threshold` are flagged. */
export function precisionRecallAt(labels: Numbers, scores: Numbers, threshold: number): ThresholdMetrics {
  checkPairs(labels, scores);
  let truePositives = 0;
  let falsePositives = 0;
  let trueNegatives = 0;
  let falseNegatives = 0;
  for (let index = 0; index < labels.length; index += 1) {
    const flagged = (scores[index] ?? 0) >= threshold;
    if (isPositive(labels[index] ?? 0)) {
      if (flagged) truePositives += 1;
      else falseNegatives += 1;
    } else if (flagged) falsePositives += 1;
    else trueNegatives += 1;
  }
  const precision = truePositives + falsePositives === 0 ? 0 : truePositives / (truePositives + falsePositives);
  const recall = truePositives + falseNegatives === 0 ? 0 : truePositives / (truePositives + falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { threshold, truePositives, falsePositives, trueNegatives, falseNegatives, precision, recall, f1 };
}
