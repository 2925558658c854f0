import { hmacSha256Hex } from '../platform/hmac.js';

/**
 * The `Sentra-Signature` header of a delivery, Stripe-style: `t=<unix seconds>,v1=<hex>` where v1
 * is HMAC-SHA256 under the endpoint's secret over `<t>.<body bytes>`. A receiver recomputes it,
 * compares in constant time and refuses a `t` older than it tolerates (5 minutes is usual).
 */
export function signDelivery(secret: string, body: string, timestampSeconds: number): string {
  const signature = hmacSha256Hex(secret, `${timestampSeconds}.${body}`);
  return `t=${timestampSeconds},v1=${signature}`;
}
