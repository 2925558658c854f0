import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createLogger } from '../src/platform/logger.js';
import { walSinceCheckpoint } from '../src/platform/embedded-checkpoint.js';
import { startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import { eventually } from './support/enrichment.js';

/** A sample of /metrics, 0 when absent. */
async function metric(sentra: TestApp, line: RegExp): Promise<number> {
  const body = (await sentra.app.inject({ method: 'GET', url: '/metrics' })).body;
  return Number(body.match(line)?.[1] ?? 0);
}

interface JobStats {
  dead: number;
  bytes: number;
  vacuumed: boolean;
}

/** The jobs table as PostgreSQL's statistics see it (flushed first: a single-user server reports them late). */
async function jobStats(sentra: TestApp): Promise<JobStats> {
  const db = sentra.runtime.database.db;
  await sql`select pg_stat_force_next_flush()`.execute(db);
  const result = await sql<{ dead: number | string; bytes: number | string; vacuumed: Date | null }>`
    select n_dead_tup as dead, pg_relation_size(relid) as bytes, last_vacuum as vacuumed
      from pg_stat_user_tables where relname = 'jobs' and schemaname = current_schema()`.execute(db);
  const row = result.rows[0]!;
  return { dead: Number(row.dead), bytes: Number(row.bytes), vacuumed: row.vacuumed !== null };
}

let round = 0;
/**
 * Jobs through their life as the runner and the retention sweep move them: queued, running, done,
 * deleted; 2,000 of them, in statements of 500. A kind no runner takes, so only this moves them.
 * One transaction, so a maintenance pass comes before or after a round, never inside; returns the
 * jobs table's size at the round's end.
 */
async function churnJobs(sentra: TestApp): Promise<number> {
  return sentra.runtime.database.db.transaction().execute(async (trx) => {
    for (let batch = 0; batch < 4; batch++) {
      const offset = round++ * 500;
      await sql`insert into jobs (id, tenant_id, kind, dedupe_key, payload, status, attempts, run_after, created_at, updated_at)
        select 'job_churn_' || (${offset}::int + i), 'default', 'test.parked', 'churn-' || (${offset}::int + i),
               jsonb_build_object('entity_id', 'entity-' || i, 'ref_key', repeat('a', 64)), 'queued', 0, now(), now(), now()
          from generate_series(1, 500) as i`.execute(trx);
      await sql`update jobs set status = 'running', attempts = attempts + 1, locked_by = 'test', started_at = now() where kind = 'test.parked' and status = 'queued'`.execute(trx);
      await sql`update jobs set status = 'done', locked_by = null, finished_at = now() where kind = 'test.parked' and status = 'running'`.execute(trx);
      await sql`delete from jobs where kind = 'test.parked' and status = 'done'`.execute(trx);
    }
    const size = await sql<{ bytes: number | string }>`select pg_relation_size('jobs') as bytes`.execute(trx);
    return Number(size.rows[0]!.bytes);
  });
}

/** Log lines of an app, parsed. */
function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) if (line !== '') lines.push(JSON.parse(line) as Record<string, unknown>);
      callback();
    },
  });
  return { logger: createLogger('info', 'sentra', destination), lines };
}

/**
 * Embedded PGlite is PostgreSQL in single-user mode: no autovacuum. The server's maintenance sweep
 * (SENTRA_DB_VACUUM_INTERVAL_SECONDS) vacuums a table once its dead tuples pass autovacuum's rule,
 * so jobs that came and went leave no dead rows behind and their space is used again.
 */
