import { anyMatches } from './constant-time.js';

/** Stripe's default tolerance between the signature's timestamp and the clock. */
export const stripeToleranceSeconds = 300;

/** Why a signature was refused (never shown to the caller beyond "invalid or stale"). */
export type SignatureVerdict = { readonly valid: true } | { readonly valid: false; readonly reason: 'missing' | 'malformed' | 'stale' | 'mismatch' };

/**
 * Verifies a `Stripe-Signature` header (`t=<unix seconds>,v1=<hex>[,v1=…]`): HMAC-SHA256 under an
 * endpoint secret over `<t>.<raw body bytes>`, any v1 against any of the merchant's secrets, and the
 * timestamp within the tolerance of the clock either way, so an old delivery cannot be replayed.
 */
export function verifyStripeSignature(rawBody: Buffer, header: string | undefined, secrets: readonly string[], nowMs: number, toleranceSeconds = stripeToleranceSeconds): SignatureVerdict {
  if (header === undefined || header === '') return { valid: false, reason: 'missing' };
  let timestamp: string | undefined;
  const signatures: Buffer[] = [];
  for (const part of header.split(',')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    const name = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (name === 't') timestamp = value;
    else if (name === 'v1' && /^[0-9a-fA-F]{64}$/.test(value)) signatures.push(Buffer.from(value, 'hex'));
  }
  if (timestamp === undefined || !/^\d{1,12}$/.test(timestamp) || signatures.length === 0) return { valid: false, reason: 'malformed' };
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > toleranceSeconds) return { valid: false, reason: 'stale' };
  const signed = Buffer.concat([Buffer.from(`${timestamp}.`, 'utf8'), rawBody]);
  return anyMatches(secrets, signed, signatures) ? { valid: true } : { valid: false, reason: 'mismatch' };
}
