import { isIP } from 'node:net';
import { looksLikeRawIp } from '../contract/raw-ip.js';
import type { ProblemDetail } from '../errors/errors.js';

/** Largest customInputs object, as JSON. */
export const maxCustomInputBytes = 16 * 1024;

/** Adds a problem when `value` is not an IPv4 or IPv6 address. */
export function checkIpAddress(value: string | undefined, path: string, problems: ProblemDetail[]): void {
  if (value !== undefined && isIP(value.trim()) === 0) problems.push({ code: 'format', path, message: `${path} must be an IPv4 or IPv6 address` });
}

/** Adds a problem for every identifier that holds a raw IP address (it would be stored; only the IP field is hashed). */
export function checkNoRawIp(fields: readonly (readonly [string, string | undefined])[], problems: ProblemDetail[]): void {
  for (const [path, value] of fields) {
    if (value !== undefined && looksLikeRawIp(value)) {
      problems.push({ code: 'raw_ip', path, message: `${path} holds a raw IP address; send the IP only in the IP address field, which is never stored` });
    }
  }
}

/** Adds a problem when customInputs is larger than {@link maxCustomInputBytes} or one of its strings is a raw IP. */
export function checkCustomInputs(customInputs: Readonly<Record<string, unknown>> | undefined, problems: ProblemDetail[]): void {
  if (customInputs === undefined) return;
  const bytes = Buffer.byteLength(JSON.stringify(customInputs));
  if (bytes > maxCustomInputBytes) problems.push({ code: 'too_large', path: '/customInputs', message: `customInputs is ${bytes} bytes as JSON; at most ${maxCustomInputBytes} are accepted` });
  checkNoRawIp(
    Object.entries(customInputs).flatMap(([key, value]) => (typeof value === 'string' ? [[`/customInputs/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`, value] as const] : [])),
    problems,
  );
}

/** Adds a problem when a timestamp is not a real date between 2000 and 2200. */
export function checkTimestamp(value: string | undefined, path: string, problems: ProblemDetail[]): void {
  if (value === undefined) return;
  const at = Date.parse(value);
  if (!Number.isFinite(at) || at < Date.UTC(2000, 0, 1) || at > Date.UTC(2200, 0, 1)) problems.push({ code: 'range', path, message: `${path} must be a real date between 2000 and 2200` });
}

/** Adds a problem when a URL is not http(s). */
export function checkHttpUrl(value: string | undefined, path: string, problems: ProblemDetail[]): void {
  if (value === undefined) return;
  let protocol = '';
  try {
    protocol = new URL(value).protocol;
  } catch {
    protocol = '';
  }
  if (protocol !== 'http:' && protocol !== 'https:') problems.push({ code: 'format', path, message: `${path} must be an http or https URL` });
}

/** Numeric custom inputs (and booleans as 0/1) as feature overrides `custom_<key>`; other values are kept with the request only. */
export function customInputFeatures(customInputs: Readonly<Record<string, unknown>> | undefined): Record<string, number> {
  const features: Record<string, number> = {};
  for (const [key, value] of Object.entries(customInputs ?? {})) {
    const name = `custom_${key.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`.slice(0, 128);
    if (typeof value === 'number' && Number.isFinite(value)) features[name] = value;
    else if (typeof value === 'boolean') features[name] = value ? 1 : 0;
  }
  return features;
}
