import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { utcOffsetHours } from './time-zone.js';

/** The offset as the runtime formats it, from a formatter of the test's own, every time. */
function formatted(timeZone: string, at: number): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at).find((part) => part.type === 'timeZoneName')!.value;
  const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name);
  if (match === null) return 0;
  const hours = Number(match[2]) + Number(match[3]) / 60;
  return match[1] === '-' ? -hours : hours;
}

const zones = Intl.supportedValuesOf('timeZone');
const minuteMs = 60_000;

describe('utcOffsetHours', () => {
  it('answers the formatted offset minute by minute across changes: whole-hour, half-hour, and at one minute past midnight', () => {
    const walks = [
      ['Europe/Berlin', Date.UTC(2026, 2, 29, 0, 0)], // 01:00 UTC, +1 → +2
      ['Europe/Berlin', Date.UTC(2026, 9, 25, 0, 0)], // 01:00 UTC, +2 → +1
      ['Australia/Lord_Howe', Date.UTC(2026, 3, 4, 14, 0)], // 02:00 local, +11 → +10:30
      ['America/St_Johns', Date.UTC(2010, 2, 14, 2, 30)], // 00:01 local, −3:30 → −2:30
      ['Asia/Kathmandu', Date.UTC(2026, 0, 1, 0, 0)], // +5:45, no change
    ] as const;
    for (const [zone, from] of walks) {
      let changes = 0;
      for (let at = from; at < from + 3 * 60 * minuteMs; at += minuteMs) {
        const expected = formatted(zone, at);
        if (expected !== formatted(zone, at - minuteMs)) changes++;
        expect(utcOffsetHours(zone, at), `${zone} at ${new Date(at).toISOString()}`).toBe(expected);
      }
      expect(changes, zone).toBe(zone === 'Asia/Kathmandu' ? 0 : 1);
    }
  });

  it('answers the formatted offset for any zone at any instant, whatever it was asked before', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...zones), fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }), fc.integer({ min: 0, max: 3 * 60 })), { minLength: 1, maxLength: 20 }),
        (calls) => {
          for (const [zone, base, minutes] of calls) {
            // Calls close together in time reuse what the one before remembered.
            const at = base + minutes * minuteMs;
            expect(utcOffsetHours(zone, at)).toBe(formatted(zone, at));
            expect(utcOffsetHours(zone, at + minuteMs)).toBe(formatted(zone, at + minuteMs));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('answers undefined for a name that is not a time zone', () => {
    expect(utcOffsetHours('Mars/Olympus_Mons', Date.UTC(2026, 0, 1))).toBeUndefined();
  });
});
