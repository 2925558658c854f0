import { SentraError } from '../../errors/errors.js';
import { parseTimestamp } from '../field-values.js';

/** A half-open interval of created_at times, [startMs, endMs). */
export interface TimeWindow {
  readonly startMs: number;
  readonly endMs: number;
}

/** A window containing every moment. */
export const allTime: TimeWindow = Object.freeze({ startMs: Number.NEGATIVE_INFINITY, endMs: Number.POSITIVE_INFINITY });

const dayMs = 86_400_000;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads one bound of a window: a date `YYYY-MM-DD` (UTC day) or an ISO-8601 timestamp with a zone.
 * As an end bound a date is inclusive (`--to 2018-07-31` includes that whole day); a timestamp is
 * exclusive. Returns undefined for text that is neither.
 */
export function parseWindowBound(text: string, bound: 'start' | 'end'): number | undefined {
  if (datePattern.test(text)) {
    const start = Date.parse(`${text}T00:00:00Z`);
    if (!Number.isFinite(start) || new Date(start).toISOString().slice(0, 10) !== text) return undefined;
    return bound === 'end' ? start + dayMs : start;
  }
  return parseTimestamp(text);
}

function invalidWindow(message: string): SentraError {
  return new SentraError('SENTRA_ERR_VALIDATION', message);
}

/** Builds a window from optional bounds (an absent bound is open); throws SentraError SENTRA_ERR_VALIDATION on text that is not a date. */
export function timeWindow(from: string | undefined, to: string | undefined): TimeWindow {
  const startMs = from === undefined ? Number.NEGATIVE_INFINITY : parseWindowBound(from, 'start');
  const endMs = to === undefined ? Number.POSITIVE_INFINITY : parseWindowBound(to, 'end');
  if (startMs === undefined) throw invalidWindow(`"${from}" is not a date YYYY-MM-DD or an ISO-8601 timestamp with a zone.`);
  if (endMs === undefined) throw invalidWindow(`"${to}" is not a date YYYY-MM-DD or an ISO-8601 timestamp with a zone.`);
  if (!(endMs > startMs)) throw invalidWindow(`the window ends (${to}) before it starts (${from}).`);
  return { startMs, endMs };
}

/** True when `time` is inside the window. */
export function inWindow(window: TimeWindow, time: number): boolean {
  return time >= window.startMs && time < window.endMs;
}

/** The window as ISO-8601 text, open bounds as null (for metadata and reports). */
export function describeWindow(window: TimeWindow): { from: string | null; to: string | null } {
  const iso = (time: number) => (Number.isFinite(time) ? new Date(time).toISOString() : null);
  return { from: iso(window.startMs), to: iso(window.endMs) };
}
