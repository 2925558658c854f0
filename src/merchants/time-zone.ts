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

/** The offset the zone's formatter writes for an instant (`GMT+05:45`), in hours. */
function formattedOffsetHours(zone: Intl.DateTimeFormat, at: number): number {
  const name = zone.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name);
  if (match === null) return 0;
  const hours = Number(match[2]) + Number(match[3]) / 60;
  return match[1] === '-' ? -hours : hours;
}

const hourMs = 3_600_000;
/** Per zone, the UTC hour (index since the epoch) whose every instant has the same offset, and that offset. */
const steadyHours = new LruCache<string, { hour: number; hours: number }>(1_000);

/**
 * The UTC offset in hours of an IANA time zone at an instant (DST included); undefined for an unknown
 * zone. Formatting the offset costs several microseconds, and the event API asks it on every call:
 * an hour whose first and last instants have the same offset has it throughout (no zone changes its
 * offset twice within an hour), so it is remembered per zone for that hour. An hour with a change in
 * it is answered instant by instant.
 */
export function utcOffsetHours(timeZone: string, at: number): number | undefined {
  const hour = Math.floor(at / hourMs);
  const steady = steadyHours.get(timeZone);
  if (steady !== undefined && steady.hour === hour) return steady.hours;
  const zone = formatter(timeZone);
  if (zone === undefined) return undefined;
  const hours = formattedOffsetHours(zone, at);
  if (formattedOffsetHours(zone, hour * hourMs) === hours && formattedOffsetHours(zone, (hour + 1) * hourMs - 1) === hours) steadyHours.set(timeZone, { hour, hours });
  return hours;
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
