import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import { createMerchant, expectSentryErrorShape, sentryMinimalRequest, type MerchantCredentials } from './support/merchants.js';
import { databaseFingerprint, resetFingerprintTables } from './support/route-harness.js';

const admin = { authorization: `Bearer ${adminToken}` };

/** Pipeline API (seed 002, "Pipeline Integration"): contract, stages, billing, authentication, bad input, isolation. */
describe.each(storeKinds)('POST /api/v1/pipeline on %s', (store) => {
  let sentra: TestApp;
  let tokenB: string;

  beforeAll(async () => {
    resetFingerprintTables();
    sentra = await startTestApp(store);
    await sentra.runtime.features.networkReady;
    const inject = (url: string, payload: object, token = adminToken) => sentra.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}` }, payload });
    // A watch list and a rule that reads Sentry's output; the rule fires only for requests that ask for it.
    expect((await inject('/v1/lists', { name: 'watched', kind: 'entity_id' })).statusCode).toBe(201);
    expect((await inject('/v1/lists/watched/entries', { entries: [{ value: 'pipe-watched-1' }] })).statusCode).toBe(200);
    const rule = await inject('/v1/rules', { name: 'Probe on confidence', expression: 'custom.probe == "block" && sentry.requestConfidence < 2.0', action: 'BLOCK' });
    expect(rule.statusCode, rule.body).toBe(201);
    // Another tenant with the same list name holding another value.
    tokenB = await sentra.addTenant('tenant-b', 'admin');
    expect((await inject('/v1/lists', { name: 'watched', kind: 'entity_id' }, tokenB)).statusCode).toBe(201);
    expect((await inject('/v1/lists/watched/entries', { entries: [{ value: 'pipe-watched-b' }] }, tokenB)).statusCode).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await sentra.close();
  });

  const pipeline = (merchant: MerchantCredentials, body: unknown, headers: Record<string, string> = {}) =>
    sentra.app.inject({ method: 'POST', url: '/api/v1/pipeline', headers: { ...merchant.headers, ...headers }, payload: body as object });
  const merchantOf = async (merchant: MerchantCredentials) => (await sentra.app.inject({ method: 'GET', url: `/v1/admin/merchants/${merchant.merchantId}`, headers: admin })).json();

  it("runs seed 002's minimal request through PreCheck → Sentry → Rules and answers every field, billed as PIPELINE", async () => {
    const merchant = await createMerchant(sentra.app, adminToken, {}, '10');
    const response = await pipeline(merchant, sentryMinimalRequest());
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(Object.keys(body).sort()).toEqual(['billing', 'errors', 'isSuccess', 'pipelineResponse']);
    expect(body.isSuccess).toBe(true);
    expect(body.errors).toBeNull();
    const result = body.pipelineResponse;
    expect(Object.keys(result).sort()).toEqual(['decision', 'preCheckResponse', 'rulesResponse', 'sentryResponse', 'stages']);
    expect(result.stages).toEqual(['PreCheck', 'Sentry', 'Rules']);
    expect(result.preCheckResponse).toEqual({ passed: true, listMatches: [] });
    expect(Object.keys(result.sentryResponse)).toEqual(['requestConfidence']);
    expect(result.sentryResponse.requestConfidence).toBeGreaterThanOrEqual(0);
    expect(result.sentryResponse.requestConfidence).toBeLessThanOrEqual(1);
    expect(['PASS', 'REVIEW', 'HOLD', 'BLOCK']).toContain(result.decision);
    expect(result.rulesResponse).toEqual({ decision: result.decision, riskScore: expect.any(Number), ruleHits: [], reasons: [] });
    expect(body.billing).toEqual({
      items: [{ feeType: 'PIPELINE', fee: { currency: 'USD', amount: 0.1 }, completed: true }],
      remainingBalance: { currency: 'USD', amount: 9.9 },
      amountAuthorized: { currency: 'USD', amount: 0.1 },
      amountClosed: { currency: 'USD', amount: 0.1 },
    });
    expect(response.headers['sentra-signal-quality']).toBe('full');
    // The decision is the engine's, stored and readable; no rule fired, so Sentry's confidence is 1 − its risk score / 1000.
    const decision = await sentra.app.inject({ method: 'GET', url: `/v1/decisions/${String(response.headers['sentra-decision-id'])}`, headers: admin });
    expect(decision.statusCode, decision.body).toBe(200);
    expect(decision.json().decision).toBe(result.decision);
    expect(result.sentryResponse.requestConfidence).toBeCloseTo(1 - decision.json().risk_score / 1000, 10);
    expect((await merchantOf(merchant)).balance).toBe('9.9000');
    const usage = (await sentra.app.inject({ method: 'GET', url: `/v1/admin/merchants/${merchant.merchantId}/usage`, headers: admin })).json();
    expect(usage.totals).toEqual([{ service: 'PIPELINE', calls: 1, amount: '0.1000' }]);
  });

  it("lets Rules read Sentry's confidence when Sentry runs first, and not when Rules runs first", async () => {
    // Thresholds no model score reaches: only a rule can decide anything but PASS.
    const merchant = await createMerchant(sentra.app, adminToken, { thresholds: { challenge_at: 100, review_at: 100, deny_at: 100 } }, '10');
    const probe = { ...sentryMinimalRequest(), customInputs: { probe: 'block' } };
    const first = await pipeline(merchant, { ...probe, stages: ['Sentry', 'Rules'] });
    expect(first.statusCode, first.body).toBe(200);
    const ruled = first.json().pipelineResponse;
    expect(ruled.stages).toEqual(['Sentry', 'Rules']);
    expect(ruled.preCheckResponse).toBeNull();
    expect(ruled.decision).toBe('BLOCK');
    expect(ruled.rulesResponse).toMatchObject({ decision: 'BLOCK', ruleHits: [{ name: 'Probe on confidence', action: 'BLOCK', ruleId: expect.any(String) }], reasons: [expect.stringMatching(/^RULE_/)] });
    const before = await pipeline(merchant, { ...probe, stages: ['Rules', 'Sentry'] });
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json().pipelineResponse.rulesResponse).toMatchObject({ decision: 'PASS', ruleHits: [] });
    expect(before.json().pipelineResponse.stages).toEqual(['Rules', 'Sentry']);
    // Sentry alone: no rules run, so the probe cannot block.
    const alone = await pipeline(merchant, { ...probe, stages: ['Sentry'] });
    expect(alone.statusCode, alone.body).toBe(200);
    expect(alone.json().pipelineResponse).toMatchObject({ stages: ['Sentry'], preCheckResponse: null, rulesResponse: null });
    expect(alone.json().pipelineResponse.decision).toBe('PASS');
  });

  it("reports the tenant's lists holding the request's identifiers in PreCheck, never another tenant's", async () => {
    const merchant = await createMerchant(sentra.app, adminToken, {}, '10');
    const watched = await pipeline(merchant, { ...sentryMinimalRequest(), account: { userId: 'pipe-watched-1' } });
    expect(watched.statusCode, watched.body).toBe(200);
    expect(watched.json().pipelineResponse.preCheckResponse).toEqual({ passed: true, listMatches: [{ list: 'watched', field: 'sender_entity_id' }, { list: 'watched', field: 'user_id' }] });
    const merchantB = await createMerchant(sentra.app, tokenB, {}, '10');
    const other = await pipeline(merchantB, { ...sentryMinimalRequest(), account: { userId: 'pipe-watched-1' } });
    expect(other.statusCode, other.body).toBe(200);
    expect(other.json().pipelineResponse.preCheckResponse.listMatches).toEqual([]);
    const own = await pipeline(merchantB, { ...sentryMinimalRequest(), account: { userId: 'pipe-watched-b' } });
    expect(own.json().pipelineResponse.preCheckResponse.listMatches).toHaveLength(2);
    // Tenant B's decision is stored under tenant B only.
    const decisionId = String(own.headers['sentra-decision-id']);
    expect((await sentra.app.inject({ method: 'GET', url: `/v1/decisions/${decisionId}`, headers: admin })).statusCode).toBe(404);
    expect((await sentra.app.inject({ method: 'GET', url: `/v1/decisions/${decisionId}`, headers: { authorization: `Bearer ${tokenB}` } })).statusCode).toBe(200);
  });

  it('answers a retry (same transaction id, same body) with the stored decision and does not bill it again', async () => {
    const merchant = await createMerchant(sentra.app, adminToken, {}, '1');
    const body = { ...sentryMinimalRequest(), event: { type: 'PURCHASE', transactionId: 'pipe-retry-1' }, order: { amount: 40, currency: 'USD' } };
    const first = await pipeline(merchant, body);
    const retry = await pipeline(merchant, body);
    expect(retry.statusCode, retry.body).toBe(200);
    expect(retry.headers['sentra-decision-id']).toBe(first.headers['sentra-decision-id']);
    expect(retry.json().pipelineResponse.decision).toBe(first.json().pipelineResponse.decision);
    expect(retry.json().billing.items[0].fee.amount).toBe(0);
    expect(retry.json().billing.remainingBalance.amount).toBe(0.9);
  });

  it('answers 401 in the contract shape for a missing header, an unknown, revoked or foreign key', async () => {
    const merchant = await createMerchant(sentra.app, adminToken, {}, '1');
    const other = await createMerchant(sentra.app, adminToken, {}, '1');
    const foreignTenant = await createMerchant(sentra.app, tokenB, {}, '1');
    const attempts: Record<string, string>[] = [
      {},
      { 'x-api-key': merchant.apiKey },
      { 'x-api-key': 'smk_nope', 'x-merchant-id': merchant.merchantId },
      { 'x-api-key': other.apiKey, 'x-merchant-id': merchant.merchantId },
      { 'x-api-key': foreignTenant.apiKey, 'x-merchant-id': merchant.merchantId },
    ];
    for (const headers of attempts) {
      const response = await sentra.app.inject({ method: 'POST', url: '/api/v1/pipeline', headers, payload: sentryMinimalRequest() });
      expect(response.statusCode).toBe(401);
      expectSentryErrorShape(response, JSON.stringify(headers), ['SENTRA_ERR_UNAUTHENTICATED'], 'pipelineResponse');
    }
    expect((await sentra.app.inject({ method: 'DELETE', url: `/v1/admin/merchants/${merchant.merchantId}/keys/${merchant.keyId}`, headers: admin })).statusCode).toBe(204);
    expect((await pipeline(merchant, sentryMinimalRequest())).statusCode).toBe(401);
    expect((await merchantOf(merchant)).balance).toBe('1.0000');
  });

  it('refuses bad input with 400, every problem by code and path, and writes and bills nothing', async () => {
    const merchant = await createMerchant(sentra.app, adminToken, {}, '1');
    const minimal = sentryMinimalRequest();
    const cases: { body: unknown; reason: string; path: string }[] = [
      { body: { ...minimal, stages: ['PreCheck', 'Scoring'] }, reason: 'enum', path: '/stages/1' },
      { body: { ...minimal, stages: ['Sentry', 'Rules', 'Sentry'] }, reason: 'duplicate', path: '/stages/2' },
      { body: { ...minimal, stages: ['PreCheck'] }, reason: 'required', path: '/stages' },
      { body: { ...minimal, stages: [] }, reason: 'length', path: '/stages' },
      { body: { device: { ...minimal.device, ipAddress: '300.1.2.3' } }, reason: 'format', path: '/device/ipAddress' },
      { body: { ...minimal, customInputs: { loyalty: null } }, reason: 'type', path: '/customInputs/loyalty' },
      { body: { ...minimal, customInputs: { blob: 'x'.repeat(1024 * 1024) } }, reason: 'too_large', path: '/customInputs' },
      { body: { ...minimal, account: { userId: '10.1.2.3' } }, reason: 'raw_ip', path: '/account/userId' },
      { body: { device: { acceptLanguage: 'en' } }, reason: 'required', path: '/device' },
      { body: { ...minimal, pipeline: ['Sentry'] }, reason: 'unknown_field', path: '/pipeline' },
    ];
    const before = await databaseFingerprint(sentra.runtime.database.db);
    for (const { body, reason, path } of cases) {
      const response = await pipeline(merchant, body);
      const where = `${path} ${reason} → ${response.body.slice(0, 300)}`;
      expect(response.statusCode, where).toBe(400);
      expectSentryErrorShape(response, where, ['SENTRA_ERR_VALIDATION'], 'pipelineResponse');
      expect(response.json().errors, where).toContainEqual(expect.objectContaining({ reason, path }));
    }
    expect(await databaseFingerprint(sentra.runtime.database.db)).toBe(before);
  });

  it('answers 402 when the balance is exhausted, writing nothing', async () => {
    const merchant = await createMerchant(sentra.app, adminToken, {}, '0.1');
    expect((await pipeline(merchant, sentryMinimalRequest())).statusCode).toBe(200);
    const before = await databaseFingerprint(sentra.runtime.database.db);
    const refused = await pipeline(merchant, sentryMinimalRequest());
    expect(refused.statusCode).toBe(402);
    expectSentryErrorShape(refused, 'exhausted', ['SENTRA_ERR_PAYMENT_REQUIRED'], 'pipelineResponse');
    expect(await databaseFingerprint(sentra.runtime.database.db)).toBe(before);
  });

  it('is documented in /openapi.json with its request, answers and merchant-key security', async () => {
    const document = (await sentra.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const operation = document.paths['/api/v1/pipeline'].post;
    expect(operation.security).toEqual([{ merchantKey: [], merchantId: [] }]);
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '402', '429']));
    const text = JSON.stringify(operation);
    for (const field of ['stages', 'device', 'customInputs', 'pipelineResponse', 'requestConfidence', 'rulesResponse', 'billing']) expect(text).toContain(field);
  });
});
