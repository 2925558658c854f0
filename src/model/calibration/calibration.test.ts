import { describe, expect, it } from 'vitest';
import { SentraError } from '../../errors/errors.js';
import { expectedCalibrationError } from '../metrics/probability-metrics.js';
import { averagePrecision } from '../metrics/ranking-metrics.js';
import { sigmoid32 } from '../objective.js';
import { compilePredictor } from '../predictor/predictor.js';
import { SeededRandom } from '../random.js';
import { randomEnsemble } from '../synthetic/random-ensemble.js';
import { calibrationFormat, compileCalibration, interpolate, parseCalibration } from './calibration.js';
import { checkCalibrations } from './calibration-check.js';
import { fitIsotonic } from './isotonic.js';
import { fitPlatt } from './platt.js';

const logit = (probability: number) => Math.log(probability / (1 - probability));

describe('Platt scaling', () => {
  it('fits the smoothed target rate of each margin when there are two margins (by hand: slope 2 ln 2, intercept -ln 2)', () => {
    // 4 frauds, 4 legitimate: a fraud counts as (4+1)/(4+2) = 5/6, a legitimate row as 1/(4+2) = 1/6.
    // Margin 0: one fraud, three legitimate -> mean target (5/6 + 3/6) / 4 = 1/3 = sigmoid(intercept).
    // Margin 1: three frauds, one legitimate -> (15/6 + 1/6) / 4 = 2/3 = sigmoid(slope + intercept).
    const platt = fitPlatt([0, 0, 0, 0, 1, 1, 1, 1], [1, 0, 0, 0, 1, 1, 1, 0])!;
    expect(platt.method).toBe('platt');
    expect(platt.intercept).toBeCloseTo(-Math.log(2), 9);
    expect(platt.slope).toBeCloseTo(2 * Math.log(2), 9);
    const calibrate = compileCalibration(platt);
    expect(calibrate(0)).toBeCloseTo(1 / 3, 9);
    expect(calibrate(1)).toBeCloseTo(2 / 3, 9);
  });

  it('refuses one class and a model that ranks backwards (a negative slope would turn every reason around)', () => {
    expect(fitPlatt([0, 1, 2], [0, 0, 0])).toBeUndefined();
    expect(fitPlatt([0, 1, 2], [1, 1, 1])).toBeUndefined();
    // Margin 0: two frauds -> target 3/4; margin 1: two legitimate -> 1/4: slope -2 ln 3.
    expect(fitPlatt([0, 0, 1, 1], [1, 1, 0, 0])).toBeUndefined();
  });
});

describe('isotonic regression', () => {
  it('pools adjacent violators and keeps each block\'s first and last probability (by hand)', () => {
    // Labels 0, 1, 0, 1: the middle pair violates the order and pools to 0.5.
    const isotonic = fitIsotonic([0.4, 0.1, 0.3, 0.2], [1, 0, 0, 1])!;
    expect(isotonic.x).toEqual([0.1, 0.2, 0.3, 0.4]);
    expect(isotonic.y).toEqual([0, 0.5, 0.5, 1]);
    const x = Float64Array.from(isotonic.x);
    const y = Float64Array.from(isotonic.y);
    expect(interpolate(x, y, 0.15)).toBeCloseTo(0.25, 12);
    expect(interpolate(x, y, 0.35)).toBeCloseTo(0.75, 12);
    expect(interpolate(x, y, 0.05)).toBe(0);
    expect(interpolate(x, y, 0.9)).toBe(1);
    // Through a margin: sigmoid(logit 0.25) lies in the flat block.
    expect(compileCalibration(isotonic)(logit(0.25))).toBe(0.5);
  });

  it('treats equal probabilities as one weighted point', () => {
    // 0.2 twice (one fraud): 1/2; 0.6 once (legitimate): 0 -> violation, pooled to 1/3 over [0.2, 0.6].
    const isotonic = fitIsotonic([0.2, 0.6, 0.2], [1, 0, 0])!;
    expect(isotonic.x).toEqual([0.2, 0.6]);
    expect(isotonic.y[0]).toBeCloseTo(1 / 3, 15);
    expect(isotonic.y[1]).toBeCloseTo(1 / 3, 15);
  });
});

describe('expected calibration error', () => {
  it('is the row-weighted gap between predicted and observed rates per bin (by hand)', () => {
    // Bin 0: 0.05 vs 0 -> 0.05; bin 1: 0.15 vs 1 -> 0.85; bin 9: mean 2.87/3 vs 2/3 -> 3 rows × 0.29.
    expect(expectedCalibrationError([0, 1, 1, 0, 1], [0.05, 0.15, 0.95, 0.92, 1])).toBeCloseTo((0.05 + 0.85 + 0.87) / 5, 12);
    expect(expectedCalibrationError([0, 1], [0, 1])).toBe(0);
    expect(expectedCalibrationError([], [])).toBeNaN();
  });
});

