import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import { createMerchant, expectSentryErrorShape, sentryMinimalRequest, type MerchantCredentials } from './support/merchants.js';
import { databaseFingerprint, resetFingerprintTables } from './support/route-harness.js';

const admin = { authorization: `Bearer ${adminToken}` };

/** Confidence API (seed 002): contract, billing, authentication, bad input, concurrency. */
describe.each(storeKinds)('POST /api/v1/sentry on %s', (store) => {
  let sentra: TestApp;

  beforeAll(async () => {
    resetFingerprintTables();
    // 1,000 calls in flight at once queue behind each other in the database: the bound on that wait is
    // raised and load shedding is off (it would rightly refuse part of them), the billing is what is checked.
    sentra = await startTestApp(store, { SENTRA_DB_TIMEOUT_MS: '60000', SENTRA_SHED_AFTER_MS: '0' });
    await sentra.runtime.features.networkReady;
  }, 120_000);
  afterAll(async () => {
    await sentra.close();
  });

  const sentry = (merchant: MerchantCredentials, body: unknown, headers: Record<string, string> = {}) =>
    sentra.app.inject({ method: 'POST', url: '/api/v1/sentry', headers: { ...merchant.headers, ...headers }, payload: body as object });
  const merchantOf = async (merchant: MerchantCredentials) => (await sentra.app.inject({ method: 'GET', url: `/v1/admin/merchants/${merchant.merchantId}`, headers: admin })).json();

  it("answers seed 002's minimal request with every field of the seed's response, billed", async () => {
    const merchant = await createMerchant(sentra.app, adminToken, {}, '99.62');
    const response = await sentry(merchant, sentryMinimalRequest());
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(Object.keys(body).sort()).toEqual(['billing', 'errors', 'isSuccess', 'sentryResponse']);
    expect(body.isSuccess).toBe(true);
    expect(body.errors).toBeNull();
    expect(Object.keys(body.sentryResponse)).toEqual(['requestConfidence']);
    expect(typeof body.sentryResponse.requestConfidence).toBe('number');
    expect(body.sentryResponse.requestConfidence).toBeGreaterThanOrEqual(0);
    expect(body.sentryResponse.requestConfidence).toBeLessThanOrEqual(1);
    expect(body.billing).toEqual({
      items: [{ feeType: 'SENTRY', fee: { currency: 'USD', amount: 0.05 }, completed: true }],
      remainingBalance: { currency: 'USD', amount: 99.57 },
      amountAuthorized: { currency: 'USD', amount: 0.05 },
      amountClosed: { currency: 'USD', amount: 0.05 },
    });
    expect(response.headers['sentra-signal-quality']).toBe('full');
    // The decision is the engine's: stored, readable on the Sentra API, confidence = 1 − risk_score / 1000.
    const decisionId = String(response.headers['sentra-decision-id']);
    const decision = await sentra.app.inject({ method: 'GET', url: `/v1/decisions/${decisionId}`, headers: admin });
    expect(decision.statusCode, decision.body).toBe(200);
    const stored = decision.json();
    expect(body.sentryResponse.requestConfidence).toBeCloseTo(1 - stored.risk_score / 1000, 10);
    // The raw IP is nowhere in the store; the engine derived its network signals.
    const dump = JSON.stringify(await sentra.runtime.database.db.selectFrom('transactions').selectAll().execute());
    expect(dump).not.toContain('134.25.212.56');
    expect((await merchantOf(merchant)).balance).toBe('99.5700');
  });

  it('answers a retry (same transaction id, same body) with the stored answer and does not bill it again', async () => {
    const merchant = await createMerchant(sentra.app, adminToken, {}, '1');
    const body = { ...sentryMinimalRequest(), event: { type: 'PURCHASE', transactionId: 'retry-1' }, order: { amount: 40, currency: 'USD' } };
    const first = await sentry(merchant, body);
    const retry = await sentry(merchant, body);
    expect(retry.statusCode, retry.body).toBe(200);
    expect(retry.headers['sentra-decision-id']).toBe(first.headers['sentra-decision-id']);
    expect(retry.json().sentryResponse).toEqual(first.json().sentryResponse);
    expect(retry.json().billing.items[0].fee.amount).toBe(0);
    expect(retry.json().billing.remainingBalance.amount).toBe(0.95);
    const usage = (await sentra.app.inject({ method: 'GET', url: `/v1/admin/merchants/${merchant.merchantId}/usage`, headers: admin })).json();
    expect(usage.totals).toEqual([{ service: 'SENTRY', calls: 1, amount: '0.0500' }]);
  });

  it('scores a request without an IP on what it has and says the signals are reduced', async () => {
    const merchant = await createMerchant(sentra.app, adminToken, {}, '1');
    const { ipAddress: _ip, ...device } = sentryMinimalRequest().device;
    const response = await sentry(merchant, { device });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['sentra-signal-quality']).toBe('reduced; missing=ipAddress');
    expect(response.json().sentryResponse.requestConfidence).toBeGreaterThanOrEqual(0);
  });

  it('takes order, cart and custom inputs as features stored with the transaction', async () => {
    const merchant = await createMerchant(sentra.app, adminToken, {}, '1');
    const response = await sentry(merchant, {
      ...sentryMinimalRequest(),
      event: { type: 'PURCHASE', transactionId: 'order-7781', timestamp: '2026-11-20T14:03:11Z' },
      order: { amount: 249.9, currency: 'EUR', affiliateId: 'aff-12', discountCodes: ['WELCOME10', 'XMAS'], referrerUrl: 'https://deals.example.com/x' },
      account: { userId: 'user-881', username: 'ana' },
      cart: { items: [{ itemId: 'gc-100', category: 'gift_cards', price: 100, quantity: 2 }, { itemId: 'tee', category: 'apparel', price: 49.9, quantity: 1 }] },
      customInputs: { loyaltyTier: 'gold', internalRisk: 12.5, newsletter: true, tenureDays: 4 },
    });
    expect(response.statusCode, response.body).toBe(200);
    const row = await sentra.runtime.database.db.selectFrom('transactions').selectAll().where('tx_id', '=', `${merchant.merchantId}:order-7781`).executeTakeFirstOrThrow();
    const overrides = typeof row.overrides === 'string' ? JSON.parse(row.overrides) : row.overrides;
    expect(overrides).toMatchObject({ cart_line_count: 2, cart_quantity_total: 3, cart_distinct_categories: 2, order_discount_code_count: 2, order_has_affiliate: 1, custom_internalrisk: 12.5, custom_newsletter: 1, custom_tenuredays: 4 });
    expect(row.sender_entity_id).toBe('user-881');
    expect(row.receiver_entity_id).toBe(merchant.merchantId);
  });

  it('answers 401 in the contract shape for a missing header, an unknown, revoked or foreign key', async () => {
    const merchant = await createMerchant(sentra.app, adminToken, {}, '1');
    const other = await createMerchant(sentra.app, adminToken, {}, '1');
    const attempts: Record<string, string>[] = [
      {},
      { 'x-api-key': merchant.apiKey },
      { 'x-api-key': 'smk_nope', 'x-merchant-id': merchant.merchantId },
      { 'x-api-key': other.apiKey, 'x-merchant-id': merchant.merchantId },
    ];
    for (const headers of attempts) {
      const response = await sentra.app.inject({ method: 'POST', url: '/api/v1/sentry', headers, payload: sentryMinimalRequest() });
      expect(response.statusCode).toBe(401);
      expectSentryErrorShape(response, JSON.stringify(headers), ['SENTRA_ERR_UNAUTHENTICATED']);
    }
    const revoke = await sentra.app.inject({ method: 'DELETE', url: `/v1/admin/merchants/${merchant.merchantId}/keys/${merchant.keyId}`, headers: admin });
    expect(revoke.statusCode).toBe(204);
    const revoked = await sentry(merchant, sentryMinimalRequest());
    expect(revoked.statusCode).toBe(401);
    expect((await merchantOf(merchant)).balance).toBe('1.0000');
  });

  it('refuses bad input with 400, every problem by code and path, and writes and bills nothing', async () => {
    const merchant = await createMerchant(sentra.app, adminToken, {}, '1');
    const minimal = sentryMinimalRequest();
    const cases: { body: unknown; reason: string; path: string }[] = [
      { body: { device: { ...minimal.device, ipAddress: '300.1.2.3' } }, reason: 'format', path: '/device/ipAddress' },
      { body: { device: { ...minimal.device, ipAddress: '2001:db8::zz' } }, reason: 'format', path: '/device/ipAddress' },
      { body: { ...minimal, customInputs: { loyalty: null } }, reason: 'type', path: '/customInputs/loyalty' },
      { body: { ...minimal, customInputs: { blob: 'x'.repeat(1024 * 1024) } }, reason: 'too_large', path: '/customInputs' },
      { body: { ...minimal, account: { userId: '10.1.2.3' } }, reason: 'raw_ip', path: '/account/userId' },
      { body: { ...minimal, event: { type: 'REFUND' } }, reason: 'enum', path: '/event/type' },
      { body: { device: { ...minimal.device, sessionAge: -5 } }, reason: 'range', path: '/device/sessionAge' },
      { body: { ...minimal, order: { referrerUrl: 'javascript:alert(1)' } }, reason: 'format', path: '/order/referrerUrl' },
      { body: { device: { acceptLanguage: 'en' } }, reason: 'required', path: '/device' },
      { body: { ...minimal, ipAddress: '134.25.212.56' }, reason: 'unknown_field', path: '/ipAddress' },
    ];
    const before = await databaseFingerprint(sentra.runtime.database.db);
    for (const { body, reason, path } of cases) {
      const response = await sentry(merchant, body);
      const where = `${path} ${reason} → ${response.body.slice(0, 300)}`;
      expect(response.statusCode, where).toBe(400);
      expectSentryErrorShape(response, where, ['SENTRA_ERR_VALIDATION']);
      expect(response.json().errors, where).toContainEqual(expect.objectContaining({ reason, path }));
    }
    expect(await databaseFingerprint(sentra.runtime.database.db)).toBe(before);
  });

  it('answers 402 when the balance is exhausted, and continues into a configured overdraft', async () => {
    const merchant = await createMerchant(sentra.app, adminToken, {}, '0.05');
    expect((await sentry(merchant, sentryMinimalRequest())).statusCode).toBe(200);
    const before = await databaseFingerprint(sentra.runtime.database.db);
    const refused = await sentry(merchant, sentryMinimalRequest());
    expect(refused.statusCode).toBe(402);
    expectSentryErrorShape(refused, 'exhausted', ['SENTRA_ERR_PAYMENT_REQUIRED']);
    expect(await databaseFingerprint(sentra.runtime.database.db)).toBe(before);
    const patched = await sentra.app.inject({ method: 'PATCH', url: `/v1/admin/merchants/${merchant.merchantId}`, headers: admin, payload: { overdraft: '0.10' } });
    expect(patched.statusCode, patched.body).toBe(200);
    const overdrawn = await sentry(merchant, sentryMinimalRequest());
    expect(overdrawn.statusCode).toBe(200);
    expect(overdrawn.json().billing.remainingBalance).toEqual({ currency: 'USD', amount: -0.05 });
    expect((await sentry(merchant, sentryMinimalRequest())).json().billing.remainingBalance.amount).toBe(-0.1);
    expect((await sentry(merchant, sentryMinimalRequest())).statusCode).toBe(402);
    // The overdraft cannot be lowered below the debt already run up.
    const lowered = await sentra.app.inject({ method: 'PATCH', url: `/v1/admin/merchants/${merchant.merchantId}`, headers: admin, payload: { overdraft: '0' } });
    expect(lowered.statusCode).toBe(409);
  });

  it('bills exactly 500 of 1,000 parallel calls against a balance covering 500', async () => {
    const merchant = await createMerchant(sentra.app, adminToken, { rate_limit_per_second: 100_000 }, '25');
    const responses = await Promise.all(Array.from({ length: 1000 }, (_, index) => sentry(merchant, { ...sentryMinimalRequest(), event: { transactionId: `parallel-${index}` } })));
    const statuses = responses.map((response) => response.statusCode);
    const odd = responses.filter((response) => response.statusCode !== 200 && response.statusCode !== 402);
    expect(odd.map((response) => `${response.statusCode} ${response.body.slice(0, 300)}`)).toEqual([]);
    expect(statuses.filter((status) => status === 200)).toHaveLength(500);
    expect(statuses.filter((status) => status === 402)).toHaveLength(500);
    expect((await merchantOf(merchant)).balance).toBe('0.0000');
    const usage = (await sentra.app.inject({ method: 'GET', url: `/v1/admin/merchants/${merchant.merchantId}/usage`, headers: admin })).json();
    expect(usage.totals).toEqual([{ service: 'SENTRY', calls: 500, amount: '25.0000' }]);
    const stored = await sentra.runtime.database.db.selectFrom('transactions').select((eb) => eb.fn.countAll<string>().as('count')).where('merchant_id', '=', merchant.merchantId).executeTakeFirstOrThrow();
    expect(Number(stored.count)).toBe(500);
  }, 300_000);
});

