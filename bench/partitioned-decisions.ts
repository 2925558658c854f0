/**
 * Partitioned decisions benchmark (PostgreSQL): decision writes and case-queue reads on a store
 * whose decisions table is empty and on one filled with BENCH_DECISIONS decisions (default
 * 10,000,000) spread over the last 12 payment months with generate_series. Both stores hold the
 * same case queue (one case per ten fill decisions), so only the decisions differ. Writes are
 * scoring requests through the HTTP layer (`app.inject`, BENCH_WRITES of them, 32 at a time, so
 * they go through the group commit); reads are the case queue's default view.
 *
 * The two stores are served side by side from the same process, and measured in alternating
 * rounds (BENCH_ROUNDS, default 3) once the fill is done, so both see the same machine: each
 * figure is the median of its rounds' p50 / p95, and the ratio full / empty is taken within the run.
 * The database timeout is raised to its maximum (60 s) for the fill's large statements.
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
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const chunk = 500_000;
const token = 'bench-admin-token-0123456789abcdef';
const headers = { authorization: `Bearer ${token}` };
const dataDirs: string[] = [];
console.log(`Sentra partitioned decisions benchmark: ${decisions.toLocaleString('en-US')} decisions, ${writes} writes and ${reads} reads per round, ${rounds} rounds, node ${process.version}, load ${loadavg()[0]!.toFixed(1)}`);

/** One server on a schema of its own. */
async function store() {
  const dataDir = mkdtempSync(join(tmpdir(), 'sentra-bench-partitions-'));
  dataDirs.push(dataDir);
  const config = loadConfig({ SENTRA_DATA_DIR: dataDir, SENTRA_BOOTSTRAP_TOKEN: token, LOG_LEVEL: 'silent', SENTRA_AUDIT_CHECKPOINT_SECONDS: '0', SENTRA_WORKER: 'off', SENTRA_DB_TIMEOUT_MS: '60000', DATABASE_URL: await freshPostgresSchema() });
  const sentra = await buildApp(config, { inMemoryDatabase: true });
  return { sentra, db: sentra.runtime.database.db, written: 0 };
}
type Store = Awaited<ReturnType<typeof store>>;

interface Figures {
  p50: number;
  p95: number;
  perSecond: number;
}
const percentile = (sorted: number[], share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;
const summary = (times: number[], seconds: number): Figures => {
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), perSecond: times.length / seconds };
};

/** `count` scoring requests, 32 in flight; the latency of each. */
async function measureWrites(target: Store, count = writes): Promise<Figures> {
  const times: number[] = [];
  const started = performance.now();
  for (let sent = 0; sent < count; sent += 32) {
    await Promise.all(
      Array.from({ length: Math.min(32, count - sent) }, async () => {
        const body = scoreBody({ transaction: { tx_id: `bench-write-${target.written++}`, created_at: new Date(Date.now() - 60_000).toISOString() } });
        const start = performance.now();
        const answer = await target.sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers, payload: body });
        times.push(performance.now() - start);
        if (answer.statusCode !== 200) throw new Error(`score answered ${answer.statusCode}: ${answer.body}`);
      }),
    );
  }
  return summary(times, (performance.now() - started) / 1000);
}

/** The case queue's default view, BENCH_READS times. */
async function measureReads(target: Store): Promise<Figures> {
  const url = '/v1/cases?status=open,in_review,escalated';
  const times: number[] = [];
  const started = performance.now();
  for (let round = 0; round < reads; round++) {
    const start = performance.now();
    const answer = await target.sentra.app.inject({ method: 'GET', url, headers });
    times.push(performance.now() - start);
    if (answer.statusCode !== 200) throw new Error(`${url} answered ${answer.statusCode}: ${answer.body}`);
  }
  return summary(times, (performance.now() - started) / 1000);
}

const now = new Date();
const spanSeconds = Math.floor((now.getTime() - monthStart(now, -11).getTime()) / 1000);
/** The time of row i of the fill: spread over the last 12 months. */
const at = () => sql`${now.toISOString()}::timestamptz - ((i * 7919) % ${spanSeconds}) * interval '1 second'`;

/** The case queue both stores share: one case per ten fill decisions. */
async function fillCases(target: Store): Promise<void> {
  for (let from = 1; from <= decisions; from += chunk) {
    const to = Math.min(decisions, from + chunk - 1);
    await sql`
      insert into cases (id, tenant_id, tx_id, status, decision, risk_score, latest_score_id, created_at, updated_at,
                         priority, sla_due_at, version, manual, amount_usd, sender_entity_id, receiver_entity_id, has_kyc)
      select 'case_fill_' || i, 'default', 'tx_fill_' || i,
             (array['open','open','open','open','in_review','in_review','escalated','resolved','resolved','resolved'])[1 + (i / 10) % 10],
             'REVIEW', 500, 'dec_fill_' || i, t, t, 50 + (i * 7919) % 50, t + interval '1 day', 1, false, 125.5, 'sender-' || (i % 20000), 'merchant-' || (i % 300), false
        from generate_series(${from}::bigint, ${to}::bigint) as i, lateral (select ${at()} as t) as at_time
       where i % 10 = 0`.execute(target.db);
  }
  await sql`analyze cases`.execute(target.db);
}