describe('stored calibration', () => {
  it('reads what it writes, and an artifact without one has none', () => {
    const platt = { format: calibrationFormat, method: 'platt', slope: 0.8, intercept: -0.4 } as const;
    expect(parseCalibration(JSON.parse(JSON.stringify({ ...platt, fitted_on: { rows: 10 } })))).toEqual(platt);
    expect(parseCalibration(undefined)).toBeUndefined();
    expect(parseCalibration(null)).toBeUndefined();
    const isotonic = { format: calibrationFormat, method: 'isotonic', x: [0.1, 0.5], y: [0.01, 0.4] } as const;
    expect(parseCalibration(isotonic)).toEqual(isotonic);
  });

  it('refuses an unknown format or method and maps that could reverse or leave [0, 1], naming the field', () => {
    const refused = (value: unknown, path: string) => {
      const error = (() => {
        try {
          parseCalibration(value);
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(SentraError);
      expect((error as SentraError).code).toBe('SENTRA_ERR_MODEL_FORMAT');
      expect((error as SentraError).details?.[0]?.path).toBe(path);
    };
    refused({ format: 'sentra-calibration/2', method: 'platt', slope: 1, intercept: 0 }, '/calibration/format');
    refused({ format: calibrationFormat, method: 'beta' }, '/calibration/method');
    refused({ format: calibrationFormat, method: 'platt', slope: -1, intercept: 0 }, '/calibration/slope');
    refused({ format: calibrationFormat, method: 'platt', slope: 1, intercept: 'x' }, '/calibration/intercept');
    refused({ format: calibrationFormat, method: 'isotonic', x: [0.1, 0.1], y: [0, 0] }, '/calibration/x/1');
    refused({ format: calibrationFormat, method: 'isotonic', x: [0.1, 0.2], y: [0.5, 0.4] }, '/calibration/y/1');
    refused({ format: calibrationFormat, method: 'isotonic', x: [0.1], y: [1.5] }, '/calibration/y');
    refused([1], '/calibration');
  });
});

describe('calibrated predictor', () => {
  it('keeps the trees\' margin and calibrates the probability of one row and of a batch alike', () => {
    const model = randomEnsemble({ treeCount: 12, depth: 4, featureCount: 3, seed: 9 });
    const raw = compilePredictor(model);
    const calibration = { format: calibrationFormat, method: 'platt', slope: 0.5, intercept: -2 } as const;
    const calibrated = compilePredictor(model, { calibration });
    expect(calibrated.calibration).toEqual(calibration);
    const random = new SeededRandom(4);
    const columns = Array.from({ length: 3 }, () => Float32Array.from({ length: 50 }, () => random.nextFloat() * 4 - 2));
    const batch = calibrated.probabilityBatch(columns, 50);
    for (let row = 0; row < 50; row++) {
      const values = columns.map((column) => column[row]!);
      const margin = raw.margin(values);
      expect(calibrated.margin(values)).toBe(margin);
      expect(raw.probability(values)).toBe(sigmoid32(margin));
      expect(calibrated.probability(values)).toBe(1 / (1 + Math.exp(-(0.5 * margin - 2))));
      expect(batch[row]).toBe(calibrated.probability(values));
    }
  });
});

describe('choosing a method out of fold', () => {
  it('finds a model that overstates fraud miscalibrated, and Platt and isotonic both mend it on unseen folds', () => {
    // True fraud probability sigmoid(z - 4); the model's margin says z - 2: it overstates every risk.
    const random = new SeededRandom(11);
    const margins: number[] = [];
    const labels: number[] = [];
    for (let row = 0; row < 20_000; row++) {
      const z = random.nextFloat() * 6 - 3;
      margins.push(z - 2);
      labels.push(random.nextFloat() < 1 / (1 + Math.exp(-(z - 4))) ? 1 : 0);
    }
    const checks = Object.fromEntries(checkCalibrations(margins, labels).map((check) => [check.method, check]));
    expect(checks.none!.ece).toBeGreaterThan(0.05);
    expect(checks.platt!.ece).toBeLessThan(0.01);
    expect(checks.isotonic!.ece).toBeLessThan(0.02);
    expect(checks.platt!.log_loss).toBeLessThan(checks.none!.log_loss);
    // The whole-window fit recovers the shift (slope 1, intercept -2) closely, and being strictly
    // increasing it keeps the ranking, hence average precision, the model's own.
    const platt = fitPlatt(margins, labels)!;
    expect(Math.abs(platt.slope - 1)).toBeLessThan(0.1);
    expect(Math.abs(platt.intercept + 2)).toBeLessThan(0.15);
    const calibrate = compileCalibration(platt);
    expect(averagePrecision(labels, margins.map(calibrate))).toBe(averagePrecision(labels, margins.map(sigmoid32)));
  });
});
