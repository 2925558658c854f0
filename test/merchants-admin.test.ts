import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, type TestApp } from './support/test-app.js';
import { createMerchant, sentryMinimalRequest } from './support/merchants.js';

const admin = { authorization: `Bearer ${adminToken}` };

/** Merchant administration: settings, keys shown once, top-ups, usage as JSON and CSV, tenant isolation. */
describe('/v1/admin/merchants', () => {
  let sentra: TestApp;
  beforeAll(async () => {
    sentra = await startTestApp('pglite');
  });
  afterAll(async () => {
    await sentra.close();
  });

  it('creates, lists, reads and changes a merchant, money as exact decimals, every change audited', async () => {
    const created = await sentra.app.inject({ method: 'POST', url: '/v1/admin/merchants', headers: admin, payload: { name: 'Shop', fees: { SENTRY: '0.0125' }, thresholds: { challenge_at: 30, review_at: 60, deny_at: 90 } } });
    expect(created.statusCode, created.body).toBe(201);
    const merchant = created.json();
    expect(merchant).toMatchObject({ name: 'Shop', mode: 'shadow', currency: 'USD', balance: '0.0000', overdraft: '0.0000', fees: { SENTRY: '0.0125', EVENTS: '0.0500', PIPELINE: '0.1000' }, thresholds: { challenge_at: 30, review_at: 60, deny_at: 90 }, rate_limit_per_second: null });
    expect(merchant.merchant_id).toMatch(/^mer_/);
    const patched = await sentra.app.inject({ method: 'PATCH', url: `/v1/admin/merchants/${merchant.merchant_id}`, headers: admin, payload: { mode: 'live', thresholds: null, rate_limit_per_second: 50 } });
    expect(patched.json()).toMatchObject({ mode: 'live', thresholds: null, rate_limit_per_second: 50, fees: { SENTRY: '0.0125' } });
    const list = (await sentra.app.inject({ method: 'GET', url: '/v1/admin/merchants', headers: admin })).json();
    expect(list.items.map((item: { merchant_id: string }) => item.merchant_id)).toContain(merchant.merchant_id);
    const badOrder = await sentra.app.inject({ method: 'PATCH', url: `/v1/admin/merchants/${merchant.merchant_id}`, headers: admin, payload: { thresholds: { challenge_at: 70, review_at: 60, deny_at: 90 } } });
    expect(badOrder.statusCode).toBe(400);
    expect(badOrder.json().error.details[0]).toMatchObject({ code: 'order', path: '/thresholds/review_at' });
    const badMoney = await sentra.app.inject({ method: 'POST', url: `/v1/admin/merchants/${merchant.merchant_id}/balance`, headers: admin, payload: { amount: '1.00001' } });
    expect(badMoney.statusCode).toBe(400);
    const actions = await sentra.runtime.database.db.selectFrom('audit_log').select('action').where('subject', '=', merchant.merchant_id).execute();
    expect(actions.map((row) => row.action)).toEqual(['merchant.created', 'merchant.updated']);
  });

  it('starts a merchant created without a mode in shadow (seed 000): its calls answer for comparison and are stored as shadow until it is promoted', async () => {
    const created = await sentra.app.inject({ method: 'POST', url: '/v1/admin/merchants', headers: admin, payload: { name: 'New shop' } });
    expect(created.statusCode, created.body).toBe(201);
    const merchantId = created.json().merchant_id as string;
    expect(created.json().mode).toBe('shadow');
    const audit = await sentra.runtime.database.db.selectFrom('audit_log').select('payload').where('subject', '=', merchantId).where('action', '=', 'merchant.created').executeTakeFirstOrThrow();
    expect(audit.payload).toMatchObject({ mode: 'shadow' });
    const key = (await sentra.app.inject({ method: 'POST', url: `/v1/admin/merchants/${merchantId}/keys`, headers: admin, payload: { name: 'web' } })).json();
    expect((await sentra.app.inject({ method: 'POST', url: `/v1/admin/merchants/${merchantId}/balance`, headers: admin, payload: { amount: '1' } })).statusCode).toBe(200);
    const merchantHeaders = { 'x-api-key': key.api_key, 'x-merchant-id': merchantId };
    const call = () => sentra.app.inject({ method: 'POST', url: '/api/v1/sentry', headers: merchantHeaders, payload: sentryMinimalRequest() });
    const shadowAnswer = await call();
    expect(shadowAnswer.statusCode, shadowAnswer.body).toBe(200);
    expect(shadowAnswer.headers['sentra-mode']).toBe('shadow');
    const promoted = await sentra.app.inject({ method: 'POST', url: `/v1/merchants/${merchantId}/promote`, headers: admin });
    expect(promoted.json()).toMatchObject({ mode: 'live' });
    const liveAnswer = await call();
    expect(liveAnswer.headers['sentra-mode']).toBe('live');
    const stored = await sentra.runtime.database.db
      .selectFrom('merchant_usage')
      .innerJoin('risk_scores', (join) => join.onRef('risk_scores.tx_id', '=', 'merchant_usage.reference').onRef('risk_scores.tenant_id', '=', 'merchant_usage.tenant_id'))
      .select(['risk_scores.shadow'])
      .where('merchant_usage.merchant_id', '=', merchantId)
      .where('merchant_usage.kind', '=', 'charge')
      .orderBy('merchant_usage.created_at')
      .execute();
    expect(stored.map((row) => row.shadow)).toEqual([true, false]);
  });

  it('shows a key once, lists it with its last use, and reports usage per service as JSON and CSV', async () => {
    const merchant = await createMerchant(sentra.app, adminToken, {}, '10');
    const keys = (await sentra.app.inject({ method: 'GET', url: `/v1/admin/merchants/${merchant.merchantId}/keys`, headers: admin })).json();
    expect(keys.items).toHaveLength(1);
    expect(JSON.stringify(keys)).not.toContain(merchant.apiKey);
    expect(keys.items[0].last_used_at).toBeNull();
    for (let index = 0; index < 3; index++) {
      const response = await sentra.app.inject({ method: 'POST', url: '/api/v1/sentry', headers: merchant.headers, payload: { ...sentryMinimalRequest(), event: { transactionId: `usage-${index}` } } });
      expect(response.statusCode).toBe(200);
    }
    const used = (await sentra.app.inject({ method: 'GET', url: `/v1/admin/merchants/${merchant.merchantId}/keys`, headers: admin })).json();
    expect(used.items[0].last_used_at).not.toBeNull();
    const usage = (await sentra.app.inject({ method: 'GET', url: `/v1/admin/merchants/${merchant.merchantId}/usage`, headers: admin })).json();
    expect(usage.balance).toBe('9.8500');
    expect(usage.totals).toEqual([{ service: 'SENTRY', calls: 3, amount: '0.1500' }]);
    expect(usage.lines.map((line: { kind: string; amount: string }) => `${line.kind} ${line.amount}`)).toEqual(['top_up 10.0000', 'charge -0.0500', 'charge -0.0500', 'charge -0.0500']);
    expect(usage.lines[1].reference).toBe(`${merchant.merchantId}:usage-0`);
    const csv = await sentra.app.inject({ method: 'GET', url: `/v1/admin/merchants/${merchant.merchantId}/usage?format=csv`, headers: admin });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const rows = csv.body.trim().split('\r\n');
    expect(rows[0]).toBe('usage_id,created_at,kind,service,reference,currency,amount,balance_after');
    expect(rows).toHaveLength(5);
    expect(rows[4]).toMatch(/,charge,SENTRY,.*usage-2,USD,-0\.0500,9\.8500$/);
    const accepted = await sentra.app.inject({ method: 'GET', url: `/v1/admin/merchants/${merchant.merchantId}/usage`, headers: { ...admin, accept: 'text/csv' } });
    expect(accepted.body).toBe(csv.body);
    const empty = (await sentra.app.inject({ method: 'GET', url: `/v1/admin/merchants/${merchant.merchantId}/usage?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z`, headers: admin })).json();
    expect(empty).toMatchObject({ totals: [], lines: [], truncated: false });
    const backwards = await sentra.app.inject({ method: 'GET', url: `/v1/admin/merchants/${merchant.merchantId}/usage?from=2021-01-01T00:00:00Z&to=2020-02-01T00:00:00Z`, headers: admin });
    expect(backwards.statusCode).toBe(400);
  });

  it("keeps another tenant's merchants out of reach: not found, and its key is no key here", async () => {
    const merchant = await createMerchant(sentra.app, adminToken, {}, '1');
    const otherAdmin = await sentra.addTenant('tenant-merchants-b', 'admin');
    const other = { authorization: `Bearer ${otherAdmin}` };
    for (const [method, url] of [
      ['GET', `/v1/admin/merchants/${merchant.merchantId}`],
      ['GET', `/v1/admin/merchants/${merchant.merchantId}/keys`],
      ['GET', `/v1/admin/merchants/${merchant.merchantId}/usage`],
      ['DELETE', `/v1/admin/merchants/${merchant.merchantId}/keys/${merchant.keyId}`],
    ] as const) {
      expect((await sentra.app.inject({ method, url, headers: other })).statusCode, `${method} ${url}`).toBe(404);
    }
    const topUp = await sentra.app.inject({ method: 'POST', url: `/v1/admin/merchants/${merchant.merchantId}/balance`, headers: other, payload: { amount: '5' } });
    expect(topUp.statusCode).toBe(404);
    const list = (await sentra.app.inject({ method: 'GET', url: '/v1/admin/merchants', headers: other })).json();
    expect(list.items).toEqual([]);
    const analyst = await sentra.addToken('default', 'analyst');
    expect((await sentra.app.inject({ method: 'GET', url: '/v1/admin/merchants', headers: { authorization: `Bearer ${analyst}` } })).statusCode).toBe(403);
  });
});
