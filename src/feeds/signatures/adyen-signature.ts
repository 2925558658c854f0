import { anyMatches } from './constant-time.js';
import type { SignatureVerdict } from './stripe-signature.js';

/** The fields of an Adyen standard notification item that its HMAC signs. */
export interface AdyenSignedItem {
  pspReference?: unknown;
  originalReference?: unknown;
  merchantAccountCode?: unknown;
  merchantReference?: unknown;
  amount?: { value?: unknown; currency?: unknown };
  eventCode?: unknown;
  success?: unknown;
  additionalData?: Record<string, unknown>;
}

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/** Adyen's signing string: pspReference:originalReference:merchantAccountCode:merchantReference:value:currency:eventCode:success. */
export function adyenSigningString(item: AdyenSignedItem): string {
  return [item.pspReference, item.originalReference, item.merchantAccountCode, item.merchantReference, item.amount?.value, item.amount?.currency, item.eventCode, item.success].map(text).join(':');
}

/**
 * Verifies one notification item: base64 HMAC-SHA256 in `additionalData.hmacSignature` over the
 * signing string, under any of the merchant's HMAC keys (hex, as Adyen's Customer Area shows them).
 */
export function verifyAdyenItem(item: AdyenSignedItem, hexKeys: readonly string[]): SignatureVerdict {
  const signature = item.additionalData?.hmacSignature;
  if (typeof signature !== 'string' || signature === '') return { valid: false, reason: 'missing' };
  if (!/^[A-Za-z0-9+/]{43}=$/.test(signature)) return { valid: false, reason: 'malformed' };
  const keys = hexKeys.filter((key) => /^([0-9a-fA-F]{2})+$/.test(key)).map((key) => Buffer.from(key, 'hex'));
  return anyMatches(keys, adyenSigningString(item), [Buffer.from(signature, 'base64')]) ? { valid: true } : { valid: false, reason: 'mismatch' };
}
