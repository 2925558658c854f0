import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import { scoreBody } from './support/score-body.js';
import { verifyChain } from '../src/audit/audit-chain.js';
import { storedChain } from './support/stored-chain.js';

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

describe.each(storeKinds)('credentials on %s', (store) => {
  let sentra: TestApp;

  beforeAll(async () => {
    sentra = await startTestApp(store);
  });
  afterAll(async () => {
    await sentra.close();
  });

  const inject = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, token: string, payload?: object) =>
    sentra.app.inject({ method, url, headers: auth(token), ...(payload === undefined ? {} : { payload }) });
  const createToken = async (role: string, name = `${role} token`, token = adminToken) => inject('POST', '/v1/admin/tokens', token, { name, role });

  it('issues a token once, lists it without the secret, with its last use, and stores only a hash', async () => {
    const created = await createToken('service', 'checkout backend');
    expect(created.statusCode).toBe(201);
    const issued = created.json();
    expect(issued).toMatchObject({ name: 'checkout backend', role: 'service' });
    expect(issued.token).toMatch(/^sentra_/);
    const before = (await inject('GET', '/v1/admin/tokens', adminToken)).json().items.find((item: { token_id: string }) => item.token_id === issued.token_id);
    expect(before).toMatchObject({ name: 'checkout backend', role: 'service', last_used_at: null, revoked_at: null });
    expect(JSON.stringify(before)).not.toContain(issued.token);
    expect((await inject('POST', '/v1/risk/score', issued.token, scoreBody())).statusCode).toBe(200);
    const after = (await inject('GET', '/v1/admin/tokens', adminToken)).json().items.find((item: { token_id: string }) => item.token_id === issued.token_id);
    expect(Date.parse(after.last_used_at)).toBeGreaterThan(0);
    const stored = await sentra.runtime.database.db.selectFrom('api_tokens').selectAll().where('id', '=', issued.token_id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(issued.token);
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lets a service token score and read only its own decisions, nothing else', async () => {
    const service = (await createToken('service')).json().token;
    const otherService = (await createToken('service')).json().token;
    const own = (await inject('POST', '/v1/risk/score', service, scoreBody())).json().request_id;
    const analysts = (await inject('POST', '/v1/risk/score', adminToken, scoreBody())).json().request_id;
    expect((await inject('GET', `/v1/decisions/${own}`, service)).statusCode).toBe(200);
    const foreign = await inject('GET', `/v1/decisions/${analysts}`, service);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('SENTRA_ERR_NOT_FOUND');
    expect((await inject('GET', `/v1/decisions/${own}`, otherService)).statusCode).toBe(404);
    expect((await inject('GET', `/v1/decisions/${own}`, adminToken)).statusCode).toBe(200);
    for (const [method, url] of [
      ['GET', '/v1/admin/thresholds'],
      ['GET', '/v1/admin/tokens'],
    ] as const) {
      const response = await inject(method, url, service);
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('SENTRA_ERR_FORBIDDEN');
    }
  });

  it('lets an analyst score but not create tokens, change thresholds or create tenants; nothing is written', async () => {
    const analyst = (await createToken('analyst')).json().token;
    expect((await inject('POST', '/v1/risk/score', analyst, scoreBody())).statusCode).toBe(200);
    const tokensBefore = (await inject('GET', '/v1/admin/tokens', adminToken)).json().items.length;
    expect((await createToken('admin', 'sneaky', analyst)).statusCode).toBe(403);
    expect((await inject('PUT', '/v1/admin/thresholds', analyst, { review_at: 1, hold_at: 2, block_at: 3 })).statusCode).toBe(403);
    expect((await inject('POST', '/v1/admin/tenants', analyst, { tenant_id: 'nope', name: 'Nope' })).statusCode).toBe(403);
    expect((await inject('GET', '/v1/admin/tokens', adminToken)).json().items.length).toBe(tokensBefore);
    expect((await inject('GET', '/v1/admin/thresholds', adminToken)).json().review_at).not.toBe(1);
  });

  it('revokes a token at once in this process; revocation and creation are audited in the chain', async () => {
    const issued = (await createToken('analyst', 'leaving analyst')).json();
    expect((await inject('POST', '/v1/risk/score', issued.token, scoreBody())).statusCode).toBe(200);
    const revoked = await inject('DELETE', `/v1/admin/tokens/${issued.token_id}`, adminToken);
    expect(revoked.statusCode).toBe(204);
    const refused = await inject('POST', '/v1/risk/score', issued.token, scoreBody());
    expect(refused.statusCode).toBe(401);
    expect((await inject('DELETE', `/v1/admin/tokens/${issued.token_id}`, adminToken)).json().error.code).toBe('SENTRA_ERR_NOT_FOUND');
    const listed = (await inject('GET', '/v1/admin/tokens', adminToken)).json().items.find((item: { token_id: string }) => item.token_id === issued.token_id);
    expect(Date.parse(listed.revoked_at)).toBeGreaterThan(0);
    const db = sentra.runtime.database.db;
    const actions = await db.selectFrom('audit_log').select(['action', 'actor']).where('subject', '=', issued.token_id).orderBy('seq').execute();
    expect(actions.map((entry) => entry.action)).toEqual(['token.created', 'token.revoked']);
    expect(verifyChain(await storedChain(db, 'default'))).toBeUndefined();
  });

  it('refuses bad token bodies with every problem by path', async () => {
    const response = await inject('POST', '/v1/admin/tokens', adminToken, { name: '', role: 'root', extra: 1 });
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.details.map((detail: { path: string }) => detail.path);
    expect(paths).toEqual(expect.arrayContaining(['/name', '/role']));
  });

  it('creates a tenant with its first admin token for an installation admin; tenants stay apart', async () => {
    const created = await inject('POST', '/v1/admin/tenants', adminToken, { tenant_id: `acme-${store}`, name: 'Acme Payments' });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({ tenant_id: `acme-${store}`, name: 'Acme Payments', admin_token: { role: 'admin' } });
    const acmeAdmin = body.admin_token.token;
    expect((await inject('POST', '/v1/admin/tenants', adminToken, { tenant_id: `acme-${store}`, name: 'again' })).statusCode).toBe(409);
    // The new tenant's admin administers its own tenant only.
    expect((await inject('POST', '/v1/admin/tenants', acmeAdmin, { tenant_id: 'other', name: 'Other' })).statusCode).toBe(403);
    const acmeTokens = (await inject('GET', '/v1/admin/tokens', acmeAdmin)).json().items;
    expect(acmeTokens.map((token: { token_id: string }) => token.token_id)).toEqual([body.admin_token.token_id]);
    const defaultTokenIds = (await inject('GET', '/v1/admin/tokens', adminToken)).json().items.map((token: { token_id: string }) => token.token_id);
    expect(defaultTokenIds).not.toContain(body.admin_token.token_id);
    expect((await inject('DELETE', `/v1/admin/tokens/${defaultTokenIds[0]}`, acmeAdmin)).statusCode).toBe(404);
    const acmeService = (await createToken('service', 'acme checkout', acmeAdmin)).json().token;
    const scored = await inject('POST', '/v1/risk/score', acmeService, scoreBody());
    expect(scored.statusCode).toBe(200);
    expect((await inject('GET', `/v1/decisions/${scored.json().request_id}`, adminToken)).statusCode).toBe(404);
    expect(verifyChain(await storedChain(sentra.runtime.database.db, `acme-${store}`))).toBeUndefined();
  });
});
