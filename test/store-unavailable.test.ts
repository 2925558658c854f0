import { describe, expect, it } from 'vitest';
import { adminToken, freshPostgresSchema, startTestApp } from './support/test-app.js';
import { scoreBody } from './support/score-body.js';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.js';
import { rowCounts } from './support/row-counts.js';

const score = (sentra: Awaited<ReturnType<typeof startTestApp>>) =>
  sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers: { authorization: `Bearer ${adminToken}` }, payload: scoreBody() });

/**
 * The first score of a fresh app warms the model, the feature store's scripts and the connections;
 * on a loaded machine that can take longer than the short deadline these tests set, so it is
 * retried (boundedly) until accepted. What is tested is the answer once the store is cut.
 */
async function warmUp(sentra: Awaited<ReturnType<typeof startTestApp>>): Promise<void> {
  let status = 0;
  for (let attempt = 0; attempt < 20 && status !== 200; attempt++) status = (await score(sentra)).statusCode;
  expect(status).toBe(200);
}

/** A score gets 503 with Retry-After and SENTRA_ERR_STORE_UNAVAILABLE within 5 s. */
async function expectUnavailable(sentra: Awaited<ReturnType<typeof startTestApp>>): Promise<void> {
  const started = performance.now();
  const response = await score(sentra);
  expect(response.statusCode).toBe(503);
  expect(response.headers['retry-after']).toBe('1');
  expect(response.json().error.code).toBe('SENTRA_ERR_STORE_UNAVAILABLE');
  expect(performance.now() - started).toBeLessThan(5_000);
}

/** Cuts the store behind the proxy twice (hung, then refusing): each time a score is unavailable. */
async function expectUnavailableWhileCut(sentra: Awaited<ReturnType<typeof startTestApp>>, proxy: TcpProxy): Promise<void> {
  for (const cut of [async () => proxy.blackhole(), () => proxy.refuse()]) {
    await cut();
    await expectUnavailable(sentra);
  }
}

describe('database unreachable', () => {
  it('answers 503 with Retry-After, not 500, when the embedded database is gone', async () => {
    const sentra = await startTestApp('pglite');
    try {
      expect((await score(sentra)).statusCode).toBe(200);
      await sentra.runtime.database.close();
      await expectUnavailable(sentra);
      const ready = await sentra.app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json().checks.database).toBe(false);
    } finally {
      await sentra.app.close();
    }
  });

  it.skipIf(process.env.DATABASE_URL === undefined)('answers 503 within the deadline when PostgreSQL refuses or hangs', async () => {
    const url = new URL(await freshPostgresSchema());
    const proxy = await startTcpProxy(url.hostname, Number(url.port || 5432));
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    const sentra = await startTestApp('pglite', { DATABASE_URL: url.toString(), SENTRA_DB_TIMEOUT_MS: '500' });
    try {
      await warmUp(sentra);
      await expectUnavailableWhileCut(sentra, proxy);
    } finally {
      await sentra.app.close();
      await proxy.close();
    }
  });

  it.skipIf(process.env.REDIS_URL === undefined)('answers 503 within the deadline when the Redis profile store hangs or refuses, and writes nothing', async () => {
    const redisUrl = new URL(process.env.REDIS_URL!);
    const proxy = await startTcpProxy(redisUrl.hostname, Number(redisUrl.port || 6379));
    redisUrl.hostname = '127.0.0.1';
    redisUrl.port = String(proxy.port);
    const sentra = await startTestApp('pglite', { REDIS_URL: redisUrl.toString(), SENTRA_REDIS_PREFIX: `test:redis-down:${process.pid}`, SENTRA_DB_TIMEOUT_MS: '500' });
    try {
      await warmUp(sentra);
      const scoresBefore = await rowCounts(sentra.runtime.database.db);
      await expectUnavailableWhileCut(sentra, proxy);
      expect(await rowCounts(sentra.runtime.database.db)).toEqual(scoresBefore);
    } finally {
      await sentra.app.close();
      await proxy.close();
    }
  });
});
