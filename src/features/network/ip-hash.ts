import { hmacSha256Hex } from '../../platform/hmac.js';
import { canonicalIp } from './ip-address.js';

/**
 * The keyed hash Sentra stores instead of a raw IP: HMAC-SHA256 (hex) of the canonical address
 * under the per-install secret, so `::ffff:1.2.3.4` and `1.2.3.4` hash alike and the hash cannot be
 * reversed by enumerating the IPv4 space without the secret. Text that is not an IP address is
 * hashed as given (trimmed), so a malformed value still gets a stable, non-reversible key.
 */
export function hashIp(secret: string | Uint8Array, ipAddress: string): string {
  if (secret.length === 0) throw new Error('hashIp needs a non-empty per-install secret');
  const canonical = canonicalIp(ipAddress) ?? ipAddress.trim();
  return hmacSha256Hex(secret, canonical);
}
