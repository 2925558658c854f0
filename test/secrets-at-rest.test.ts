import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import { createMerchant } from './support/merchants.js';

/**
 * Every credential Sentra issues or is given, looked for in every row of every table: bearer tokens
 * and merchant API keys are stored as hashes only, outbound webhook signing secrets and PSP feed
 * secrets sealed under the installation's key. A column (or an audit entry) added later that keeps
 * one of them in clear fails here, whatever table it is in.
 */
describe.each(storeKinds)('credentials at rest on %s', (store) => {
  let sentra: TestApp;
  const admin = { authorization: `Bearer ${adminToken}` };

  beforeAll(async () => {
    sentra = await startTestApp(store, { SENTRA_WEBHOOK_ALLOW_PRIVATE: 'true', ...(store === 'postgres' ? { SENTRA_FEED_KEY: 'd4'.repeat(32) } : {}) });
  });
  afterAll(async () => {
    await sentra.close();
  });

  /** Every row of every table of the current schema, as JSON text. */
  async function everyRow(): Promise<string> {
    const db = sentra.runtime.database.db;
    const tables = (
      await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db)
    ).rows.map((row) => row.table_name);
    expect(tables).toEqual(expect.arrayContaining(['api_tokens', 'merchant_keys', 'webhook_endpoints', 'feed_secrets', 'audit_log']));
    const dumps: string[] = [];
    for (const table of tables) {
      const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db)).rows;
      dumps.push(`${table}: ${JSON.stringify(rows, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value instanceof Uint8Array ? Buffer.from(value).toString('latin1') : value))}`);
    }
    return dumps.join('\n');
  }

  it('keeps no token, merchant key, webhook secret or feed secret in clear in any table', async () => {
    const issued = await sentra.app.inject({ method: 'POST', url: '/v1/admin/tokens', headers: admin, payload: { name: 'at-rest', role: 'service' } });
    expect(issued.statusCode, issued.body).toBe(201);
    const token = (issued.json() as { token: string }).token;
    const merchant = await createMerchant(sentra.app, adminToken, { name: 'At-rest shop', mode: 'live' });
    const feedSecret = 'whsec_feed_secret_at_rest_0123456789abcdef';
    const feed = await sentra.app.inject({ method: 'PUT', url: `/v1/admin/merchants/${merchant.merchantId}/feeds/stripe`, headers: admin, payload: { secrets: [feedSecret] } });
    expect(feed.statusCode, feed.body).toBe(200);
    const endpoint = await sentra.app.inject({ method: 'POST', url: `/v1/admin/merchants/${merchant.merchantId}/webhooks`, headers: admin, payload: { url: 'http://127.0.0.1:9/hook', events: ['decision.created'] } });
    expect(endpoint.statusCode, endpoint.body).toBe(201);
    const webhookSecret = (endpoint.json() as { secret: string }).secret;
    // Each credential works, so what is looked for is the real thing.
    expect((await sentra.app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
    expect(webhookSecret).toMatch(/^whsec_/);

    const stored = await everyRow();
    for (const [what, secret] of [
      ['bootstrap admin token', adminToken],
      ['issued bearer token', token],
      ['merchant API key', merchant.apiKey],
      ['PSP feed secret', feedSecret],
      ['outbound webhook signing secret', webhookSecret],
    ] as const) {
      const line = stored.split('\n').find((candidate) => candidate.includes(secret));
      expect(line?.split(':')[0], `${what} stored in clear`).toBeUndefined();
    }
  });
});
