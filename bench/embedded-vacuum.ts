/**
 * The pause an embedded maintenance pass puts on other queries. The embedded database runs one
 * statement at a time, so while the sweep vacuums a table every decision waits. On a fresh data
 * folder (fsync on, as served), it measures one pass of the sweep (src/platform/embedded-vacuum.ts)
 * and the latency of a `select 1` sent just after the pass started (what a decision sees) for:
 *  - jobs: BENCH_JOBS jobs (default 50,000) queued, claimed, done and deleted in batches of 500,
 *    so the table holds that many dead rows and no live one; then the same churn again, to show
 *    the vacuumed space is reused (the table stops growing); then once more with the done jobs
 *    kept (as within their retention), so live rows sit among the dead ones, and a fifth more (the
 *    steady state: each pass then finds about a fifth of the rows dead);
 *  - entities: BENCH_ENTITIES rows (default 100,000) inserted, analyzed, then a fifth plus one of
 *    them upserted as the decision writer does (dead tuples past autovacuum's threshold);
 *  - risk_scores: BENCH_DECISIONS synthetic decisions (default 100,000, 40 features each), then a
 *    fifth more (append-only: the insert rule's passes).
 *
 *   npx tsx bench/embedded-vacuum.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { openDatabase } from '../src/platform/database.js';
import { migrateToLatest } from '../src/platform/migrate.js';
import type { Database } from '../src/platform/database-schema.js';
import { maintainTable, tablesNeedingMaintenance } from '../src/platform/embedded-vacuum.js';

const jobs = Number(process.env.BENCH_JOBS ?? 50_000);
const entities = Number(process.env.BENCH_ENTITIES ?? 100_000);
const decisions = Number(process.env.BENCH_DECISIONS ?? 100_000);
const dataDir = mkdtempSync(join(tmpdir(), 'sentra-bench-vacuum-'));
// Sentra's default shared_buffers (SENTRA_DB_SHARED_BUFFERS_MB): larger tables are read through the file system.
const database = await openDatabase({ databaseUrl: undefined, dataDir, timeoutMs: 60_000, sharedBuffersMb: 16 });
const db = database.db as Kysely<Database>;
await migrateToLatest(db as never);
console.log(`Sentra embedded vacuum pause: ${jobs.toLocaleString('en-US')} jobs churned, ${entities.toLocaleString('en-US')} entities, ${decisions.toLocaleString('en-US')} decisions, data folder, node ${process.version}, load ${loadavg()[0]!.toFixed(1)}`);

const megabytes = async (table: string) => {
  const result = await sql<{ heap: number | string; total: number | string }>`select pg_relation_size(${table}) as heap, pg_total_relation_size(${table}) as total`.execute(db);
  const row = result.rows[0]!;
  return `heap ${(Number(row.heap) / 1048576).toFixed(1)} MB, with indexes ${(Number(row.total) / 1048576).toFixed(1)} MB`;
};

/** One sweep pass on `table` while a `select 1` waits behind it. */
const pass = async (table: string) => {
  const needs = await tablesNeedingMaintenance(db);
  const need = needs.find((candidate) => candidate.table === table);
  if (need === undefined) throw new Error(`${table} does not need maintenance`);
  const sent = performance.now();
  const running = maintainTable(db, need);
  const probe = sql`select 1`.execute(db).then(() => performance.now() - sent);
  const done = await running;
  console.log(
    `  ${table}: ${done.operation} of ${need.deadTuples.toLocaleString('en-US')} dead tuples (${need.rows.toLocaleString('en-US')} rows known) took ${(done.seconds * 1000).toFixed(0)} ms, its longest statement ${(done.pauseSeconds * 1000).toFixed(0)} ms; a query sent at its start waited ${(await probe).toFixed(0)} ms`,
  );
};

let offset = 0;
const churnJobs = async (prune = true, count = jobs) => {
  for (let batch = 0; batch < count; batch += 500) {
    const size = Math.min(500, count - batch);
    await sql`insert into jobs (id, tenant_id, kind, dedupe_key, payload, status, attempts, run_after, created_at, updated_at)
      select 'job_bench_' || (${offset} + i), 'default', 'kyc_enrichment', 'ref_' || (${offset} + i),
             jsonb_build_object('entity_id', 'entity-' || i, 'ref_key', repeat('a', 64), 'tx_id', 'tx-' || i),
             'queued', 0, now(), now(), now()
        from generate_series(1, ${size}::int) as i`.execute(db);
    await sql`update jobs set status = 'running', attempts = attempts + 1, locked_by = 'bench', started_at = now() where status = 'queued'`.execute(db);
    await sql`update jobs set status = 'done', locked_by = null, finished_at = now() where status = 'running'`.execute(db);
    if (prune) await sql`delete from jobs where status = 'done'`.execute(db);
    offset += size;
  }
};

