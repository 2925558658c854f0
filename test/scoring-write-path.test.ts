import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { verifyChain } from '../src/audit/audit-chain.js';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import { scoreBody } from './support/score-body.js';
import { rowCounts } from './support/row-counts.js';
import { storedChain } from './support/stored-chain.js';

const auth = { authorization: `Bearer ${adminToken}` };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const scoreWith = (sentra: TestApp, body: unknown) => sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers: auth, payload: body as object });

async function scoresOf(sentra: TestApp, txId: string) {
  return sentra.runtime.database.db.selectFrom('risk_scores').select(['id', 'request_digest']).where('tx_id', '=', txId).execute();
}

describe.each(storeKinds)('the scoring write path on %s', (store) => {
  let sentra: TestApp;
  beforeAll(async () => {
    sentra = await startTestApp(store);
  });
  afterAll(async () => {
    await sentra.close();
  });
  const score = (body: unknown) => scoreWith(sentra, body);

  it('answers a retried request (same tx_id, same body) with the stored decision and writes nothing more', async () => {
    const body = scoreBody({ transaction: { amount: '310.00' } });
    const first = await score(body);
    expect(first.statusCode).toBe(200);
    const before = await rowCounts(sentra.runtime.database.db);
    const retry = await score(structuredClone(body));
    expect(retry.statusCode).toBe(200);
    const { latency_ms: _first, ...firstAnswer } = first.json();
    const { latency_ms: _retry, ...retryAnswer } = retry.json();
    expect(retryAnswer).toEqual(firstAnswer);
    expect(await rowCounts(sentra.runtime.database.db)).toEqual(before);
    const stored = await sentra.app.inject({ method: 'GET', url: `/v1/decisions/${first.json().request_id}`, headers: auth });
    expect(stored.json().tx_id).toBe(body.transaction.tx_id);
  });

  it('decides identical requests sent at once one time: every caller gets the same decision', async () => {
    const body = scoreBody();
    const before = await rowCounts(sentra.runtime.database.db);
    const answers = await Promise.all(Array.from({ length: 6 }, () => score(structuredClone(body))));
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(new Set(answers.map((answer) => answer.json().request_id)).size).toBe(1);
    expect(await scoresOf(sentra, body.transaction.tx_id)).toHaveLength(1);
    const after = await rowCounts(sentra.runtime.database.db);
    expect(after.audit_log! - before.audit_log!).toBe(1);
    expect(after.risk_scores! - before.risk_scores!).toBe(1);
    expect(verifyChain(await storedChain(sentra.runtime.database.db, 'default'))).toBeUndefined();
  });

  it('still scores a changed request for the same tx_id again (a re-score), and a retry of each answers its own decision', async () => {
    const body = scoreBody({ transaction: { status: 'pending' } });
    const changed = { ...body, transaction: { ...body.transaction, status: 'completed' as const } };
    const first = (await score(body)).json();
    const second = (await score(changed)).json();
    expect(second.request_id).not.toBe(first.request_id);
    expect((await score(body)).json().request_id).toBe(first.request_id);
    expect((await score(changed)).json().request_id).toBe(second.request_id);
    expect(await scoresOf(sentra, body.transaction.tx_id)).toHaveLength(2);
  });

  it('refuses a created_at later than the clock plus the allowed skew, with its path, and writes nothing', async () => {
    const before = await rowCounts(sentra.runtime.database.db);
    const future = scoreBody({ transaction: { created_at: new Date(Date.now() + 3_600_000).toISOString() } });
    const response = await score(future);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('SENTRA_ERR_VALIDATION');
    expect(response.json().error.details).toEqual([expect.objectContaining({ code: 'range', path: '/transaction/created_at' })]);
    expect(await rowCounts(sentra.runtime.database.db)).toEqual(before);
    const withinSkew = await score(scoreBody({ transaction: { created_at: new Date(Date.now() + 60_000).toISOString() } }));
    expect(withinSkew.statusCode).toBe(200);
  });

  it('refuses a string with an unpaired UTF-16 surrogate with 400 at its path, writing nothing', async () => {
    const before = await rowCounts(sentra.runtime.database.db);
    const payload = JSON.stringify(scoreBody()).replace('approved by issuer', 'approved \\ud800 by issuer');
    const response = await sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers: { ...auth, 'content-type': 'application/json' }, payload });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([expect.objectContaining({ code: 'character', path: '/transaction/status_reason' })]);
    expect(await rowCounts(sentra.runtime.database.db)).toEqual(before);
  });
});

describe.each(storeKinds)('a bounded write backlog on %s', (store) => {
  let sentra: TestApp;
  beforeAll(async () => {
    sentra = await startTestApp(store, { SENTRA_WRITE_BACKLOG: '1' });
  });
  afterAll(async () => {
    await sentra.close();
  });

  it('answers 503 SENTRA_ERR_OVERLOADED with Retry-After at once past the backlog, and writes exactly the answered decisions', async () => {
    expect((await scoreWith(sentra, scoreBody())).statusCode).toBe(200);
    const before = await rowCounts(sentra.runtime.database.db);
    const answers = await Promise.all(Array.from({ length: 60 }, () => scoreWith(sentra, scoreBody())));
    const overloaded = answers.filter((answer) => answer.statusCode === 503);
    const accepted = answers.filter((answer) => answer.statusCode === 200);
    expect(overloaded.length + accepted.length).toBe(answers.length);
    expect(overloaded.length).toBeGreaterThan(0);
    for (const answer of overloaded) {
      expect(answer.json().error.code).toBe('SENTRA_ERR_OVERLOADED');
      expect(answer.headers['retry-after']).toBe('1');
    }
    const after = await rowCounts(sentra.runtime.database.db);
    expect(after.risk_scores! - before.risk_scores!).toBe(accepted.length);
    expect(after.audit_log! - before.audit_log!).toBe(accepted.length);
  });
});

describe.skipIf(process.env.DATABASE_URL === undefined)('a queue deadline on PostgreSQL', () => {
  it('never writes the decision of a caller told 503 while it waited in the queue; its retry is decided once', async () => {
    const sentra = await startTestApp('postgres', { SENTRA_DB_TIMEOUT_MS: '250' });
    const blocker = new pg.Client({ connectionString: sentra.runtime.config.databaseUrl });
    await blocker.connect();
    try {
      expect((await scoreWith(sentra, scoreBody())).statusCode).toBe(200);
      // Another session holds the decision table: the batch in flight waits for it, reads go on.
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE risk_scores IN SHARE ROW EXCLUSIVE MODE');
      const inFlightBody = scoreBody();
      const inFlight = scoreWith(sentra, inFlightBody);
      await sleep(100);
      const queuedBody = scoreBody();
      const queued = await scoreWith(sentra, queuedBody);
      expect(queued.statusCode).toBe(503);
      expect(queued.json().error.code).toBe('SENTRA_ERR_STORE_UNAVAILABLE');
      await sleep(300);
      await blocker.query('COMMIT');
      expect((await inFlight).statusCode).toBe(200);
      await sentra.runtime.writer.drain();
      expect(await scoresOf(sentra, inFlightBody.transaction.tx_id)).toHaveLength(1);
      expect(await scoresOf(sentra, queuedBody.transaction.tx_id)).toHaveLength(0);
      const retried = await scoreWith(sentra, queuedBody);
      expect(retried.statusCode).toBe(200);
      expect(await scoresOf(sentra, queuedBody.transaction.tx_id)).toEqual([expect.objectContaining({ id: retried.json().request_id })]);
    } finally {
      await blocker.end();
      await sentra.close();
    }
  });
});
