import { createHmac } from 'node:crypto';

/**
 * The `Sentra-Signature` header of a delivery, Stripe-style: `t=<unix seconds>,v1=<hex>` where v1
 * is HMAC-SHA256 under the endpoint's secret over `<t>.<body bytes>`. A receiver recomputes it,
 * compares in constant time and refuses a `t` older than it tolerates (5 minutes is usual).
 */
export function signDelivery(secret: string, body: string, timestampSeconds: number): string {
  const signature = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
  return `t=${timestampSeconds},v1=${signature}`;
}
