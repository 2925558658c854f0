import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './database.js';
import type { Database } from './database-schema.js';
import { checkpointDue, minimumWalBytes, walSinceCheckpoint, type CheckpointPass } from './embedded-checkpoint.js';
import { EmbeddedVacuum } from './embedded-vacuum.js';
import type { Logger } from './logger.js';

const megabyte = 1024 * 1024;

describe('checkpointDue', () => {
  const rule = { walBytes: 64 * megabyte, maxAgeSeconds: 300 };
  it('asks for a checkpoint past the WAL size, or past the age once some WAL was written', () => {
    expect(checkpointDue({ bytes: 64 * megabyte, ageSeconds: 1 }, rule)).toBe(true);
    expect(checkpointDue({ bytes: 64 * megabyte - 1, ageSeconds: 299 }, rule)).toBe(false);
    expect(checkpointDue({ bytes: minimumWalBytes, ageSeconds: 300 }, rule)).toBe(true);
    // An idle server's few polls do not renew an old checkpoint.
    expect(checkpointDue({ bytes: minimumWalBytes - 1, ageSeconds: 3_600 }, rule)).toBe(false);
  });
});

describe('a single-user PostgreSQL (PGlite) and its WAL', () => {
  it('takes no checkpoint by itself, however far past max_wal_size its WAL goes', { timeout: 120_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sentra-wal-'));
    const pglite = await PGlite.create({ dataDir, postgresqlconf: ['max_wal_size=32MB', 'min_wal_size=32MB'] });
    try {
      // Stored as written (no compression), so each row's 32 KB goes into the WAL.
      await pglite.exec('create table filler (id serial primary key, body text); alter table filler alter column body set storage external');
      const redo = async () => (await pglite.query<{ redo: string }>('select redo_lsn::text as redo from pg_control_checkpoint()')).rows[0]!.redo;
      const before = await redo();
      // 3 × max_wal_size of WAL, in committed statements of about 1 MB each.
      for (let index = 0; index < 96; index++) await pglite.query(`insert into filler (body) select repeat(md5(random()::text), 1024) from generate_series(1, 32)`);
      const segments = readdirSync(join(dataDir, 'pg_wal')).filter((name) => /^[0-9A-F]{24}$/.test(name));
      expect(await redo()).toBe(before);
      expect(segments.length).toBeGreaterThan(4);
    } finally {
      await pglite.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('the embedded maintenance pass takes checkpoints', () => {
  let database: DatabaseHandle;
  let db: Kysely<Database>;
  const checkpoints: CheckpointPass[] = [];
  const quiet = { info: () => undefined, warn: () => undefined } as unknown as Logger;
  beforeAll(async () => {
    database = await openDatabase({ databaseUrl: undefined, dataDir: '', timeoutMs: 5_000, inMemory: true });
    db = database.db;
    await sql`create table t_wal (id serial primary key, body text)`.execute(db);
    await sql`alter table t_wal alter column body set storage external`.execute(db);
  });
  afterAll(() => database.close());

  it('once the WAL written since the last one passes the rule, and not again until it does', async () => {
    const sweep = new EmbeddedVacuum({
      db,
      logger: quiet,
      intervalMs: 0,
      metrics: { recordPass: () => undefined, recordCheckpoint: (checkpoint) => checkpoints.push(checkpoint) },
      checkpoint: { walBytes: 2 * megabyte, maxAgeSeconds: 300 },
    });
    await sweep.runOnce();
    checkpoints.length = 0;
    await sql`insert into t_wal (body) select repeat(md5(random()::text), 1024) from generate_series(1, 16)`.execute(db);
    expect((await walSinceCheckpoint(db)).bytes).toBeLessThan(2 * megabyte);
    expect((await sweep.runOnce()).checkpoint).toBeUndefined();

    await sql`insert into t_wal (body) select repeat(md5(random()::text), 1024) from generate_series(1, 64)`.execute(db);
    const written = (await walSinceCheckpoint(db)).bytes;
    expect(written).toBeGreaterThanOrEqual(2 * megabyte);
    const { checkpoint } = await sweep.runOnce();
    expect(checkpoint?.walBytes).toBeGreaterThanOrEqual(written);
    expect(checkpoints).toEqual([checkpoint]);
    expect((await walSinceCheckpoint(db)).bytes).toBeLessThan(minimumWalBytes);
    expect((await sweep.runOnce()).checkpoint).toBeUndefined();
  });
});
