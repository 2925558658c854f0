import { anyMatches } from './constant-time.js';
import type { SignatureVerdict } from './stripe-signature.js';

/**
 * Verifies a Checkout.com `Cko-Signature` header: hex HMAC-SHA256 of the raw body under the
 * webhook's signature key, against any of the merchant's keys. Checkout.com signs no timestamp:
 * a replayed delivery is stopped by the inbox (same event id, nothing changes).
 */
export function verifyCheckoutSignature(rawBody: Buffer, header: string | undefined, secrets: readonly string[]): SignatureVerdict {
  if (header === undefined || header === '') return { valid: false, reason: 'missing' };
  if (!/^[0-9a-fA-F]{64}$/.test(header.trim())) return { valid: false, reason: 'malformed' };
  return anyMatches(secrets, rawBody, [Buffer.from(header.trim(), 'hex')]) ? { valid: true } : { valid: false, reason: 'mismatch' };
}
