/**
 * Standard-time UTC offset (hours) of a representative time zone per country: the capital or the
 * main population centre. Daylight saving time is ignored on purpose: features must not depend on
 * a time-zone database that changes between installs. Countries not listed use UTC. It gives the
 * local hour of day used for the sender's habitual hours and the local night flag.
 */
export const standardUtcOffsetHours: Readonly<Record<string, number>> = {
  US: -6, CA: -5, MX: -6, GT: -6, SV: -6, HN: -6, NI: -6, CR: -6, PA: -5, CU: -5, DO: -4, PR: -4, JM: -5,
  CO: -5, EC: -5, PE: -5, VE: -4, BO: -4, PY: -4, CL: -4, AR: -3, UY: -3, BR: -3,
  GB: 0, IE: 0, PT: 0, IS: 0, ES: 1, FR: 1, DE: 1, IT: 1, NL: 1, BE: 1, LU: 1, CH: 1, AT: 1, PL: 1, CZ: 1,
  SK: 1, HU: 1, SE: 1, NO: 1, DK: 1, HR: 1, SI: 1, RS: 1, FI: 2, EE: 2, LV: 2, LT: 2, GR: 2, RO: 2, BG: 2,
  UA: 2, CY: 2, IL: 2, EG: 2, ZA: 2, TR: 3, RU: 3, BY: 3, SA: 3, KE: 3, QA: 3, KW: 3, AE: 4, NG: 1, MA: 1,
  GH: 0, PK: 5, IN: 5.5, LK: 5.5, NP: 5.75, BD: 6, MM: 6.5, TH: 7, VN: 7, ID: 7, KH: 7, MY: 8, SG: 8,
  PH: 8, CN: 8, HK: 8, MO: 8, TW: 8, KR: 9, JP: 9, AU: 10, NZ: 12,
};

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

/** The calendar position of a transaction, in UTC and in the sender country's local time. */
export interface TimeOfDay {
  /** Hour 0–23 in UTC. */
  readonly utcHour: number;
  /** Day of week in UTC, 0 = Monday … 6 = Sunday. */
  readonly utcDayOfWeek: number;
  /** Hour 0–23 in the country's standard time. */
  readonly localHour: number;
  /** Local time of day as a fraction of hours in [0, 24), for habit statistics. */
  readonly localFractionalHour: number;
}

function positiveModulo(value: number, modulus: number): number {
  return ((value % modulus) + modulus) % modulus;
}

/** Hour and weekday of `createdAt` (ms) in UTC and in `country`'s standard time (any letter case). */
export function timeOfDay(createdAt: number, country: string): TimeOfDay {
  return writeTimeOfDay(createdAt, country, { utcHour: 0, utcDayOfWeek: 0, localHour: 0, localFractionalHour: 0 });
}

/** {@link timeOfDay} into an existing object (the replay path reuses one). */
export function writeTimeOfDay(createdAt: number, country: string, target: { -readonly [Key in keyof TimeOfDay]: TimeOfDay[Key] }): TimeOfDay {
  const offset = standardUtcOffsetHours[country] ?? standardUtcOffsetHours[country.toUpperCase()] ?? 0;
  const utcMs = positiveModulo(createdAt, dayMs);
  const localMs = positiveModulo(createdAt + offset * hourMs, dayMs);
  target.utcHour = Math.floor(utcMs / hourMs);
  target.utcDayOfWeek = positiveModulo(Math.floor(createdAt / dayMs) + 3, 7);
  target.localHour = Math.floor(localMs / hourMs);
  target.localFractionalHour = localMs / hourMs;
  return target;
}

/** Circular distance in hours (0–12) between two times of day. */
export function circularHourDistance(first: number, second: number): number {
  const difference = positiveModulo(first - second, 24);
  return difference > 12 ? 24 - difference : difference;
}
