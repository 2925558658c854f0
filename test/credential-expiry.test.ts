import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import { scoreBody } from './support/score-body.js';
import { createMerchant, sentryMinimalRequest } from './support/merchants.js';

const admin = { authorization: `Bearer ${adminToken}` };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** How long a credential made to expire soon lives in these tests. */
// Long enough for a token's creation and first use on a loaded machine (1.5 s ran out once in CI).
const lifetimeMs = 5_000;

/**
 * Credentials with an expiry: a bearer token or a merchant key created with `expires_at` works until
 * that instant and then stops at once, even in a process that authenticated it a moment before (the
 * authentication cache keeps a lookup up to 5 s, never past the credential's expiry).
 */
describe.each(storeKinds)('credentials that expire, on %s', (store) => {
  let sentra: TestApp;
  beforeAll(async () => {
    sentra = await startTestApp(store);
  });
  afterAll(async () => {
    await sentra.close();
  });

  const tokenCount = async () => (await sentra.runtime.database.db.selectFrom('api_tokens').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow()).count;

  it('lets a token with an expiry authenticate until then, and refuses it with 401 from that instant, cached or not', async () => {
    const expiresAt = new Date(Date.now() + lifetimeMs).toISOString();
    const created = await sentra.app.inject({ method: 'POST', url: '/v1/admin/tokens', headers: admin, payload: { name: 'contractor', role: 'service', expires_at: expiresAt } });
    expect(created.statusCode, created.body).toBe(201);
    const issued = created.json();
    expect(issued.expires_at).toBe(expiresAt);
    const bearer = { authorization: `Bearer ${issued.token}` };
    expect((await sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers: bearer, payload: scoreBody() })).statusCode).toBe(200);
    const listed = (await sentra.app.inject({ method: 'GET', url: '/v1/admin/tokens', headers: admin })).json().items.find((item: { token_id: string }) => item.token_id === issued.token_id);
    expect(listed).toMatchObject({ expires_at: expiresAt, revoked_at: null });
    await sleep(Date.parse(expiresAt) - Date.now() + 50);
    const refused = await sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers: bearer, payload: scoreBody() });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('SENTRA_ERR_UNAUTHENTICATED');
    // A token without an expiry still works.
    expect((await sentra.app.inject({ method: 'GET', url: '/v1/admin/tokens', headers: admin })).statusCode).toBe(200);
    const audit = await sentra.runtime.database.db.selectFrom('audit_log').select('payload').where('action', '=', 'token.created').where('subject', '=', issued.token_id).executeTakeFirstOrThrow();
    expect(audit.payload).toMatchObject({ expires_at: expiresAt });
  });

  it('refuses an expiry in the past, beyond ten years or not a date with 400 by path, and issues nothing', async () => {
    const before = await tokenCount();
    for (const [expiresAt, code] of [
      [new Date(Date.now() - 60_000).toISOString(), 'range'],
      [new Date(Date.now() + 11 * 366 * 86_400_000).toISOString(), 'range'],
      ['next tuesday', 'format'],
    ] as const) {
      const response = await sentra.app.inject({ method: 'POST', url: '/v1/admin/tokens', headers: admin, payload: { name: 'bad', role: 'service', expires_at: expiresAt } });
      expect(response.statusCode, expiresAt).toBe(400);
      expect(response.json().error.code).toBe('SENTRA_ERR_VALIDATION');
      expect(response.json().error.details).toEqual([expect.objectContaining({ path: '/expires_at', code })]);
    }
    expect(await tokenCount()).toBe(before);
  });

  it("stops a merchant key at its expiry with 401 in the contract's own shape, and bills nothing then", async () => {
    const merchant = await createMerchant(sentra.app, adminToken, {}, '1');
    const expiresAt = new Date(Date.now() + lifetimeMs).toISOString();
    const created = await sentra.app.inject({ method: 'POST', url: `/v1/admin/merchants/${merchant.merchantId}/keys`, headers: admin, payload: { name: 'temporary', expires_at: expiresAt } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().expires_at).toBe(expiresAt);
    const headers = { 'x-api-key': created.json().api_key, 'x-merchant-id': merchant.merchantId };
    const call = (id: string) => sentra.app.inject({ method: 'POST', url: '/api/v1/sentry', headers, payload: { ...sentryMinimalRequest(), event: { transactionId: id } } });
    expect((await call('before-expiry')).statusCode).toBe(200);
    const listed = (await sentra.app.inject({ method: 'GET', url: `/v1/admin/merchants/${merchant.merchantId}/keys`, headers: admin })).json().items;
    expect(listed.find((key: { key_id: string }) => key.key_id === created.json().key_id)).toMatchObject({ expires_at: expiresAt });
    const balance = async () => (await sentra.app.inject({ method: 'GET', url: `/v1/admin/merchants/${merchant.merchantId}/usage`, headers: admin })).json().balance;
    const paid = await balance();
    await sleep(Date.parse(expiresAt) - Date.now() + 50);
    const refused = await call('after-expiry');
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ isSuccess: false, errors: [expect.objectContaining({ code: 'SENTRA_ERR_UNAUTHENTICATED' })] });
    expect(await balance()).toBe(paid);
    // The merchant's key without an expiry still works.
    expect((await sentra.app.inject({ method: 'POST', url: '/api/v1/sentry', headers: merchant.headers, payload: sentryMinimalRequest() })).statusCode).toBe(200);
    const bad = await sentra.app.inject({ method: 'POST', url: `/v1/admin/merchants/${merchant.merchantId}/keys`, headers: admin, payload: { expires_at: '2001-01-01T00:00:00Z' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([expect.objectContaining({ path: '/expires_at', code: 'range' })]);
  });
});
