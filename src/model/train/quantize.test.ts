import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../random.js';
import { sortFloat32 } from './float32-sort.js';
import { computeFeatureBins, splitThreshold } from './quantize.js';

describe('quantile bins', () => {
  it('gives each distinct value its own bin when there are few, and reserves one bin for missing values', () => {
    const bins = computeFeatureBins(Float32Array.from([3, 1, 2, 2, Number.NaN, 1]), 256);
    expect(Array.from(bins.cuts)).toEqual([2, 3]);
    expect(bins).toMatchObject({ minimum: 1, binCount: 3, hasMissing: true });
    expect(splitThreshold(bins, 0)).toBe(1);
    expect(splitThreshold(bins, 2)).toBe(3);
  });

  it('caps the bin count (one less with missing values) and fills bins about evenly', () => {
    const random = new SeededRandom(3);
    const column = Float32Array.from({ length: 20_000 }, () => random.nextNormal());
    const bins = computeFeatureBins(column, 16);
    expect(bins.binCount).toBe(16);
    const counts = new Array<number>(16).fill(0);
    for (const value of column) {
      let bin = 0;
      while (bin < bins.cuts.length && (bins.cuts[bin] ?? 0) <= value) bin += 1;
      counts[bin] = (counts[bin] ?? 0) + 1;
    }
    for (const count of counts) expect(Math.abs(count - 1250)).toBeLessThan(60);
    column[0] = Number.NaN;
    expect(computeFeatureBins(column, 16).binCount).toBe(15);
  });

  it('gives the tails of a long-tailed feature finer bins, down to one row at each end', () => {
    const random = new SeededRandom(5);
    // 70,000 amounts around 50 USD, and 40 rare large ones above 220 USD.
    const column = Float32Array.from({ length: 70_000 }, (_, row) => (row < 40 ? 221 + random.nextFloat() * 500 : Math.abs(50 + 20 * random.nextNormal())));
    const bins = computeFeatureBins(column, 256);
    expect(bins.binCount).toBe(256);
    const sorted = sortFloat32(column.slice());
    // The largest value has a bin of its own, the smallest too (a cut right above it).
    expect(bins.cuts[bins.cuts.length - 1]).toBe(sorted[sorted.length - 1]);
    expect(bins.cuts[0]).toBe(sorted[1]);
    // Some cut falls within 10 rows of the 40 large amounts' lower edge: "above 220" is learnable.
    const edge = sorted.length - 40;
    const cutRanks = Array.from(bins.cuts, (cut) => sorted.findIndex((value) => value >= cut));
    expect(cutRanks.some((rank) => Math.abs(rank - edge) <= 10)).toBe(true);
    // Equal-weight bins alone would put the top 274 rows in one bin; the middle bins pay with ~306
    // rows each instead of 274 (the 16 tail bins at each end cover ~870 rows).
    const middle = cutRanks.slice(20, -20);
    const widths = middle.slice(1).map((rank, index) => rank - middle[index]!);
    for (const width of widths) expect(Math.abs(width - 306)).toBeLessThan(8);
  });

  it('weights rows when choosing cut points', () => {
    const column = Float32Array.from({ length: 1000 }, (_, row) => row);
    const weights = Float32Array.from({ length: 1000 }, (_, row) => (row < 100 ? 9 : 1));
    const bins = computeFeatureBins(column, 2, undefined, weights);
    // Rows 0-99 carry 900 of 1800 units of weight: the median cut falls at value 100.
    expect(Array.from(bins.cuts)).toEqual([100]);
  });

  it('radix sort agrees with the built-in sort, negative zero and extremes included', () => {
    const random = new SeededRandom(8);
    const values = Float32Array.from({ length: 50_001 }, (_, index) => (index % 11 === 0 ? -0 : (random.nextFloat() < 0.5 ? -1 : 1) * random.nextNormal() * 10 ** (random.nextInt(40) - 20)));
    values[7] = 3.4028234663852886e38;
    values[8] = -3.4028234663852886e38;
    expect(Array.from(sortFloat32(values))).toEqual(Array.from(values.slice().sort()));
  });
});