async function fillDecisions(target: Store, fillStart: number): Promise<void> {
  for (let offset = -12; offset <= 0; offset++) await sql`select sentra_month_partition('risk_scores', ${monthStart(now, offset).toISOString().slice(0, 10)}::date)`.execute(target.db);
  for (let from = 1; from <= decisions; from += chunk) {
    const to = Math.min(decisions, from + chunk - 1);
    await sql`
      insert into risk_scores (id, tenant_id, tx_id, scored_at, risk_score, probability, decision, reasons, evidence, features, model_version,
        thresholds, request_digest, latency_ms, llm_status, source, first_of_request, tx_month)
      select 'dec_fill_' || i, 'default', 'tx_fill_' || i, t, (i * 37) % 1000, ((i * 37) % 1000) / 1000.0,
             case when (i * 37) % 1000 >= 850 then 'BLOCK' when (i * 37) % 1000 >= 600 then 'HOLD' when (i * 37) % 1000 >= 300 then 'REVIEW' else 'PASS' end,
             '["amount"]', '[]', '{"amount_usd": 125.5, "tx_count_1h": 1}', 'v1', '{"reviewAt":300,"holdAt":600,"blockAt":850}',
             md5(i::text), 1, 'ready', 'api', true, date_trunc('month', t at time zone 'UTC') at time zone 'UTC'
        from generate_series(${from}::bigint, ${to}::bigint) as i, lateral (select ${at()} as t) as at_time`.execute(target.db);
    console.log(`  filled ${to.toLocaleString('en-US')} decisions (${((performance.now() - fillStart) / 1000).toFixed(0)} s)`);
  }
  await sql`analyze risk_scores`.execute(target.db);
}

const empty = await store();
const full = await store();
try {
  const fillStart = performance.now();
  await fillCases(empty);
  await fillCases(full);
  console.log(`cases filled in ${((performance.now() - fillStart) / 1000).toFixed(1)} s (both stores)`);
  await fillDecisions(full, fillStart);
  const partitions = await sql<{ count: string }>`select count(*) as count from pg_inherits where inhparent = 'risk_scores'::regclass`.execute(full.db);
  const size = await sql<{ size: string }>`select pg_size_pretty(sum(pg_total_relation_size(inhrelid))) as size from pg_inherits where inhparent = 'risk_scores'::regclass`.execute(full.db);
  console.log(`filled in ${((performance.now() - fillStart) / 1000).toFixed(1)} s: ${partitions.rows[0]!.count} monthly partitions, ${size.rows[0]!.size} with indexes`);

  // Warm-up of each (the model compiles, caches fill), then alternating rounds.
  for (const target of [empty, full]) {
    await measureWrites(target, 200);
    await measureReads(target);
  }
  const results = { empty: { writes: [] as Figures[], reads: [] as Figures[] }, full: { writes: [] as Figures[], reads: [] as Figures[] } };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? (['empty', 'full'] as const) : (['full', 'empty'] as const);
    for (const name of order) results[name].writes.push(await measureWrites(name === 'empty' ? empty : full));
    for (const name of order) results[name].reads.push(await measureReads(name === 'empty' ? empty : full));
    console.log(`  round ${round + 1}: load ${loadavg()[0]!.toFixed(1)}`);
  }
  const median = (list: Figures[], key: keyof Figures) => list.map((figures) => figures[key]).sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  const line = (label: string, kind: 'writes' | 'reads') => {
    const [e, f] = [results.empty[kind], results.full[kind]];
    console.log(
      `${label.padEnd(28)} empty p50 ${median(e, 'p50').toFixed(2)} ms p95 ${median(e, 'p95').toFixed(2)} ms ${median(e, 'perSecond').toFixed(0)}/s | ` +
        `full p50 ${median(f, 'p50').toFixed(2)} ms p95 ${median(f, 'p95').toFixed(2)} ms ${median(f, 'perSecond').toFixed(0)}/s | p95 full/empty ${(median(f, 'p95') / median(e, 'p95')).toFixed(2)}, per round ${e.map((figures, index) => (f[index]!.p95 / figures.p95).toFixed(2)).join(' / ')}`,
    );
  };
  line('score (32 in flight)', 'writes');
  line('case queue, default view', 'reads');
  console.log(`load average ${loadavg().map((load) => load.toFixed(2)).join(' ')}`);
} finally {
  await empty.sentra.close();
  await full.sentra.close();
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
}