describe('merchant key rate limit', () => {
  let sentra: TestApp;
  beforeAll(async () => {
    sentra = await startTestApp('pglite', {}, { clock: { now: () => Date.UTC(2026, 10, 20, 12, 0, 0) } });
  });
  afterAll(async () => {
    await sentra.close();
  });

  it('answers 429 with Retry-After past the per-key limit of the second, in the contract shape', async () => {
    const merchant = await createMerchant(sentra.app, adminToken, { rate_limit_per_second: 3 }, '1');
    const statuses: number[] = [];
    for (let index = 0; index < 4; index++) {
      const response = await sentra.app.inject({ method: 'POST', url: '/api/v1/sentry', headers: merchant.headers, payload: sentryMinimalRequest() });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) {
        expect(response.headers['retry-after']).toBe('1');
        expectSentryErrorShape(response, '429', ['SENTRA_ERR_RATE_LIMITED']);
      }
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    // The limit is the key's, whichever merchant API it calls: the pipeline answers 429 in its own shape.
    const pipeline = await sentra.app.inject({ method: 'POST', url: '/api/v1/pipeline', headers: merchant.headers, payload: sentryMinimalRequest() });
    expect(pipeline.statusCode).toBe(429);
    expect(pipeline.headers['retry-after']).toBe('1');
    expectSentryErrorShape(pipeline, 'pipeline 429', ['SENTRA_ERR_RATE_LIMITED'], 'pipelineResponse');
    // The limit is per key: a second key of the same merchant has its own.
    const key = await sentra.app.inject({ method: 'POST', url: `/v1/admin/merchants/${merchant.merchantId}/keys`, headers: admin, payload: {} });
    const second = await sentra.app.inject({ method: 'POST', url: '/api/v1/sentry', headers: { ...merchant.headers, 'x-api-key': key.json().api_key }, payload: sentryMinimalRequest() });
    expect(second.statusCode).toBe(200);
  });
});
