import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../src/audit/audit-chain.js';
import { adminToken, startTestApp, type TestApp } from './support/test-app.js';
import { scoreBody } from './support/score-body.js';
import { storedChain } from './support/stored-chain.js';
import { createMerchant, sentryMinimalRequest } from './support/merchants.js';

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

  it("takes merchant fees in both processes' decision commits without ever spending past a balance", async () => {
    // Two merchants in the same batches of both processes: each batch locks both merchants' rows.
    const poor = await createMerchant(first.app, adminToken, { rate_limit_per_second: 100_000 }, '7.50');
    const rich = await createMerchant(first.app, adminToken, { rate_limit_per_second: 100_000 }, '100');
    const calls = Array.from({ length: 400 }, (_, index) => ({ app: index % 2 === 0 ? first : second, merchant: index % 4 < 2 ? poor : rich, id: `two-processes-${index}` }));
    const responses = await Promise.all(
      calls.map(({ app, merchant, id }) => app.app.inject({ method: 'POST', url: '/api/v1/sentry', headers: merchant.headers, payload: { ...sentryMinimalRequest(), event: { transactionId: id } } })),
    );
    const statuses = (merchant: typeof poor) => responses.filter((_, index) => calls[index]!.merchant === merchant).map((response) => response.statusCode);
    expect(statuses(rich)).toEqual(statuses(rich).map(() => 200));
    expect(statuses(poor).filter((status) => status === 200)).toHaveLength(150);
    expect(statuses(poor).filter((status) => status === 402)).toHaveLength(50);
    const db = first.runtime.database.db;
    const balances = await db.selectFrom('merchants').select(['id', 'balance_units']).where('id', 'in', [poor.merchantId, rich.merchantId]).execute();
    expect(Object.fromEntries(balances.map((row) => [row.id, Number(row.balance_units)]))).toEqual({ [poor.merchantId]: 0, [rich.merchantId]: 1_000_000 - 200 * 500 });
    const charges = await db.selectFrom('merchant_usage').select(['merchant_id', db.fn.countAll<string>().as('count')]).where('kind', '=', 'charge').groupBy('merchant_id').execute();
    expect(Object.fromEntries(charges.map((row) => [row.merchant_id, Number(row.count)]))).toEqual({ [poor.merchantId]: 150, [rich.merchantId]: 200 });
    expect(verifyChain(await storedChain(db, 'default'))).toBeUndefined();
  });
});
