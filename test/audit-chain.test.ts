import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../src/audit/audit-chain.js';
import { storedChain } from './support/stored-chain.js';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import { scoreBody } from './support/score-body.js';

describe.each(storeKinds)('audit hash chain on %s', (store) => {
  let sentra: TestApp;
  beforeAll(async () => {
    sentra = await startTestApp(store);
  });
  afterAll(async () => {
    await sentra.close();
  });
  const score = () =>
    sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers: { authorization: `Bearer ${adminToken}` }, payload: scoreBody() });

  it('links every decision and admin action into one verifiable chain, also when other writers append in between', async () => {
    await Promise.all(Array.from({ length: 20 }, score));
    const change = await sentra.app.inject({
      method: 'PUT',
      url: '/v1/admin/thresholds',
      headers: { authorization: `Bearer ${adminToken}` },
      payload: { review_at: 250, hold_at: 600, block_at: 850 },
    });
    expect(change.statusCode).toBe(200);
    const after = await Promise.all(Array.from({ length: 20 }, score));
    expect(after.every((response) => response.statusCode === 200)).toBe(true);
    const chain = await storedChain(sentra.runtime.database.db, 'default');
    const actions = chain.map((entry) => entry.action);
    expect(actions.filter((action) => action === 'decision.created')).toHaveLength(40);
    expect(actions).toContain('thresholds.changed');
    expect(actions).toContain('model.activated');
    expect(verifyChain(chain)).toBeUndefined();
    const head = await sentra.runtime.database.db.selectFrom('audit_heads').selectAll().where('tenant_id', '=', 'default').executeTakeFirstOrThrow();
    expect(Number(head.seq)).toBe(chain.length);
    expect(head.hash).toBe(chain[chain.length - 1]!.hash);
  });

  it('detects an edited entry', async () => {
    const chain = await storedChain(sentra.runtime.database.db, 'default');
    const tampered = chain.map((entry, index) => (index === 5 ? { ...entry, payload: { ...entry.payload, tampered: true } } : entry));
    expect(verifyChain(tampered)).toEqual({ seq: 6, problem: 'hash' });
    expect(verifyChain(chain.filter((_, index) => index !== 3))).toEqual({ seq: 5, problem: 'sequence' });
  });
});
