import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/platform/clock.js';
import { adminToken, startTestApp, type TestApp } from './support/test-app.js';
import { startTcpProxy } from './support/tcp-proxy.js';

/**
 * Scaled mode: a bearer token's requests per second (SENTRA_TOKEN_RATE_LIMIT) are counted in Redis,
 * so two API processes together admit the limit, not twice it. Two apps on one PostgreSQL schema and
 * one Redis prefix stand for two processes; both clocks stand still inside the same second.
 */
describe.skipIf(process.env.DATABASE_URL === undefined || process.env.REDIS_URL === undefined)('bearer-token rate limit shared by two API processes', () => {
  const limit = 5;
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    const clock = new ManualClock(Date.parse('2026-12-03T10:00:00.100Z'));
    first = await startTestApp('postgres', { SENTRA_TOKEN_RATE_LIMIT: String(limit) }, { clock });
    const artifacts = first.runtime.config.artifactStore;
    second = await startTestApp(
      'postgres',
      {
        SENTRA_TOKEN_RATE_LIMIT: String(limit),
        DATABASE_URL: first.runtime.config.databaseUrl!,
        SENTRA_REDIS_PREFIX: first.runtime.config.redisKeyPrefix,
        // Processes share the model artifacts (a folder every host mounts, or S3).
        ...(artifacts.kind === 'local' ? { SENTRA_ARTIFACT_DIR: artifacts.directory } : {}),
      },
      { clock },
    );
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('admits the limit across both processes within one second and answers the rest 429 with Retry-After', async () => {
    const me = (app: TestApp) => app.app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${adminToken}` } });
    const responses = [];
    // Four to each process: within each process's own count, but eight together.
    for (let index = 0; index < 8; index++) responses.push(await me(index % 2 === 0 ? first : second));
    const statuses = responses.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 200)).toHaveLength(limit);
    const refused = responses.filter((response) => response.statusCode === 429);
    expect(refused).toHaveLength(8 - limit);
    for (const response of refused) {
      expect(response.json().error.code).toBe('SENTRA_ERR_RATE_LIMITED');
      expect(response.headers['retry-after']).toBe('1');
    }
  });
});

describe.skipIf(process.env.REDIS_URL === undefined)('bearer-token rate limit while Redis is cut', () => {
  it('keeps answering token requests (the process counts alone) instead of refusing them for want of a limiter', async () => {
    const redisUrl = new URL(process.env.REDIS_URL!);
    const proxy = await startTcpProxy(redisUrl.hostname, Number(redisUrl.port || 6379));
    redisUrl.hostname = '127.0.0.1';
    redisUrl.port = String(proxy.port);
    const sentra = await startTestApp('pglite', { REDIS_URL: redisUrl.toString(), SENTRA_REDIS_PREFIX: `test:rate-cut:${process.pid}`, SENTRA_DB_TIMEOUT_MS: '500', SENTRA_TOKEN_RATE_LIMIT: '1000' });
    const me = () => sentra.app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${adminToken}` } });
    try {
      expect((await me()).statusCode).toBe(200);
      await proxy.refuse();
      const during = [];
      for (let index = 0; index < 5; index++) during.push((await me()).statusCode);
      expect(during).toEqual([200, 200, 200, 200, 200]);
    } finally {
      await sentra.app.close();
      await proxy.close();
    }
  });
});