describe('embedded database maintenance', () => {
  let sentra: TestApp | undefined;
  afterEach(async () => {
    await sentra?.close();
    sentra = undefined;
  });

  it('vacuums the jobs table after a churn of jobs: its dead tuples are reclaimed, its space reused, the pass counted and logged', async () => {
    const { logger, lines } = capturedLogger();
    sentra = await startTestApp('pglite', { SENTRA_DB_VACUUM_INTERVAL_SECONDS: '1', SENTRA_WORKER: 'off' }, { logger });
    const churnedBytes = await churnJobs(sentra);
    expect(churnedBytes).toBeGreaterThan(0);

    const runs = /^sentra_db_vacuum_runs_total\{table="jobs"\} (\d+)$/m;
    await eventually(async () => ((await metric(sentra!, runs)) >= 1 ? true : undefined), 30_000, 'the sweep to vacuum the jobs table');
    const vacuumed = await jobStats(sentra);
    expect(vacuumed.vacuumed).toBe(true);
    expect(vacuumed.dead).toBeLessThan(50);
    expect(await metric(sentra, /^sentra_db_vacuum_seconds_total ([\d.e-]+)$/m)).toBeGreaterThan(0);
    const logged = lines.find((line) => line.msg === 'embedded database maintenance pass' && line.table === 'jobs');
    expect(logged).toMatchObject({ level: 30, operation: expect.stringMatching(/^vacuum/) as unknown });
    // 2,000 jobs, each leaving its row versions as queued, running and done.
    expect(logged?.deadTuples).toBeGreaterThanOrEqual(6000);
    expect(typeof logged?.durationMs).toBe('number');

    // A second round of the same churn fits in the space the first one left: the table stops growing.
    expect(await churnJobs(sentra)).toBeLessThanOrEqual(churnedBytes);

    // Closing stops the sweep before the database closes: no pass runs (and fails) afterwards.
    await churnJobs(sentra);
    await sentra.close();
    sentra = undefined;
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(lines.filter((line) => String(line.msg).includes('maintenance pass failed'))).toEqual([]);
  }, 60_000);

  it('takes a checkpoint once the WAL written since the last passes SENTRA_DB_CHECKPOINT_WAL_MB: counted, logged, and the redo point moved', async () => {
    const { logger, lines } = capturedLogger();
    sentra = await startTestApp('pglite', { SENTRA_DB_VACUUM_INTERVAL_SECONDS: '1', SENTRA_DB_CHECKPOINT_WAL_MB: '1', SENTRA_WORKER: 'off' }, { logger });
    const db = sentra.runtime.database.db;
    const redo = async () => Number((await sql<{ at: string | number }>`select redo_lsn - '0/0'::pg_lsn as at from pg_control_checkpoint()`.execute(db)).rows[0]!.at);
    const checkpoints = /^sentra_db_checkpoints_total (\d+)$/m;
    const before = await metric(sentra, checkpoints);
    const redoBefore = await redo();
    await churnJobs(sentra);
    expect((await walSinceCheckpoint(db)).bytes).toBeGreaterThan(1024 * 1024);
    await eventually(async () => ((await metric(sentra!, checkpoints)) > before ? true : undefined), 30_000, 'the sweep to take a checkpoint');
    expect(await metric(sentra, /^sentra_db_checkpoint_seconds_total ([\d.e-]+)$/m)).toBeGreaterThan(0);
    const logged = lines.find((line) => line.msg === 'embedded database checkpoint');
    expect(logged?.walMb).toBeGreaterThanOrEqual(1);
    expect(typeof logged?.durationMs).toBe('number');
    expect(await redo()).toBeGreaterThan(redoBefore + 1024 * 1024);
  }, 60_000);

  it('reads the checkpoint rule every few seconds, not once a sweep interval: past its WAL threshold, a checkpoint follows within seconds', async () => {
    sentra = await startTestApp('pglite', { SENTRA_DB_VACUUM_INTERVAL_SECONDS: '3600', SENTRA_DB_CHECKPOINT_WAL_MB: '1', SENTRA_WORKER: 'off' });
    const checkpoints = /^sentra_db_checkpoints_total (\d+)$/m;
    const before = await metric(sentra, checkpoints);
    await churnJobs(sentra);
    expect((await walSinceCheckpoint(sentra.runtime.database.db)).bytes).toBeGreaterThan(1024 * 1024);
    await eventually(async () => ((await metric(sentra!, checkpoints)) > before ? true : undefined), 12_000, 'a checkpoint within two polls of the rule');
    // The sweep itself waits for its hour: no table was maintained.
    expect(await metric(sentra, /^sentra_db_vacuum_runs_total\{[^}]*\} (\d+)$/m)).toBe(0);
  }, 60_000);

  it('does nothing with SENTRA_DB_VACUUM_INTERVAL_SECONDS=0: dead tuples stay and the table grows with every churn', async () => {
    sentra = await startTestApp('pglite', { SENTRA_DB_VACUUM_INTERVAL_SECONDS: '0', SENTRA_WORKER: 'off' });
    const first = await churnJobs(sentra);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const second = await churnJobs(sentra);
    expect(second).toBeGreaterThan(first * 1.5);
    const stats = await jobStats(sentra);
    expect(stats.vacuumed).toBe(false);
    expect(stats.dead).toBeGreaterThanOrEqual(12_000);
    expect(await metric(sentra, /^sentra_db_vacuum_runs_total\{table="jobs"\} (\d+)$/m)).toBe(0);
  }, 60_000);
  it.runIf(storeKinds.includes('postgres'))('leaves PostgreSQL to its own autovacuum: no sweep, no vacuum metrics', async () => {
    const { logger, lines } = capturedLogger();
    sentra = await startTestApp('postgres', { SENTRA_DB_VACUUM_INTERVAL_SECONDS: '1', SENTRA_WORKER: 'off' }, { logger });
    await churnJobs(sentra);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const body = (await sentra.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(body).not.toContain('sentra_db_vacuum');
    expect(body).not.toContain('sentra_db_checkpoint');
    expect(lines.filter((line) => line.msg === 'embedded database maintenance pass')).toEqual([]);
  }, 60_000);
});
