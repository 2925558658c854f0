import { LruCache } from '../platform/lru-cache.js';

const formatters = new LruCache<string, Intl.DateTimeFormat>(1_000);

function formatter(timeZone: string): Intl.DateTimeFormat | undefined {
  let cached = formatters.get(timeZone);
  if (cached === undefined) {
    try {
      cached = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    } catch {
      return undefined;
    }
    formatters.set(timeZone, cached);
  }
  return cached;
}

/** True when the name is an IANA time zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  return formatter(timeZone) !== undefined;
}

/** The UTC offset in hours of an IANA time zone at an instant (DST included); undefined for an unknown zone. */
export function utcOffsetHours(timeZone: string, at: number): number | undefined {
  const parts = formatter(timeZone)?.formatToParts(at);
  if (parts === undefined) return undefined;
  const name = parts.find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name);
  if (match === null) return 0;
  const hours = Number(match[2]) + Number(match[3]) / 60;
  return match[1] === '-' ? -hours : hours;
}

/** Hour 0–23 at an instant in a zone `offsetHours` from UTC. */
export function hourAt(at: number, offsetHours: number): number {
  return new Date(at + offsetHours * 3_600_000).getUTCHours();
}

/**
 * Hours between a browser's UTC offset and the offset the solar position of a longitude implies
 * (longitude / 15), wrapped to −12…12: far more than the few hours political zones stray from the sun
 * says the browser's clock and the IP's place disagree.
 */
export function timezoneGapHours(offsetHours: number, longitude: number): number {
  const gap = offsetHours - longitude / 15;
  return ((((gap + 12) % 24) + 24) % 24) - 12;
}
