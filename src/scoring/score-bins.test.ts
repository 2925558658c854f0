import { describe, expect, it } from 'vitest';
import { populationStability, scoreBin, scoreHistogram } from './score-bins.js';

describe('risk-score bins', () => {
  it('puts 1000 in the last bin and counts every score once', () => {
    expect(scoreBin(0)).toBe(0);
    expect(scoreBin(49)).toBe(0);
    expect(scoreBin(50)).toBe(1);
    expect(scoreBin(1000)).toBe(19);
    const counts = scoreHistogram([0, 10, 999, 1000, 500]);
    expect(counts).toHaveLength(20);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(5);
    expect(counts[0]).toBe(2);
    expect(counts[19]).toBe(2);
  });

  it('gives a stability index of 0 for the same shares, a large one for a shifted distribution, null without data', () => {
    const base = [50, 30, 20, ...new Array<number>(17).fill(0)];
    expect(populationStability(base, base.map((count) => count * 3))).toBe(0);
    const shifted = [...new Array<number>(17).fill(0), 20, 30, 50];
    expect(populationStability(base, shifted)!).toBeGreaterThan(0.25);
    const slight = [48, 31, 21, ...new Array<number>(17).fill(0)];
    expect(populationStability(base, slight)!).toBeLessThan(0.1);
    expect(populationStability(base, new Array<number>(20).fill(0))).toBeNull();
  });
});
