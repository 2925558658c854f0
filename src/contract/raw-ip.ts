import { isIP } from 'node:net';

/**
 * True when a value that should be a hash is in fact a raw IPv4 or IPv6 address (optionally with a
 * port or zone), which the data contract forbids: raw IPs are personal data and must not be stored.
 */
export function looksLikeRawIp(value: string): boolean {
  const trimmed = value.trim();
  if (isIP(trimmed) !== 0) return true;
  const withoutZone = trimmed.split('%')[0]!;
  if (isIP(withoutZone) !== 0) return true;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(trimmed);
  if (bracketed !== null && isIP(bracketed[1]!) !== 0) return true;
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(trimmed);
  return withPort !== null && isIP(withPort[1]!) === 4;
}
