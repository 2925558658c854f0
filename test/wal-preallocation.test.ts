import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/platform/database.js';
import { createLogger } from '../src/platform/logger.js';
import { currentWalSegment, segmentAfter, WalPreallocator, walSegmentBytes } from '../src/platform/wal-preallocation.js';
import { serve } from './support/serve-process.js';
import { seriesValue } from './support/metrics-page.js';
import { until } from './support/webhook-receiver.js';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('WAL segments made ready ahead of the embedded database', () => {
  it('names the segments after one as PostgreSQL does, across a log id', () => {
    const mb16 = 16 * 1024 * 1024;
    expect(segmentAfter('000000010000000000000005', 1, mb16)).toBe('000000010000000000000006');
    expect(segmentAfter('0000000100000000000000FE', 2, mb16)).toBe('000000010000000100000000');
    expect(segmentAfter('000000020000000300000001', 300, mb16)).toBe('00000002000000040000002D');
    expect(segmentAfter('000000010000000000000FFF', 1, 1024 * 1024)).toBe('000000010000000100000000');
  });

  it('makes the next two segments, which the database then writes into as they are, and recovers from', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sentra-wal-'));
    folders.push(dataDir);
    const database = await openDatabase({ databaseUrl: undefined, dataDir, timeoutMs: 30_000 });
    const walDir = database.walDir!;
    expect(walDir).toBe(join(dataDir, 'pgdata', 'pg_wal'));
    let prepared = 0;
    const segmentBytes = await walSegmentBytes(database.db);
    expect(segmentBytes).toBe(16 * 1024 * 1024);
    const preallocator = new WalPreallocator({ walDir, currentSegment: () => currentWalSegment(database.db), segmentBytes, logger: createLogger('silent'), prepared: () => prepared++ });
    const start = await currentWalSegment(database.db);
    expect(await preallocator.prepare()).toBe(2);
    expect(await preallocator.prepare()).toBe(0);
    expect(prepared).toBe(2);
    const ahead = [1, 2].map((step) => join(walDir, segmentAfter(start, step, segmentBytes)));
    const made = ahead.map((path) => statSync(path));
    for (const stat of made) expect(stat.size).toBe(segmentBytes);
    expect(readFileSync(ahead[1]!).every((byte) => byte === 0)).toBe(true);

    // About 40 MB of WAL: the database moves through both segments made ahead.
    await sql`create table filler (n integer primary key, text text not null)`.execute(database.db);
    await sql`insert into filler select n, repeat(md5(n::text), 32) from generate_series(1, 36000) as n`.execute(database.db);
    const now = await currentWalSegment(database.db);
    expect(now > ahead.map((path) => path.slice(-24))[1]!).toBe(true);
    // The same files (inodes): PostgreSQL opened the segments as made instead of making its own.
    expect(ahead.map((path) => statSync(path).ino)).toEqual(made.map((stat) => stat.ino));
    await database.close();

    const reopened = await openDatabase({ databaseUrl: undefined, dataDir, timeoutMs: 30_000 });
    try {
      const count = await sql<{ count: string | number }>`select count(*) as count from filler`.execute(reopened.db);
      expect(Number(count.rows[0]!.count)).toBe(36000);
    } finally {
      await reopened.close();
    }
  });

  it('a server on a data folder keeps the two segments after the one in use ready, and says so in /metrics', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sentra-wal-serve-'));
    folders.push(dataDir);
    const server = await serve(dataDir, 18_491);
    try {
      const prepared = async () => seriesValue(await (await fetch('http://127.0.0.1:18491/metrics')).text(), 'sentra_db_wal_segments_prepared_total');
      await until(async () => (await prepared()) === 2, 'two segments made ready');
      // A fresh data folder writes into its first segment: the next two are there, 16 MB each.
      const segments = readdirSync(join(dataDir, 'pgdata', 'pg_wal')).filter((name) => /^[0-9A-F]{24}$/.test(name)).sort();
      expect(segments).toHaveLength(3);
      expect(segments.slice(1)).toEqual([1, 2].map((step) => segmentAfter(segments[0]!, step, 16 * 1024 * 1024)));
      expect(statSync(join(dataDir, 'pgdata', 'pg_wal', segments[2]!)).size).toBe(16 * 1024 * 1024);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('never replaces a segment file that exists', async () => {
    const walDir = mkdtempSync(join(tmpdir(), 'sentra-wal-dir-'));
    folders.push(walDir);
    const segmentBytes = 1024 * 1024;
    const existing = join(walDir, '000000010000000000000008');
    writeFileSync(existing, 'written by PostgreSQL');
    const preallocator = new WalPreallocator({ walDir, currentSegment: async () => '000000010000000000000007', segmentBytes, logger: createLogger('silent') });
    expect(await preallocator.prepare()).toBe(1);
    expect(readFileSync(existing, 'utf8')).toBe('written by PostgreSQL');
    expect(statSync(join(walDir, '000000010000000000000009')).size).toBe(segmentBytes);
  });
});
