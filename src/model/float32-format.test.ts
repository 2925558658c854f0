import { describe, expect, it } from 'vitest';
import { shortestExact, shortestFloat32 } from './float32-format.js';
import { toRiskScore } from '../scoring/risk-scale.js';

describe('shortestExact', () => {
  it('writes a float32 value as its shortest float32 decimal', () => {
    expect(shortestExact(Math.fround(0.1))).toBe(0.1);
    expect(shortestExact(0)).toBe(0);
  });

  it('writes a float64 value (a calibrated probability) exactly, so it gives back its risk score', () => {
    const calibrated = 0.43849999;
    expect(toRiskScore(calibrated)).toBe(438);
    // At float32 precision it reads as 0.4385, whose risk score is 439.
    expect(shortestFloat32(calibrated)).toBe(0.4385);
    expect(shortestExact(calibrated)).toBe(calibrated);
    expect(toRiskScore(shortestExact(calibrated))).toBe(438);
  });
});
