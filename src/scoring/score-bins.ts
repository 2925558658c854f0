/** Width of a risk-score histogram bin on the 0–1000 scale. */
export const scoreBinWidth = 50;
/** Bins of a risk-score histogram: 20, the last holding 1000 too. */
export const scoreBinCount = 1000 / scoreBinWidth;

/** The bin of a risk score (0–1000). */
export function scoreBin(riskScore: number): number {
  return Math.min(scoreBinCount - 1, Math.max(0, Math.floor(riskScore / scoreBinWidth)));
}

/** Counts of risk scores per bin of {@link scoreBinWidth} from 0. */
export function scoreHistogram(riskScores: Iterable<number>): number[] {
  const counts = new Array<number>(scoreBinCount).fill(0);
  for (const score of riskScores) counts[scoreBin(score)]!++;
  return counts;
}

/** Share of a bin's count smoothed so an empty bin does not make the index infinite. */
const smoothing = 1e-4;

/**
 * The population stability index of `actual` against `expected` (two histograms over the same bins):
 * Σ (a − e) · ln(a / e) over the bins' shares, each share at least 0.0001. Common reading: below
 * 0.1 stable, 0.1–0.25 a moderate shift, above 0.25 a significant one. Null when either is empty.
 */
export function populationStability(expected: readonly number[], actual: readonly number[]): number | null {
  const expectedTotal = expected.reduce((sum, count) => sum + count, 0);
  const actualTotal = actual.reduce((sum, count) => sum + count, 0);
  if (expectedTotal === 0 || actualTotal === 0 || expected.length !== actual.length) return null;
  let index = 0;
  for (let bin = 0; bin < expected.length; bin++) {
    const e = Math.max(smoothing, expected[bin]! / expectedTotal);
    const a = Math.max(smoothing, actual[bin]! / actualTotal);
    index += (a - e) * Math.log(a / e);
  }
  return Math.round(index * 1e4) / 1e4;
}
