/**
 * Partitioned decisions benchmark (PostgreSQL): decision writes and case-queue reads on an empty
 * decisions table, then the same after filling it with BENCH_DECISIONS decisions (default
 * 10,000,000) spread over the last 12 payment months with generate_series (one case per ten
 * decisions, present in both phases). Writes are scoring requests through the HTTP layer (`app.inject`, BENCH_WRITES of them,
 * 32 at a time, so they go through the group commit); reads are the case queue's default view.
 * Each phase reports p50 / p95 and the ratio full / empty, measured in the same run.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench npx tsx bench/partitioned-decisions.ts
 *   BENCH_DECISIONS=100000 DATABASE_URL=... npx tsx bench/partitioned-decisions.ts    # a quick check
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../src/platform/config.js';
import { buildApp } from '../src/app.js';
import { monthStart } from '../src/scoring/decision-partitions.js';
import { freshPostgresSchema } from '../test/support/test-app.js';
import { scoreBody } from '../test/support/score-body.js';

if (!process.env.DATABASE_URL) throw new Error('bench/partitioned-decisions.ts needs DATABASE_URL (PostgreSQL)');
const decisions = Number(process.env.BENCH_DECISIONS ?? 10_000_000);
const writes = Number(process.env.BENCH_WRITES ?? 2_000);
const reads = Number(process.env.BENCH_READS ?? 200);
const chunk = 1_000_000;
const token = 'bench-admin-token-0123456789abcdef';
const dataDir = mkdtempSync(join(tmpdir(), 'sentra-bench-partitions-'));
const databaseUrl = await freshPostgresSchema();
const config = loadConfig({ SENTRA_DATA_DIR: dataDir, SENTRA_BOOTSTRAP_TOKEN: token, LOG_LEVEL: 'silent', SENTRA_AUDIT_CHECKPOINT_SECONDS: '0', SENTRA_WORKER: 'off', DATABASE_URL: databaseUrl });
const sentra = await buildApp(config, { inMemoryDatabase: true });
const db = sentra.runtime.database.db;
const headers = { authorization: `Bearer ${token}` };
console.log(`Sentra partitioned decisions benchmark: ${decisions.toLocaleString('en-US')} decisions, ${writes} writes, ${reads} reads, node ${process.version}, load ${loadavg()[0]!.toFixed(1)}`);

const percentile = (sorted: number[], share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;
const summary = (times: number[]) => {
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
};

let written = 0;
/** `count` scoring requests (BENCH_WRITES), 32 in flight; the latency of each. */
async function measureWrites(count = writes): Promise<{ p50: number; p95: number; perSecond: number }> {
  const times: number[] = [];
  const started = performance.now();
  for (let sent = 0; sent < count; sent += 32) {
    await Promise.all(
      Array.from({ length: Math.min(32, count - sent) }, async () => {
        const body = scoreBody({ transaction: { tx_id: `bench-write-${written++}`, created_at: new Date(Date.now() - 60_000).toISOString() } });
        const start = performance.now();
        const answer = await sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers, payload: body });
        times.push(performance.now() - start);
        if (answer.statusCode !== 200) throw new Error(`score answered ${answer.statusCode}: ${answer.body}`);
      }),
    );
  }
  const seconds = (performance.now() - started) / 1000;
  return { ...summary(times), perSecond: count / seconds };
}

/** The case queue's default view, BENCH_READS times. */
async function measureReads(): Promise<{ p50: number; p95: number }> {
  const url = '/v1/cases?status=open,in_review,escalated';
  for (let warm = 0; warm < 10; warm++) await sentra.app.inject({ method: 'GET', url, headers });
  const times: number[] = [];
  for (let round = 0; round < reads; round++) {
    const start = performance.now();
    const answer = await sentra.app.inject({ method: 'GET', url, headers });
    times.push(performance.now() - start);
    if (answer.statusCode !== 200) throw new Error(`${url} answered ${answer.statusCode}: ${answer.body}`);
  }
  return summary(times);
}

