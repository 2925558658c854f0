/**
 * Gauss-Legendre quadrature on [0, 1]: n nodes and weights that integrate every polynomial of
 * degree up to 2n - 1 exactly (up to float64 rounding). TreeSHAP's Shapley weights are Beta
 * integrals, |S|!(d-|S|-1)!/d! = ∫₀¹ t^|S| (1-t)^(d-|S|-1) dt, so a leaf's sum over feature subsets
 * becomes the integral of a polynomial of degree d - 1, evaluated exactly from ⌈d/2⌉ points.
 */
export interface Quadrature {
  /** Nodes in (0, 1), ascending. */
  readonly nodes: Float64Array;
  /** Positive weights summing to 1. */
  readonly weights: Float64Array;
}

/** Legendre polynomial P_n(x) and its derivative, by the three-term recurrence. */
function legendre(order: number, x: number): [number, number] {
  let previous = 1;
  let current = x;
  for (let degree = 2; degree <= order; degree += 1) {
    const next = ((2 * degree - 1) * x * current - (degree - 1) * previous) / degree;
    previous = current;
    current = next;
  }
  return [current, (order * (x * current - previous)) / (x * x - 1)];
}

/**
 * The n-point rule on [0, 1]. Roots of P_n by Newton's method from the usual cosine guesses
 * (converged to the last bit for the small n used here), mapped from [-1, 1].
 */
export function gaussLegendre(pointCount: number): Quadrature {
  const nodes = new Float64Array(pointCount);
  const weights = new Float64Array(pointCount);
  if (pointCount === 1) {
    nodes[0] = 0.5;
    weights[0] = 1;
    return { nodes, weights };
  }
  for (let index = 0; index < pointCount; index += 1) {
    let x = -Math.cos((Math.PI * (index + 0.75)) / (pointCount + 0.5));
    for (let iteration = 0; iteration < 100; iteration += 1) {
      const [value, slope] = legendre(pointCount, x);
      const step = value / slope;
      x -= step;
      if (Math.abs(step) < 1e-17) break;
    }
    const [, slope] = legendre(pointCount, x);
    nodes[index] = (1 + x) / 2;
    weights[index] = 1 / ((1 - x * x) * slope * slope);
  }
  return { nodes, weights };
}
