import { ValidationError } from '../../errors/errors.js';

/** Labels are 0/1 (a value of at least 0.5 counts as positive); scores or probabilities are numbers. */
export type Numbers = ArrayLike<number>;

/** Checks equal lengths and finite scores; throws a ValidationError naming the first bad entry. */
export function checkPairs(labels: Numbers, scores: Numbers, scoreName = 'scores'): void {
  if (labels.length !== scores.length) {
    throw new ValidationError([{ code: 'length', path: `/${scoreName}`, message: `has ${scores.length} values for ${labels.length} labels` }], `Metric input mismatch: ${labels.length} labels but ${scores.length} ${scoreName}.`);
  }
  for (let index = 0; index < labels.length; index += 1) {
    if (Number.isNaN(labels[index])) throw new ValidationError([{ code: 'label', path: `/labels/${index}`, message: 'is NaN' }], `Metric input: label ${index} is NaN.`);
    if (!Number.isFinite(scores[index])) {
      throw new ValidationError([{ code: 'range', path: `/${scoreName}/${index}`, message: `is ${scores[index]}` }], `Metric input: ${scoreName} ${index} is ${scores[index]}.`);
    }
  }
}

/** True when a label counts as positive. */
export function isPositive(label: number): boolean {
  return label >= 0.5;
}

/** The scores of positive and of negative rows, each sorted in descending order. */
export function splitSortedDescending(labels: Numbers, scores: Numbers): { positives: Float64Array; negatives: Float64Array } {
  let positiveCount = 0;
  for (let index = 0; index < labels.length; index += 1) if (isPositive(labels[index] ?? 0)) positiveCount += 1;
  const positives = new Float64Array(positiveCount);
  const negatives = new Float64Array(labels.length - positiveCount);
  let positive = 0;
  let negative = 0;
  for (let index = 0; index < labels.length; index += 1) {
    if (isPositive(labels[index] ?? 0)) positives[positive++] = scores[index] ?? 0;
    else negatives[negative++] = scores[index] ?? 0;
  }
  positives.sort().reverse();
  negatives.sort().reverse();
  return { positives, negatives };
}