const fillStart = performance.now();
const now = new Date();
const spanSeconds = Math.floor((now.getTime() - monthStart(now, -11).getTime()) / 1000);
/** The time of row i of the fill: spread over the last 12 months. */
const at = () => sql`${now.toISOString()}::timestamptz - ((i * 7919) % ${spanSeconds}) * interval '1 second'`;
// The case queue is the same in both phases (one case per ten decisions); only the decisions differ.
for (let from = 1; from <= decisions; from += chunk) {
  const to = Math.min(decisions, from + chunk - 1);
  await sql`
    insert into cases (id, tenant_id, tx_id, status, decision, risk_score, latest_score_id, created_at, updated_at,
                       priority, sla_due_at, version, manual, amount_usd, sender_entity_id, receiver_entity_id, has_kyc)
    select 'case_fill_' || i, 'default', 'tx_fill_' || i,
           (array['open','open','open','open','in_review','in_review','escalated','resolved','resolved','resolved'])[1 + (i / 10) % 10],
           'REVIEW', 500, 'dec_fill_' || i, t, t, 50 + (i * 7919) % 50, t + interval '1 day', 1, false, 125.5, 'sender-' || (i % 20000), 'merchant-' || (i % 300), false
      from generate_series(${from}::bigint, ${to}::bigint) as i, lateral (select ${at()} as t) as at_time
     where i % 10 = 0`.execute(db);
}
await sql`analyze cases`.execute(db);
console.log(`cases filled in ${((performance.now() - fillStart) / 1000).toFixed(1)} s`);

// Warm-up: the first requests compile the model and fill the caches.
await measureWrites(200);
const emptyWrites = await measureWrites();
const emptyReads = await measureReads();

for (let offset = -12; offset <= 0; offset++) await sql`select sentra_month_partition('risk_scores', ${monthStart(now, offset).toISOString().slice(0, 10)}::date)`.execute(db);
for (let from = 1; from <= decisions; from += chunk) {
  const to = Math.min(decisions, from + chunk - 1);
  await sql`
    insert into risk_scores (id, tenant_id, tx_id, scored_at, risk_score, probability, decision, reasons, evidence, features, model_version,
      thresholds, request_digest, latency_ms, llm_status, source, first_of_request, tx_month)
    select 'dec_fill_' || i, 'default', 'tx_fill_' || i, t, (i * 37) % 1000, ((i * 37) % 1000) / 1000.0,
           case when (i * 37) % 1000 >= 850 then 'BLOCK' when (i * 37) % 1000 >= 600 then 'HOLD' when (i * 37) % 1000 >= 300 then 'REVIEW' else 'PASS' end,
           '["amount"]', '[]', '{"amount_usd": 125.5, "tx_count_1h": 1}', 'v1', '{"reviewAt":300,"holdAt":600,"blockAt":850}',
           md5(i::text), 1, 'ready', 'api', true, date_trunc('month', t at time zone 'UTC') at time zone 'UTC'
      from generate_series(${from}::bigint, ${to}::bigint) as i, lateral (select ${at()} as t) as at_time`.execute(db);
  console.log(`  filled ${to.toLocaleString('en-US')} decisions (${((performance.now() - fillStart) / 1000).toFixed(0)} s)`);
}
await sql`analyze risk_scores`.execute(db);
const partitions = await sql<{ count: string }>`select count(*) as count from pg_inherits where inhparent = 'risk_scores'::regclass`.execute(db);
console.log(`filled in ${((performance.now() - fillStart) / 1000).toFixed(1)} s, ${partitions.rows[0]!.count} partitions`);

const fullWrites = await measureWrites();
const fullReads = await measureReads();
const line = (label: string, empty: { p50: number; p95: number }, full: { p50: number; p95: number }) =>
  console.log(`${label.padEnd(34)} empty p50 ${empty.p50.toFixed(2)} ms p95 ${empty.p95.toFixed(2)} ms | full p50 ${full.p50.toFixed(2)} ms p95 ${full.p95.toFixed(2)} ms | p95 ratio ${(full.p95 / empty.p95).toFixed(2)}`);
line('score (32 in flight)', emptyWrites, fullWrites);
console.log(`${'score throughput'.padEnd(34)} empty ${emptyWrites.perSecond.toFixed(0)}/s | full ${fullWrites.perSecond.toFixed(0)}/s`);
line('case queue, default view', emptyReads, fullReads);
await sentra.close();
rmSync(dataDir, { recursive: true, force: true });
