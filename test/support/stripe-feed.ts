import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { createMerchant, type MerchantCredentials } from './merchants.js';
import { stripeSignature } from './psp-events.js';

/** Creates a merchant through the admin API (topped up with `balance` when given) and sets its Stripe feed secret. */
export async function merchantWithStripeFeed(
  app: FastifyInstance,
  adminToken: string,
  secret: string,
  settings: Record<string, unknown> = {},
  balance?: string,
): Promise<MerchantCredentials> {
  const merchant = await createMerchant(app, adminToken, settings, balance);
  const put = await app.inject({ method: 'PUT', url: `/v1/admin/merchants/${merchant.merchantId}/feeds/stripe`, headers: { authorization: `Bearer ${adminToken}` }, payload: { secrets: [secret] } });
  expect(put.statusCode, put.body).toBe(200);
  return merchant;
}

/** Delivers a Stripe event to the merchant's receiver, signed with `secret` at `timestampSeconds`. */
export function sendStripeEvent(app: FastifyInstance, merchantId: string, event: object, secret: string, timestampSeconds: number) {
  const payload = JSON.stringify(event);
  return app.inject({
    method: 'POST',
    url: `/v1/feeds/stripe/${merchantId}`,
    headers: { 'content-type': 'application/json', 'stripe-signature': stripeSignature(payload, secret, timestampSeconds) },
    payload,
  });
}
