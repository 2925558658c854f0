import { isIP } from 'node:net';
import { daysInMonth, parseCanonicalTimestamp } from './iso-time.js';

const timestampPattern =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|([+-])(\d{2})(?::?(\d{2}))?)$/;

/**
 * Parses an ISO-8601 / RFC 3339 timestamp in extended format that carries a time zone (`Z` or an
 * offset such as `+02:00`), e.g. `2018-04-01T08:30:00Z` or `2018-04-01 08:30:00.250+02:00`.
 * Returns milliseconds since the epoch, or undefined when the text is not such a timestamp or names
 * an impossible date. A timestamp without a zone is rejected because its instant is ambiguous.
 */
export function parseTimestamp(text: string): number | undefined {
  const canonical = parseCanonicalTimestamp(text);
  if (canonical !== undefined) return canonical;
  const match = timestampPattern.exec(text);
  if (match === null) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = match[6] === undefined ? 0 : Number(match[6]);
  const millisecond = match[7] === undefined ? 0 : Number(match[7].slice(0, 3).padEnd(3, '0'));
  if (year < 1900 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  let offsetMinutes = 0;
  if (match[8] !== 'Z') {
    const offsetHours = Number(match[10]);
    const offsetRest = match[11] === undefined ? 0 : Number(match[11]);
    if (offsetHours > 23 || offsetRest > 59) return undefined;
    offsetMinutes = (match[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetRest);
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - offsetMinutes * 60_000;
}

const decimalPattern = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Parses a plain decimal number (`12`, `-3.50`, `1e3`); undefined for anything else or a non-finite value. */
export function parseDecimal(text: string): number | undefined {
  if (!decimalPattern.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

const currencyPattern = /^[A-Z]{3}$/;
const countryPattern = /^[A-Za-z]{2}$/;

/** Whether the text is three upper-case letters (the shape of an ISO-4217 code). */
export function isCurrencyCode(text: string): boolean {
  return currencyPattern.test(text);
}

/** Whether the text is two letters (an ISO-3166 alpha-2 code in either case; Sentra stores it upper-case). */
export function isCountryCode(text: string): boolean {
  return countryPattern.test(text);
}

const dottedQuadPattern = /(?:^|[^\d.])(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}(?:$|[^\d.])/;
const tokenSeparators = /[\s,;=|/"'()]+/;

/**
 * Whether a value that should be a hash contains a raw IP address: an IPv4 dotted quad anywhere in
 * it, or an IPv6 address as the value or one of its tokens (`[2001:db8::1]:443`, `ip=::1`).
 * Hex digests contain neither dots nor colons, so the common case is a single scan.
 */
export function containsRawIpAddress(value: string): boolean {
  const hasDot = value.includes('.');
  const hasColon = value.includes(':');
  if (!hasDot && !hasColon) return false;
  if (hasDot && dottedQuadPattern.test(value)) return true;
  if (!hasColon) return false;
  if (isIP(value) !== 0) return true;
  for (const token of value.split(tokenSeparators)) {
    const unbracketed = token.startsWith('[') ? token.slice(1, token.indexOf(']') === -1 ? undefined : token.indexOf(']')) : token;
    if (isIP(unbracketed) !== 0 || isIP(unbracketed.split('%')[0] ?? '') !== 0) return true;
  }
  return false;
}

/** Quotes a value for a message, shortened so one absurd field cannot flood a report. */
export function quoteValue(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
}
