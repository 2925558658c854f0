import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, type TestApp } from './support/test-app.js';
import { scoreBody } from './support/score-body.js';
import { serve } from './support/serve-process.js';
import { seriesValue } from './support/metrics-page.js';

const headers = { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' };

describe('the embedded database flushes each commit to stable storage', () => {
  let durable: TestApp;
  let unsynced: TestApp;
  beforeAll(async () => {
    durable = await startTestApp('pglite', {}, { inMemoryDatabase: false });
    unsynced = await startTestApp('pglite', { SENTRA_DB_FSYNC: 'false' }, { inMemoryDatabase: false });
  });
  afterAll(async () => {
    await durable?.close();
    await unsynced?.close();
  });

  const metrics = async (app: TestApp) => (await app.app.inject({ method: 'GET', url: '/metrics' })).body;
  const scoreOne = async (app: TestApp) => {
    const response = await app.app.inject({ method: 'POST', url: '/v1/risk/score', headers, payload: scoreBody() });
    expect(response.statusCode).toBe(200);
  };

  it('makes at least one fsync per answered decision when payments come one at a time', async () => {
    const before = seriesValue(await metrics(durable), 'sentra_db_fsyncs_total');
    expect(before, 'sentra_db_fsyncs_total is exported').toBeDefined();
    for (let index = 0; index < 10; index++) await scoreOne(durable);
    const after = seriesValue(await metrics(durable), 'sentra_db_fsyncs_total')!;
    expect(after - before!).toBeGreaterThanOrEqual(10);
    expect(seriesValue(await metrics(durable), 'sentra_db_fsync_seconds_total')).toBeGreaterThan(0);
  });

  it('reports no flushes when fsync is turned off for throwaway data', async () => {
    await scoreOne(unsynced);
    expect(seriesValue(await metrics(unsynced), 'sentra_db_fsyncs_total')).toBeUndefined();
  });

  it('refuses a SENTRA_DB_FSYNC that is not true or false', async () => {
    await expect(startTestApp('pglite', { SENTRA_DB_FSYNC: 'sometimes' })).rejects.toThrow(/SENTRA_DB_FSYNC/);
  });
});

const strace = (() => {
  try {
    execFileSync('strace', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/**
 * The proof at the operating system's boundary: a real `sentra serve` runs under strace, which logs
 * every fsync (with the file it flushed) and every socket write, in the order the kernel saw them.
 * Payments are sent one after the other, so between one answer and the next the server must have
 * flushed the write-ahead log, before it wrote the answer. `.ci/run` installs strace.
 */
describe.skipIf(!strace)('each answer is written only after its commit reached stable storage (strace)', () => {
  it('flushes pg_wal between every two answered payments', { timeout: 120_000 }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sentra-fsync-'));
    const trace = join(dataDir, 'strace.log');
    try {
      const server = await serve(dataDir, 18_471, { SENTRA_BOOTSTRAP_TOKEN: adminToken }, ['strace', '-f', '-y', '-s', '16', '-e', 'trace=fsync,write,writev', '-o', trace]);
      const marker = 'durability-marker';
      // An unknown route answers 404 and commits nothing: its socket write marks where the window starts.
      await fetch(`http://127.0.0.1:18471/${marker}`);
      const payments = 12;
      for (let index = 0; index < payments; index++) {
        const response = await fetch('http://127.0.0.1:18471/v1/risk/score', { method: 'POST', headers, body: JSON.stringify(scoreBody()) });
        expect(response.status).toBe(200);
        await response.arrayBuffer();
      }
      // strace does not pass SIGTERM on: stop the server itself (its pid is in the data folder's lock).
      const { pid } = JSON.parse(await readFile(join(dataDir, 'sentra.lock'), 'utf8')) as { pid: number };
      process.kill(pid, 'SIGTERM');
      expect(await server.exited()).toBe(0);
      const lines = (await readFile(trace, 'utf8')).split('\n');
      const start = lines.findIndex((line) => line.includes('HTTP/1.1 404'));
      expect(start, 'the marker request was traced').toBeGreaterThanOrEqual(0);
      const flushesBeforeEachAnswer = walFlushesBeforeEachAnswer(lines.slice(start + 1));
      expect(flushesBeforeEachAnswer).toHaveLength(payments);
      expect(flushesBeforeEachAnswer.filter((count) => count === 0), 'answers written without a WAL fsync before them').toEqual([]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

/**
 * Counts the completed fsyncs of a WAL segment before each `HTTP/1.1 200` write in a `strace -f -y`
 * log. A flush counts where it completed: on its one line (`fsync(7</…/pg_wal/…>) = 0`), or, when
 * another thread's call interrupted it, on its `<... fsync resumed>) = 0` line, matched to the
 * `<unfinished ...>` line of the same thread that named a WAL segment. strace pads a short line
 * before its result (`<... fsync resumed>)              = 0`), so any run of spaces goes before `=`.
 */
function walFlushesBeforeEachAnswer(lines: string[]): number[] {
  const walSegment = /fsync\(\d+<[^>]*\/pg_wal\/[0-9A-F]{24}>/;
  const succeeded = /\) += 0$/;
  const unfinishedWalFlush = new Set<string>();
  const counts: number[] = [];
  let flushes = 0;
  for (const line of lines) {
    const thread = /^(\d+) /.exec(line)?.[1] ?? '';
    if (walSegment.test(line) && line.includes('<unfinished ...>')) unfinishedWalFlush.add(thread);
    else if (walSegment.test(line) && succeeded.test(line)) flushes++;
    else if (line.includes('<... fsync resumed>')) {
      if (unfinishedWalFlush.delete(thread) && succeeded.test(line)) flushes++;
    } else if (line.includes('HTTP/1.1 200')) {
      counts.push(flushes);
      flushes = 0;
    }
  }
  return counts;
}

describe('walFlushesBeforeEachAnswer reads strace -f logs', () => {
  const segment = '/d/pg_wal/000000010000000000000001';
  it('counts a flush on one line and a flush split by another thread where it completed', () => {
    expect(walFlushesBeforeEachAnswer([
      `10 fsync(7<${segment}>) = 0`,
      `11 writev(20<TCP:[1]>, [{iov_base="HTTP/1.1 200 OK"…`,
      `12 fsync(7<${segment}> <unfinished ...>`,
      `11 write(3<pipe:[9]>, "x", 1) = 1`,
      `12 <... fsync resumed>) = 0`,
      `11 writev(20<TCP:[1]>, [{iov_base="HTTP/1.1 200 OK"…`,
      // As strace prints a short resumed line: padded before its result.
      `12 fsync(7<${segment}> <unfinished ...>`,
      `12 <... fsync resumed>)              = 0`,
      `11 writev(20<TCP:[1]>, [{iov_base="HTTP/1.1 200 OK"…`,
    ])).toEqual([1, 1, 1]);
  });
  it('does not count a flush that completed after the answer, failed, or named another file', () => {
    expect(walFlushesBeforeEachAnswer([
      `12 fsync(7<${segment}> <unfinished ...>`,
      `11 writev(20<TCP:[1]>, [{iov_base="HTTP/1.1 200 OK"…`,
      `12 <... fsync resumed>) = 0`,
      `10 fsync(8</d/base/1/1234>) = 0`,
      `10 fsync(7<${segment}>) = -1 EIO (Input/output error)`,
      `13 fsync(8</d/base/1/1234> <unfinished ...>`,
      `13 <... fsync resumed>) = 0`,
      `11 writev(20<TCP:[1]>, [{iov_base="HTTP/1.1 200 OK"…`,
    ])).toEqual([0, 1]);
  });
});
