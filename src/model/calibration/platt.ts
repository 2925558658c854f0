import { calibrationFormat, type PlattCalibration } from './calibration.js';

/** log(1 + e^z) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/**
 * Fits Platt scaling `p = sigmoid(slope × margin + intercept)` by Newton's method with a halving line
 * search, on Platt's smoothed targets: a fraud counts as (N₊ + 1) / (N₊ + 2) and a legitimate row as
 * 1 / (N₋ + 2), so a window with few frauds cannot drive the map to 0 or 1 (Platt 1999; Lin, Lin and
 * Weng 2007). Starts from the identity (slope 1, intercept 0): a logistic model is often nearly
 * calibrated already. Returns undefined when the rows hold only one class or the fitted slope is not
 * positive (the model ranks the rows backwards: no monotone calibration can mend that).
 */
export function fitPlatt(margins: ArrayLike<number>, labels: ArrayLike<number>): PlattCalibration | undefined {
  const count = margins.length;
  let positives = 0;
  for (let index = 0; index < count; index++) positives += labels[index]! >= 0.5 ? 1 : 0;
  const negatives = count - positives;
  if (positives === 0 || negatives === 0) return undefined;
  const high = (positives + 1) / (positives + 2);
  const low = 1 / (negatives + 2);
  const target = (index: number) => (labels[index]! >= 0.5 ? high : low);
  const loss = (slope: number, intercept: number) => {
    let total = 0;
    for (let index = 0; index < count; index++) {
      const z = slope * margins[index]! + intercept;
      total += softplus(z) - target(index) * z;
    }
    return total;
  };
  let slope = 1;
  let intercept = 0;
  let current = loss(slope, intercept);
  for (let iteration = 0; iteration < 100; iteration++) {
    let gradientSlope = 0;
    let gradientIntercept = 0;
    let hessianSS = 1e-12;
    let hessianSI = 0;
    let hessianII = 1e-12;
    for (let index = 0; index < count; index++) {
      const margin = margins[index]!;
      const probability = 1 / (1 + Math.exp(-(slope * margin + intercept)));
      const residual = probability - target(index);
      const weight = probability * (1 - probability);
      gradientSlope += residual * margin;
      gradientIntercept += residual;
      hessianSS += weight * margin * margin;
      hessianSI += weight * margin;
      hessianII += weight;
    }
    const determinant = hessianSS * hessianII - hessianSI * hessianSI;
    const stepSlope = (hessianII * gradientSlope - hessianSI * gradientIntercept) / determinant;
    const stepIntercept = (hessianSS * gradientIntercept - hessianSI * gradientSlope) / determinant;
    // Newton's step; halved while it raises the loss (beyond rounding), which only happens far from the optimum.
    let scale = 1;
    const tolerance = 1e-12 * Math.abs(current);
    let next = loss(slope - stepSlope, intercept - stepIntercept);
    while (!(next <= current + tolerance) && scale > 1e-10) {
      scale /= 2;
      next = loss(slope - scale * stepSlope, intercept - scale * stepIntercept);
    }
    if (!(next <= current + tolerance)) break;
    slope -= scale * stepSlope;
    intercept -= scale * stepIntercept;
    current = next;
    if (Math.abs(scale * stepSlope) < 1e-13 * (1 + Math.abs(slope)) && Math.abs(scale * stepIntercept) < 1e-13 * (1 + Math.abs(intercept))) break;
  }
  if (!(slope > 0) || !Number.isFinite(intercept)) return undefined;
  return { format: calibrationFormat, method: 'platt', slope, intercept };
}
