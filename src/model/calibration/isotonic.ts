import { calibrationFormat, type IsotonicCalibration } from './calibration.js';

/**
 * Fits isotonic regression of the labels on the raw probabilities by pool-adjacent-violators: rows
 * with equal probability are one point (weight = their count, value = their fraud share); adjacent
 * blocks whose values decrease are merged into their weighted mean until the values rise. Each block
 * keeps its first and last probability as points of the map, as scikit-learn's IsotonicRegression
 * does, and the map interpolates linearly between points. Returns undefined without rows.
 */
export function fitIsotonic(probabilities: ArrayLike<number>, labels: ArrayLike<number>): IsotonicCalibration | undefined {
  const order = Array.from({ length: probabilities.length }, (_, index) => index).sort((left, right) => probabilities[left]! - probabilities[right]!);
  if (order.length === 0) return undefined;
  // Blocks as parallel stacks: first x, last x, weight, mean value.
  const first: number[] = [];
  const last: number[] = [];
  const weight: number[] = [];
  const value: number[] = [];
  let position = 0;
  while (position < order.length) {
    const x = probabilities[order[position]!]!;
    let count = 0;
    let frauds = 0;
    while (position < order.length && probabilities[order[position]!]! === x) {
      frauds += labels[order[position]!]! >= 0.5 ? 1 : 0;
      count++;
      position++;
    }
    first.push(x);
    last.push(x);
    weight.push(count);
    value.push(frauds / count);
    while (value.length > 1 && value[value.length - 2]! >= value[value.length - 1]!) {
      const topWeight = weight.pop()!;
      const topValue = value.pop()!;
      const topLast = last.pop()!;
      first.pop();
      const below = value.length - 1;
      const merged = weight[below]! + topWeight;
      value[below] = (value[below]! * weight[below]! + topValue * topWeight) / merged;
      weight[below] = merged;
      last[below] = topLast;
    }
  }
  const x: number[] = [];
  const y: number[] = [];
  for (let block = 0; block < value.length; block++) {
    x.push(first[block]!);
    y.push(value[block]!);
    if (last[block]! > first[block]!) {
      x.push(last[block]!);
      y.push(value[block]!);
    }
  }
  return { format: calibrationFormat, method: 'isotonic', x, y };
}
