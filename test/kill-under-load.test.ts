import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/platform/database.js';
import { expectAnsweredServed, expectStoreConsistent, loadUntilKill } from './support/kill-under-load.js';
import { serve } from './support/serve-process.js';
import { freshPostgresSchema } from './support/test-app.js';

const token = 'kill-test-admin-token-0123456789';
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

describe('kill -9 of an embedded server under load', () => {
  it('keeps every decision it answered with 200, exactly once, with its case and audit entry, and the chain verifies', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sentra-kill-'));
    try {
      const run = await loadUntilKill(await serve(dataDir, 18_431, { SENTRA_BOOTSTRAP_TOKEN: token }), 18_431, headers);
      // The restarted server takes over the dead one's lock and serves every answered decision.
      const second = await serve(dataDir, 18_432, { SENTRA_BOOTSTRAP_TOKEN: token });
      await expectAnsweredServed(18_432, headers, run);
      expect(await second.stop()).toBe(0);

      const database = await openDatabase({ databaseUrl: undefined, dataDir, timeoutMs: 5_000 });
      try {
        await expectStoreConsistent(database.db, run);
      } finally {
        await database.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});

/** The scaled mode: `sentra serve` on PostgreSQL (a fresh schema) with profiles in Redis (a unique key prefix). */
describe.skipIf(process.env.DATABASE_URL === undefined || !process.env.REDIS_URL)('kill -9 of a scaled server (PostgreSQL + Redis) under load', () => {
  it('keeps every decision it answered with 200, exactly once, with its case and audit entry, and the chain verifies', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sentra-kill-scaled-'));
    const databaseUrl = await freshPostgresSchema();
    const redisUrl = process.env.REDIS_URL!;
    const prefix = `test:kill:${process.pid}:${Date.now().toString(36)}`;
    const env = { SENTRA_BOOTSTRAP_TOKEN: token, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, SENTRA_REDIS_PREFIX: prefix };
    try {
      const run = await loadUntilKill(await serve(dataDir, 18_433, env), 18_433, headers, { prefix: 'kill-scaled' });
      const second = await serve(dataDir, 18_434, env);
      await expectAnsweredServed(18_434, headers, run);
      expect(await second.stop()).toBe(0);

      const database = await openDatabase({ databaseUrl, dataDir, timeoutMs: 5_000 });
      try {
        await expectStoreConsistent(database.db, run);
      } finally {
        await database.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
      const redis = new Redis(redisUrl);
      try {
        const keys = await redis.keys(`${prefix}:*`);
        if (keys.length > 0) await redis.del(...keys);
      } finally {
        redis.disconnect();
      }
    }
  }, 240_000);
});
