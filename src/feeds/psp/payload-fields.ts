/** A PSP payload that does not carry what its event type promises; the event is kept as failed with this message. */
export class FeedMappingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedMappingError';
  }
}

/** A JSON object's fields, or an empty one. */
export function fieldsOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** A non-empty string field, or undefined. */
export function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** A required non-empty string field. */
export function requiredText(value: unknown, name: string): string {
  const text = optionalText(value);
  if (text === undefined) throw new FeedMappingError(`${name} is missing`);
  return text;
}

/** A required integer amount in minor units (a number or a numeric string). */
export function minorAmount(value: unknown, name: string): number {
  const amount = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 0) throw new FeedMappingError(`${name} must be a non-negative integer in minor units`);
  return amount;
}

/** A required three-letter currency code, upper case. */
export function currencyCode(value: unknown, name: string): string {
  const code = typeof value === 'string' ? value.toUpperCase() : '';
  if (!/^[A-Z]{3}$/.test(code)) throw new FeedMappingError(`${name} must be a three-letter currency code`);
  return code;
}

/** An ISO-3166 alpha-2 country, upper case; `ZZ` (unknown) when the PSP gives none. */
export function countryCode(...candidates: unknown[]): string {
  for (const candidate of candidates) if (typeof candidate === 'string' && /^[A-Za-z]{2}$/.test(candidate)) return candidate.toUpperCase();
  return 'ZZ';
}

/** Milliseconds of a Unix-seconds field. */
export function unixSeconds(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) throw new FeedMappingError(`${name} must be a Unix timestamp in seconds`);
  return value * 1000;
}

/** Milliseconds of an ISO-8601 timestamp field. */
export function isoTime(value: unknown, name: string): number {
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(time)) throw new FeedMappingError(`${name} must be an ISO-8601 timestamp`);
  return time;
}
