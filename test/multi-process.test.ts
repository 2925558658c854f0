import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../src/audit/audit-chain.js';
import { adminToken, startTestApp, type TestApp } from './support/test-app.js';
import { scoreBody } from './support/score-body.js';
import { storedChain } from './support/stored-chain.js';

/**
 * The scaled mode: several API processes on one PostgreSQL (and one Redis). Two apps on the same
 * schema stand for two processes; both score for the same tenant at once, so their group commits
 * keep appending to the same audit chain.
 */
describe.skipIf(process.env.DATABASE_URL === undefined)('two API processes on one PostgreSQL', () => {
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    first = await startTestApp('postgres');
    const artifacts = first.runtime.config.artifactStore;
    second = await startTestApp('postgres', {
      DATABASE_URL: first.runtime.config.databaseUrl!,
      // Processes share the model artifacts (a folder every host mounts, or S3).
      ...(artifacts.kind === 'local' ? { SENTRA_ARTIFACT_DIR: artifacts.directory } : {}),
      ...(first.runtime.config.redisUrl === undefined ? {} : { SENTRA_REDIS_PREFIX: first.runtime.config.redisKeyPrefix }),
    });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('answers every request and keeps one linear, verifiable audit chain per tenant', async () => {
    const score = (app: TestApp) =>
      app.app.inject({ method: 'POST', url: '/v1/risk/score', headers: { authorization: `Bearer ${adminToken}` }, payload: scoreBody() });
    const rounds = 4;
    const perRound = 40;
    for (let round = 0; round < rounds; round++) {
      const responses = await Promise.all(Array.from({ length: perRound }, (_, index) => score(index % 2 === 0 ? first : second)));
      expect(responses.map((response) => response.statusCode)).toEqual(responses.map(() => 200));
    }
    const db = first.runtime.database.db;
    const chain = await storedChain(db, 'default');
    expect(verifyChain(chain)).toBeUndefined();
    expect(chain.filter((entry) => entry.action === 'decision.created')).toHaveLength(rounds * perRound);
    const scores = await db.selectFrom('risk_scores').select(db.fn.countAll().as('count')).where('tenant_id', '=', 'default').executeTakeFirstOrThrow();
    expect(Number(scores.count)).toBe(rounds * perRound);
  });
});
