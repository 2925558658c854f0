import { describe, expect, it } from 'vitest';
import { entityPrecisionAtK } from './entity-precision.js';
import { brierScore, calibrationTable, logLoss } from './probability-metrics.js';
import { averagePrecision, rocAuc } from './ranking-metrics.js';
import { precisionRecallAt } from './threshold-metrics.js';

describe('ranking metrics', () => {
  it('ROC AUC of scikit-learn documentation example is 0.75', () => {
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo(0.75, 15);
  });

  it('ROC AUC counts a tie between a positive and a negative as one half (average ranks)', () => {
    // Pairs (positive, negative): (0.5, 0.5) tie = 0.5, (0.5, 0.2) = 1, (0.9, 0.5) = 1, (0.9, 0.2) = 1 -> 3.5 / 4.
    expect(rocAuc([0, 1, 0, 1], [0.5, 0.5, 0.2, 0.9])).toBe(0.875);
    expect(rocAuc([1, 1, 0, 0], [0.3, 0.3, 0.3, 0.3])).toBe(0.5);
    expect(rocAuc([1, 1], [0.2, 0.4])).toBeNaN();
  });

  it('average precision matches scikit-learn: 0.8333 on its documentation example', () => {
    expect(averagePrecision([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo(0.8333333333333333, 15);
  });

  it('average precision steps over distinct thresholds without interpolation (ties grouped)', () => {
    // Threshold 0.5: TP 1, FP 1 -> P 0.5, R 0.5. Threshold 0.2: TP 2, FP 1 -> P 2/3, R 1. Threshold 0.1 adds no recall.
    expect(averagePrecision([1, 0, 1, 0], [0.5, 0.5, 0.2, 0.1])).toBeCloseTo(0.5 * 0.5 + 0.5 * (2 / 3), 15);
    expect(averagePrecision([0, 0], [0.5, 0.1])).toBeNaN();
  });

  it('rejects mismatched lengths and non-finite scores', () => {
    expect(() => rocAuc([0, 1], [0.5])).toThrow('Metric input mismatch: 2 labels but 1 scores.');
    expect(() => averagePrecision([0, 1], [0.5, Number.NaN])).toThrow('scores 1 is NaN');
  });
});

describe('threshold and probability metrics', () => {
  it('precision, recall and F1 at a threshold (score >= threshold is flagged)', () => {
    const metrics = precisionRecallAt([1, 1, 0, 0, 1], [0.9, 0.4, 0.6, 0.1, 0.5], 0.5);
    expect(metrics).toMatchObject({ truePositives: 2, falsePositives: 1, trueNegatives: 1, falseNegatives: 1 });
    expect(metrics.precision).toBeCloseTo(2 / 3, 15);
    expect(metrics.recall).toBeCloseTo(2 / 3, 15);
    expect(metrics.f1).toBeCloseTo(2 / 3, 15);
    expect(precisionRecallAt([1, 0], [0.1, 0.2], 0.9)).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });

  it('log loss and Brier score by hand', () => {
    expect(logLoss([1, 0], [0.8, 0.3])).toBeCloseTo(-(Math.log(0.8) + Math.log(0.7)) / 2, 15);
    expect(logLoss([1, 0], [0.8, 0.3], [3, 1])).toBeCloseTo(-(3 * Math.log(0.8) + Math.log(0.7)) / 4, 15);
    expect(logLoss([1], [0])).toBeCloseTo(34.538776394910684, 9);
    expect(brierScore([1, 0], [0.8, 0.3])).toBeCloseTo(0.065, 15);
  });

  it('calibration table: equal-width bins with predicted and observed rates', () => {
    const table = calibrationTable([0, 1, 1, 0, 1], [0.05, 0.15, 0.95, 0.92, 1], 10);
    expect(table).toHaveLength(10);
    expect(table[0]).toMatchObject({ lower: 0, upper: 0.1, count: 1, meanPredicted: 0.05, observedRate: 0 });
    expect(table[1]).toMatchObject({ count: 1, meanPredicted: 0.15, observedRate: 1 });
    expect(table[9]?.count).toBe(3);
    expect(table[9]?.meanPredicted).toBeCloseTo((0.95 + 0.92 + 1) / 3, 15);
    expect(table[9]?.observedRate).toBeCloseTo(2 / 3, 15);
    expect(table[5]?.meanPredicted).toBeNaN();
  });
});

describe('entity precision@k (card precision top-k of the fraud-detection handbook)', () => {
  it('takes each entity max score per day, ranks, divides by k, and drops entities detected earlier', () => {
    const records = [
      // Day 1: card a (fraud, max 0.9), b (legit 0.8), c (fraud 0.3). Top 2 = a, b -> 1/2; a becomes known.
      { day: 1, entityId: 'a', score: 0.2, label: 0 },
      { day: 1, entityId: 'a', score: 0.9, label: 1 },
      { day: 1, entityId: 'b', score: 0.8, label: 0 },
      { day: 1, entityId: 'c', score: 0.3, label: 1 },
      // Day 2: a is removed (already detected); c (fraud 0.7) and d (legit 0.6) are the top 2 -> 1/2.
      { day: 2, entityId: 'a', score: 0.99, label: 1 },
      { day: 2, entityId: 'c', score: 0.7, label: 1 },
      { day: 2, entityId: 'd', score: 0.6, label: 0 },
      { day: 2, entityId: 'e', score: 0.1, label: 1 },
      // Day 3: c is known now; e (fraud) alone -> 1/2 since precision divides by k.
      { day: 3, entityId: 'c', score: 0.9, label: 1 },
      { day: 3, entityId: 'e', score: 0.4, label: 1 },
    ];
    const result = entityPrecisionAtK(records, 2);
    expect(result.days).toEqual([
      { day: 1, precision: 0.5, detected: 1, compromised: 2 },
      { day: 2, precision: 0.5, detected: 1, compromised: 2 },
      { day: 3, precision: 0.5, detected: 1, compromised: 1 },
    ]);
    expect(result.mean).toBe(0.5);
    expect(entityPrecisionAtK(records, 1).days.map((day) => day.precision)).toEqual([1, 1, 1]);
  });

  it('orders ISO date days as strings and rejects a bad k', () => {
    const result = entityPrecisionAtK([{ day: '2024-01-02', entityId: 'x', score: 1, label: 1 }, { day: '2024-01-01', entityId: 'x', score: 1, label: 0 }], 1);
    expect(result.days.map((day) => day.day)).toEqual(['2024-01-01', '2024-01-02']);
    expect(() => entityPrecisionAtK([], 0)).toThrow('Invalid k: 0.');
  });
});
