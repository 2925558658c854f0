import { describe, expect, it } from 'vitest';
import { recordedValidationHistogram } from './score-drift.js';

describe('the validation histogram an artifact recorded', () => {
  const counts = [5, 4, 3, 2, 1, ...new Array<number>(15).fill(0)];

  it('is read when it has the dashboard bins, its rows the sum of its counts', () => {
    expect(recordedValidationHistogram({ validation_score_histogram: { scale: 'risk_score', bin_width: 50, rows: 15, counts } })).toEqual({ rows: 15, counts });
  });

  it('is "no-window" for a model trained without a validation window, and absent (never guessed) otherwise', () => {
    expect(recordedValidationHistogram({ validation_score_histogram: null })).toBe('no-window');
    expect(recordedValidationHistogram({ name: 'sentra-default' })).toBeNull();
    expect(recordedValidationHistogram(null)).toBeNull();
    expect(recordedValidationHistogram({ validation_score_histogram: { bin_width: 100, counts: counts.slice(0, 10) } })).toBeNull();
    expect(recordedValidationHistogram({ validation_score_histogram: { bin_width: 50, counts: [...counts.slice(0, 19), -1] } })).toBeNull();
    expect(recordedValidationHistogram({ validation_score_histogram: { bin_width: 50, counts: [...counts.slice(0, 19), 0.5] } })).toBeNull();
  });
});
