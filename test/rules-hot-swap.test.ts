import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, type TestApp } from './support/test-app.js';
import { scoreBody } from './support/score-body.js';

/**
 * Two API processes on one PostgreSQL (two apps on one schema stand for two processes, as in
 * multi-process.test.ts): a rule or list change made through one reaches the other's scoring path
 * within the documented bound (the poll interval plus the reload), without a restart.
 */
describe.skipIf(process.env.DATABASE_URL === undefined)('rules hot-swapped across two processes on one PostgreSQL', () => {
  let first: TestApp;
  let second: TestApp;
  let sequence = 0;
  const inject = (app: TestApp, method: 'POST' | 'PUT', url: string, payload: object) =>
    app.app.inject({ method, url, headers: { authorization: `Bearer ${adminToken}` }, payload });
  const decisionOn = async (app: TestApp, sender = 'cust-1') => {
    sequence += 1;
    const body = scoreBody({ entities: { sender_entity_id: sender, device_id_hash: `hs-d-${sequence}`, ip_hash: `hs-i-${sequence}`, user_id: `hs-u-${sequence}` } });
    const response = await inject(app, 'POST', '/v1/risk/score', body);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().decision as string;
  };
  /** Milliseconds until the second process answers `expected` (polled every 50 ms, at most 10 s). */
  const untilSecondAnswers = async (expected: string, sender?: string) => {
    const started = performance.now();
    while (performance.now() - started < 10_000) {
      if ((await decisionOn(second, sender)) === expected) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`the second process never answered ${expected}`);
  };

  beforeAll(async () => {
    first = await startTestApp('postgres');
    const artifacts = first.runtime.config.artifactStore;
    second = await startTestApp('postgres', {
      DATABASE_URL: first.runtime.config.databaseUrl!,
      ...(artifacts.kind === 'local' ? { SENTRA_ARTIFACT_DIR: artifacts.directory } : {}),
      ...(first.runtime.config.redisUrl === undefined ? {} : { SENTRA_REDIS_PREFIX: first.runtime.config.redisKeyPrefix }),
    });
    expect((await inject(first, 'PUT', '/v1/admin/thresholds', { review_at: 1000, hold_at: 1000, block_at: 1000 })).statusCode).toBe(200);
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('swaps a new rule, an edit, a disable and a list entry into the other process within the bound', async () => {
    const bound = second.runtime.rules.pollMs + 1_000;
    // Thresholds are cached for 2 s per process: wait until the second applies them, and holds the (empty) rule set.
    await untilSecondAnswers('PASS');
    const created = await inject(first, 'POST', '/v1/rules', { name: 'Everything', expression: 'tx.amount > 0', action: 'BLOCK' });
    expect(created.statusCode, created.body).toBe(201);
    const ruleId = created.json().rule_id as string;
    expect(await decisionOn(first)).toBe('BLOCK');
    expect(await untilSecondAnswers('BLOCK')).toBeLessThan(bound);
    expect((await inject(first, 'PUT', `/v1/rules/${ruleId}`, { name: 'Everything', expression: 'tx.amount > 0', action: 'HOLD' })).statusCode).toBe(200);
    expect(await untilSecondAnswers('HOLD')).toBeLessThan(bound);
    expect((await inject(first, 'POST', `/v1/rules/${ruleId}/disable`, {})).statusCode).toBe(200);
    expect(await untilSecondAnswers('PASS')).toBeLessThan(bound);
    expect((await inject(first, 'POST', '/v1/lists', { name: 'mules', kind: 'entity_id' })).statusCode).toBe(201);
    expect((await inject(second, 'POST', '/v1/rules', { name: 'Mules', expression: 'entities.sender_entity_id in lists.mules', action: 'REVIEW' })).statusCode).toBe(201);
    expect(await decisionOn(second, 'mule-9')).toBe('PASS');
    expect((await inject(first, 'POST', '/v1/lists/mules/entries', { entries: [{ value: 'mule-9' }] })).statusCode).toBe(200);
    expect(await untilSecondAnswers('REVIEW', 'mule-9')).toBeLessThan(bound);
  });
});