console.log('jobs');
await churnJobs();
console.log(`  after one churn: ${await megabytes('jobs')}`);
await pass('jobs');
console.log(`  after the pass: ${await megabytes('jobs')}`);
await churnJobs();
console.log(`  after a second churn: ${await megabytes('jobs')}`);
await pass('jobs');
await churnJobs(false);
console.log(`  ${jobs.toLocaleString('en-US')} done jobs kept (their retention): ${await megabytes('jobs')}`);
await pass('jobs');
console.log(`  after the pass: ${await megabytes('jobs')}`);
await churnJobs(false, Math.floor(jobs / 5));
console.log(`  a fifth more jobs done and kept (the steady state: a pass whenever a fifth of the rows died): ${await megabytes('jobs')}`);
await pass('jobs');

console.log('entities');
await sql`insert into entities (tenant_id, entity_id, entity_type, country, name, created_at, first_seen_at, last_seen_at)
  select 'default', 'entity-' || i, 'customer', 'FR', 'Name ' || i, now(), now(), now() from generate_series(1, ${entities}::int) as i`.execute(db);
await sql`analyze entities`.execute(db);
console.log(`  ${entities.toLocaleString('en-US')} rows: ${await megabytes('entities')}`);
const updated = Math.floor(entities / 5) + 100;
for (let start = 1; start <= updated; start += 1000) {
  await sql`insert into entities (tenant_id, entity_id, entity_type, country, name, created_at, first_seen_at, last_seen_at)
    select 'default', 'entity-' || i, 'customer', 'FR', 'Name ' || i, now(), now(), now() from generate_series(${start}::int, ${Math.min(updated, start + 999)}::int) as i
    on conflict (tenant_id, entity_id) do update set last_seen_at = greatest(entities.last_seen_at, excluded.last_seen_at)`.execute(db);
}
await pass('entities');
await sql`update entities set last_seen_at = now() where entity_id like 'entity-1%'`.execute(db);
const started = performance.now();
await sql`analyze entities`.execute(db);
console.log(`  analyze alone: ${(performance.now() - started).toFixed(0)} ms`);

console.log('risk_scores (append-only: vacuumed by the insert rule, to set the visibility map and freeze)');
const score = async (from: number, count: number) => {
  for (let start = from; start < from + count; start += 5000) {
    await sql`insert into risk_scores (id, tenant_id, tx_id, scored_at, risk_score, probability, decision, reasons, evidence, features, model_version, thresholds, request_digest, latency_ms, llm_status, source, tx_month)
      select 'dec_bench_' || i, 'default', 'tx-' || i, now(), (i % 100)::int, random(), 'PASS',
             jsonb_build_array(jsonb_build_object('code', 'velocity_1h', 'weight', random()), jsonb_build_object('code', 'new_device', 'weight', random())),
             jsonb_build_object('top_features', jsonb_build_array('amount_z', 'tx_count_1h')),
             (select jsonb_object_agg('feature_' || k, round((random() * 1000)::numeric, 3)) from generate_series(1, 40) as k where i >= 0),
             'sentra-default-1', '{"review": 60, "hold": 80, "block": 90}'::jsonb, md5(i::text), 2.5, 'none', 'api', date_trunc('month', now())
        from generate_series(${start}::int, ${Math.min(from + count, start + 5000) - 1}::int) as i`.execute(db);
  }
};
// Decisions are partitioned by payment month: this month's partition is the table the sweep sees.
const month = new Date().toISOString().slice(0, 7).replace('-', '_');
const decisionsTable = `risk_scores_p${month}`;
await score(0, decisions);
console.log(`  ${decisions.toLocaleString('en-US')} rows in ${decisionsTable}: ${await megabytes(decisionsTable)}`);
await pass(decisionsTable);
await score(decisions, Math.floor(decisions / 5) + 2000);
await pass(decisionsTable);

await database.close();
rmSync(dataDir, { recursive: true, force: true });
