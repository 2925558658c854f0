import { SentraError } from '../../errors/errors.js';
import { sigmoid32 } from '../objective.js';

/** The format tag of a stored calibration; a reader refuses any other, so a newer format never scores silently wrong. */
export const calibrationFormat = 'sentra-calibration/1';

/**
 * Platt scaling: `p = sigmoid(slope × margin + intercept)` on the model's raw margin (log-odds).
 * The slope is positive, so the calibrated score rises with the margin.
 */
export interface PlattCalibration {
  readonly format: typeof calibrationFormat;
  readonly method: 'platt';
  readonly slope: number;
  readonly intercept: number;
}

/**
 * Isotonic regression on the model's raw probability: a non-decreasing piecewise-linear map through
 * the points `(x[i], y[i])` (x strictly increasing), constant beyond the first and last point.
 */
export interface IsotonicCalibration {
  readonly format: typeof calibrationFormat;
  readonly method: 'isotonic';
  readonly x: readonly number[];
  readonly y: readonly number[];
}

/** A calibration of a model's output, fitted on held-out rows and stored with the model. */
export type Calibration = PlattCalibration | IsotonicCalibration;

/** The calibration methods, for command-line and metadata checks. */
export const calibrationMethods = ['platt', 'isotonic'] as const;

/** Maps a raw margin to a calibrated probability. */
export type MarginCalibrator = (margin: number) => number;

/** The calibrated probability of a margin under `calibration` (float64; monotone non-decreasing in the margin). */
export function compileCalibration(calibration: Calibration): MarginCalibrator {
  if (calibration.method === 'platt') {
    const { slope, intercept } = calibration;
    return (margin) => 1 / (1 + Math.exp(-(slope * margin + intercept)));
  }
  const x = Float64Array.from(calibration.x);
  const y = Float64Array.from(calibration.y);
  return (margin) => interpolate(x, y, sigmoid32(margin));
}

/** Linear interpolation through sorted points, clamped to the end values outside them. */
export function interpolate(x: Float64Array, y: Float64Array, value: number): number {
  const last = x.length - 1;
  if (!(value > x[0]!)) return y[0]!;
  if (value >= x[last]!) return y[last]!;
  let low = 0;
  let high = last;
  while (high - low > 1) {
    const middle = (low + high) >>> 1;
    if (x[middle]! <= value) low = middle;
    else high = middle;
  }
  const span = x[high]! - x[low]!;
  return y[low]! + ((value - x[low]!) / span) * (y[high]! - y[low]!);
}

function formatError(message: string, path: string): SentraError {
  return new SentraError('SENTRA_ERR_MODEL_FORMAT', `metadata.json calibration: ${message}`, { details: [{ code: 'calibration', path: `/calibration${path}`, message }] });
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * Reads the `calibration` member of an artifact's metadata.json: absent or null means none (artifacts
 * written before calibration existed load and score as before); anything else must be a calibration
 * of the known format, or the artifact is refused rather than scored with a guess.
 */
export function parseCalibration(value: unknown): Calibration | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw formatError('must be an object', '');
  const record = value as Record<string, unknown>;
  if (record.format !== calibrationFormat) throw formatError(`format ${JSON.stringify(record.format)} is not supported (this version reads ${calibrationFormat})`, '/format');
  if (record.method === 'platt') {
    if (!finite(record.slope) || !(record.slope > 0)) throw formatError('slope must be a positive number', '/slope');
    if (!finite(record.intercept)) throw formatError('intercept must be a finite number', '/intercept');
    return { format: calibrationFormat, method: 'platt', slope: record.slope, intercept: record.intercept };
  }
  if (record.method === 'isotonic') {
    const { x, y } = record;
    if (!Array.isArray(x) || x.length === 0 || !x.every(finite)) throw formatError('x must be a non-empty array of numbers', '/x');
    if (!Array.isArray(y) || y.length !== x.length || !y.every((entry) => finite(entry) && entry >= 0 && entry <= 1)) {
      throw formatError('y must hold one probability per x', '/y');
    }
    for (let index = 1; index < x.length; index++) {
      if (!((x[index] as number) > (x[index - 1] as number))) throw formatError('x must be strictly increasing', `/x/${index}`);
      if ((y[index] as number) < (y[index - 1] as number)) throw formatError('y must be non-decreasing', `/y/${index}`);
    }
    return { format: calibrationFormat, method: 'isotonic', x: x as number[], y: y as number[] };
  }
  throw formatError(`method ${JSON.stringify(record.method)} is not one of ${calibrationMethods.join(', ')}`, '/method');
}
