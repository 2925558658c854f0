import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

/** A merchant created through the admin API, with a live key. */
export interface MerchantCredentials {
  readonly merchantId: string;
  readonly keyId: string;
  readonly apiKey: string;
  /** X-Api-Key and X-Merchant-Id of this merchant. */
  readonly headers: Record<string, string>;
}

/**
 * Creates a merchant of the token's tenant through the admin API, issues it a key and tops it up with
 * `balance` (a decimal string) when given. The merchant is `live` unless `settings.mode` says
 * otherwise (most tests act on a live merchant's answers; a new merchant's own default, shadow, is
 * tested in merchants-admin.test.ts).
 */
export async function createMerchant(app: FastifyInstance, adminToken: string, settings: Record<string, unknown> = {}, balance?: string): Promise<MerchantCredentials> {
  const authorization = `Bearer ${adminToken}`;
  const created = await app.inject({ method: 'POST', url: '/v1/admin/merchants', headers: { authorization }, payload: { name: 'Test shop', mode: 'live', ...settings } });
  expect(created.statusCode, created.body).toBe(201);
  const merchantId = (created.json() as { merchant_id: string }).merchant_id;
  const key = await app.inject({ method: 'POST', url: `/v1/admin/merchants/${merchantId}/keys`, headers: { authorization }, payload: { name: 'checkout' } });
  expect(key.statusCode, key.body).toBe(201);
  const { key_id: keyId, api_key: apiKey } = key.json() as { key_id: string; api_key: string };
  if (balance !== undefined) {
    const topped = await app.inject({ method: 'POST', url: `/v1/admin/merchants/${merchantId}/balance`, headers: { authorization }, payload: { amount: balance } });
    expect(topped.statusCode, topped.body).toBe(200);
  }
  return { merchantId, keyId, apiKey, headers: { 'x-api-key': apiKey, 'x-merchant-id': merchantId } };
}

/** Seed 002's minimal confidence request, as the seed prints it. */
export function sentryMinimalRequest() {
  return {
    device: {
      ipAddress: '134.25.212.56',
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/41.0.2272.89 Safari/537.36',
      acceptLanguage: 'en-US,en;q=0.8',
      sessionId: '80b4d4c1-3767-44da-a5c6-5c46094c4414',
      sessionAge: 1800,
    },
  };
}

/** Checks a body is the confidence API's error shape (or the pipeline's, by its result field), with a catalogue code in every error. */
export function expectSentryErrorShape(response: LightMyRequestResponse, where: string, codes: readonly string[], resultField: 'sentryResponse' | 'pipelineResponse' = 'sentryResponse'): void {
  let body: { isSuccess?: unknown; billing?: unknown; errors?: { code?: unknown; reason?: unknown; path?: unknown; message?: unknown }[] } & Record<string, unknown>;
  try {
    body = response.json();
  } catch {
    throw new Error(`${where}: ${response.statusCode} without a JSON body: ${response.body.slice(0, 200)}`);
  }
  expect(body.isSuccess, `${where}: isSuccess`).toBe(false);
  expect(Object.keys(body).sort(), `${where}: fields`).toEqual(['billing', 'errors', 'isSuccess', resultField].sort());
  expect(body[resultField], `${where}: ${resultField}`).toBeNull();
  expect(body.billing, `${where}: billing`).toBeNull();
  expect(Array.isArray(body.errors) && body.errors.length > 0, `${where}: errors`).toBe(true);
  for (const error of body.errors!) {
    expect(codes, `${where}: error code`).toContain(error.code);
    expect(typeof error.reason, `${where}: reason`).toBe('string');
    expect(typeof error.path, `${where}: path`).toBe('string');
    expect(typeof error.message, `${where}: message`).toBe('string');
  }
}
