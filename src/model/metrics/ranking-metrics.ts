import { checkPairs, splitSortedDescending, type Numbers } from './metric-input.js';

/**
 * Area under the ROC curve: the probability that a random positive scores above a random
 * negative, ties counting one half (the same as average ranks in the Mann-Whitney statistic and
 * as scikit-learn's roc_auc_score). NaN when only one class is present.
 */
export function rocAuc(labels: Numbers, scores: Numbers): number {
  checkPairs(labels, scores);
  const { positives, negatives } = splitSortedDescending(labels, scores);
  if (positives.length === 0 || negatives.length === 0) return Number.NaN;
  // Walk both lists from the highest score down; for each group of equal positive scores count
  // the negatives strictly below it and the negatives tied with it.
  let wins = 0;
  let negative = 0;
  let positive = 0;
  while (positive < positives.length) {
    const score = positives[positive] ?? 0;
    let tiedPositives = 0;
    while (positive < positives.length && positives[positive] === score) {
      positive += 1;
      tiedPositives += 1;
    }
    while (negative < negatives.length && (negatives[negative] ?? 0) > score) negative += 1;
    let tiedNegatives = 0;
    while (negative + tiedNegatives < negatives.length && negatives[negative + tiedNegatives] === score) tiedNegatives += 1;
    const below = negatives.length - negative - tiedNegatives;
    wins += tiedPositives * (below + tiedNegatives / 2);
  }
  return wins / (positives.length * negatives.length);
}

/**
 * Average precision as scikit-learn defines it: Σ_n (R_n - R_{n-1}) · P_n over the distinct score
 * thresholds from the highest down, where P_n and R_n are the precision and recall of "score >=
 * threshold n" (no interpolation). NaN when there is no positive.
 */
export function averagePrecision(labels: Numbers, scores: Numbers): number {
  checkPairs(labels, scores);
  const { positives, negatives } = splitSortedDescending(labels, scores);
  if (positives.length === 0) return Number.NaN;
  let truePositives = 0;
  let falsePositives = 0;
  let previousRecall = 0;
  let total = 0;
  while (truePositives < positives.length) {
    const nextPositive = positives[truePositives] ?? Number.NEGATIVE_INFINITY;
    const nextNegative = falsePositives < negatives.length ? (negatives[falsePositives] ?? Number.NEGATIVE_INFINITY) : Number.NEGATIVE_INFINITY;
    const threshold = Math.max(nextPositive, nextNegative);
    while (truePositives < positives.length && positives[truePositives] === threshold) truePositives += 1;
    while (falsePositives < negatives.length && negatives[falsePositives] === threshold) falsePositives += 1;
    const recall = truePositives / positives.length;
    total += (recall - previousRecall) * (truePositives / (truePositives + falsePositives));
    previousRecall = recall;
  }
  return total;
}
