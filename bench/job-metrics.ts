/**
 * Cost of the `sentra_jobs{status}` gauge at scrape time: a jobs table with BENCH_QUEUED queued jobs
 * (default 10,000, the enrichment target's backlog), BENCH_DONE done ones (default 50,000) and a few
 * of each other status, then BENCH_ROUNDS scrapes, reporting p50 / p95 / max of the query the gauge
 * ran before migration 0043 (GROUP BY status over the jobs table) and of the one it runs now (the sums
 * of the maintained per-status changes, folded). Also the price the counting triggers put on job
 * writes: BENCH_WRITES statements of 50 inserted jobs and their claim, with the triggers on and off.
 * Embedded PGlite (in memory) by default; with DATABASE_URL set, a fresh schema on that PostgreSQL.
 *
 *   npx tsx bench/job-metrics.ts
 */
import { loadavg } from 'node:os';
import { sql, type Kysely } from 'kysely';
import { openDatabase } from '../src/platform/database.js';
import { migrateToLatest } from '../src/platform/migrate.js';
import type { Database } from '../src/platform/database-schema.js';
import { countJobsByStatus } from '../src/jobs/job.repository.js';
import { freshPostgresSchema } from '../test/support/test-app.js';

const queued = Number(process.env.BENCH_QUEUED ?? 10_000);
const done = Number(process.env.BENCH_DONE ?? 50_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 100);
const databaseUrl = process.env.DATABASE_URL ? await freshPostgresSchema() : undefined;
const database = await openDatabase({ databaseUrl, dataDir: '', timeoutMs: 30_000, inMemory: true });
const db = database.db as Kysely<Database>;
await migrateToLatest(db as never);
console.log(`Sentra jobs metric benchmark: ${queued.toLocaleString('en-US')} queued, ${done.toLocaleString('en-US')} done, ${rounds} scrapes, ${database.kind}, node ${process.version}, load ${loadavg()[0]!.toFixed(1)}`);

const fill = (status: string, count: number, offset: number) => sql`
  insert into jobs (id, tenant_id, kind, dedupe_key, payload, status, attempts, run_after, created_at, updated_at, finished_at)
  select 'job_bench_' || (${offset} + i), 'default', 'kyc_enrichment', 'ref_' || (${offset} + i),
         jsonb_build_object('entity_id', 'entity-' || i, 'ref_key', repeat('a', 64), 'tx_id', 'tx-' || i, 'request_id', 'dec_' || i),
         ${status}, 1, now(), now() - interval '1 day', now(), case when ${status} = 'done' then now() end
    from generate_series(1, ${count}) as i`.execute(db);
await fill('queued', queued, 0);
await fill('done', done, queued);
await fill('failed', 20, queued + done);
await fill('dead', 20, queued + done + 20);
await fill('running', 2, queued + done + 40);
await sql`analyze jobs`.execute(db);

const percentile = (sorted: number[], share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;
const measure = async (label: string, run: () => Promise<Map<string, number>>) => {
  const times: number[] = [];
  let counts = new Map<string, number>();
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    counts = await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(`${label}: p50 ${percentile(times, 0.5).toFixed(2)} ms, p95 ${percentile(times, 0.95).toFixed(2)} ms, max ${times.at(-1)!.toFixed(2)} ms  ${JSON.stringify(Object.fromEntries([...counts].sort()))}`);
};
await measure('before: GROUP BY status over jobs', async () => {
  const rows = await sql<{ status: string; count: string | number }>`select status, count(*) as count from jobs group by status`.execute(db);
  return new Map(rows.rows.map((row) => [row.status, Number(row.count)]));
});
await measure('now: maintained counts (countJobsByStatus)', () => countJobsByStatus(db));

const writes = Number(process.env.BENCH_WRITES ?? 100);
const writeCost = async (label: string, offset: number) => {
  const started = performance.now();
  for (let index = 0; index < writes; index++) {
    await fill('queued', 50, offset + index * 50);
    await sql`update jobs set status = 'running' where id in (select id from jobs where status = 'queued' and id >= ${`job_bench_${offset + index * 50}`} order by id limit 50)`.execute(db);
  }
  console.log(`${label}: ${((performance.now() - started) / writes).toFixed(2)} ms per insert of 50 jobs and their claim`);
};
await writeCost('job writes, counting triggers on', 1_000_000);
await sql`alter table jobs disable trigger jobs_counted_insert, disable trigger jobs_counted_update`.execute(db);
await writeCost('job writes, counting triggers off', 2_000_000);
await database.close();
