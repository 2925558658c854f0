/**
 * Case queue benchmark: 100,000 cases of one tenant (BENCH_CASES), then the queue's common views
 * through the HTTP layer (`app.inject`: routing, auth, validation, query, serialization; no socket),
 * each BENCH_ROUNDS times, reporting p50 / p95 / max. `GET /v1/me` (authentication only) is measured
 * in the same run as the baseline, since this machine's absolute times drift.
 * Embedded PGlite by default; with DATABASE_URL set, a fresh schema on that PostgreSQL.
 *
 *   npx tsx bench/case-list.ts
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench npx tsx bench/case-list.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../src/platform/config.js';
import { buildApp } from '../src/app.js';
import { freshPostgresSchema } from '../test/support/test-app.js';

const cases = Number(process.env.BENCH_CASES ?? 100_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 200);
const token = 'bench-admin-token-0123456789abcdef';
const dataDir = mkdtempSync(join(tmpdir(), 'sentra-bench-cases-'));
const databaseUrl = process.env.DATABASE_URL ? await freshPostgresSchema() : undefined;
const config = loadConfig({ SENTRA_DATA_DIR: dataDir, SENTRA_BOOTSTRAP_TOKEN: token, LOG_LEVEL: 'silent', SENTRA_AUDIT_CHECKPOINT_SECONDS: '0', ...(databaseUrl === undefined ? {} : { DATABASE_URL: databaseUrl }) });
const sentra = await buildApp(config, { inMemoryDatabase: true });
const db = sentra.runtime.database.db;
console.log(`Sentra case queue benchmark: ${cases.toLocaleString('en-US')} cases, ${rounds} rounds per view, ${sentra.runtime.database.kind}, node ${process.version}, load ${loadavg()[0]!.toFixed(1)}`);

const fillStart = performance.now();
// Statuses 40% open, 20% in review, 10% escalated, 30% resolved; decisions REVIEW / HOLD / BLOCK;
// one in five assigned to one of 20 analysts; created over the last 90 days.
await sql`
  insert into cases (id, tenant_id, tx_id, status, decision, risk_score, latest_score_id, created_at, updated_at,
                     priority, sla_due_at, assignee, version, manual, amount_usd, sender_entity_id, receiver_entity_id,
                     merchant_id, has_kyc, resolution, resolved_at, resolved_by)
  select 'case_bench_' || i, 'default', 'tx_bench_' || i,
         (array['open','open','open','open','in_review','in_review','escalated','resolved','resolved','resolved'])[1 + i % 10],
         (array['REVIEW','HOLD','BLOCK'])[1 + i % 3],
         500 + (i * 7919) % 500, 'dec_bench_' || i,
         now() - ((i % 129600) || ' minutes')::interval, now(),
         50 + (i * 7919) % 50 + (i % 30), now() + (((i * 31) % 2880) - 720 || ' minutes')::interval,
         case when i % 5 = 0 then 'tok_analyst_' || (i % 20) end, 1, false, (i % 5000) + 0.5,
         'sender-' || (i % 20000), 'merchant-' || (i % 300), 'm-' || (i % 50), i % 4 = 0,
         case when i % 10 >= 7 then 'legit' end, case when i % 10 >= 7 then now() end, case when i % 10 >= 7 then 'tok_analyst_1' end
    from generate_series(1, ${cases}) as i`.execute(db);
// KYC documents for one sender in ten (2,000 of the 20,000): half analysed, of those one in five
// raising a signal; the rest still pending. The kyc_status views probe these per case.
await sql`
  insert into kyc_refs (tenant_id, entity_id, ref_key, doc_hash, created_at, updated_at)
  select 'default', 'sender-' || e, 'ref-' || e, 'hash-' || e, now(), now() from generate_series(0, 19999, 10) as e`.execute(db);
await sql`
  insert into enrichment_results (tenant_id, ref_key, entity_id, provider, llm_version, signals, evidence, facts, dropped_quotes, created_at)
  select 'default', 'ref-' || e, 'sender-' || e, 'builtin', 'builtin:rules-1',
         case when e % 100 = 0 then '{"flags": ["sanctions_match"]}' else '{"flags": []}' end::jsonb, '[]', '{}', 0, now()
    from generate_series(0, 19999, 20) as e`.execute(db);
await sql`analyze cases`.execute(db);
await sql`analyze kyc_refs`.execute(db);
await sql`analyze enrichment_results`.execute(db);
console.log(`filled in ${((performance.now() - fillStart) / 1000).toFixed(1)} s`);

const views: [string, string][] = [
  ['auth only (baseline): GET /v1/me', '/v1/me'],
  ['unresolved by priority (default view)', '/v1/cases?status=open,in_review,escalated'],
  ['open, BLOCK, score >= 800', '/v1/cases?status=open&decision=BLOCK&score_min=800'],
  ['unassigned by SLA', '/v1/cases?status=open,in_review,escalated&assignee=unassigned&sort=sla'],
  ['one analyst, newest first', '/v1/cases?assignee=tok_analyst_5&sort=created'],
  ['one receiver, has KYC', '/v1/cases?receiver_entity_id=merchant-16&has_kyc=true'],
  ['unresolved, KYC signal raised', '/v1/cases?status=open,in_review,escalated&kyc_status=flagged'],
  ['unresolved, KYC pending', '/v1/cases?status=open,in_review,escalated&kyc_status=pending'],
  ['open, no KYC documents', '/v1/cases?status=open&kyc_status=none'],
  ['last 7 days, created order', `/v1/cases?created_from=${new Date(Date.now() - 7 * 86_400_000).toISOString()}&sort=created`],
];
const headers = { authorization: `Bearer ${token}` };
const percentile = (sorted: number[], share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;
for (const [label, url] of views) {
  for (let warm = 0; warm < 10; warm++) await sentra.app.inject({ method: 'GET', url, headers });
  const times: number[] = [];
  let items = 0;
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    const answer = await sentra.app.inject({ method: 'GET', url, headers });
    times.push(performance.now() - start);
    if (answer.statusCode !== 200) throw new Error(`${url} answered ${answer.statusCode}: ${answer.body}`);
    items = (answer.json() as { items?: unknown[] }).items?.length ?? 0;
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(42)} p50 ${percentile(times, 0.5).toFixed(2)} ms  p95 ${percentile(times, 0.95).toFixed(2)} ms  max ${times[times.length - 1]!.toFixed(2)} ms  (${items} items)`);
}
// Deeper pages of the default view follow the cursor (keyset, not offset).
const first = (await sentra.app.inject({ method: 'GET', url: views[1]![1], headers })).json() as { next_cursor: string };
const deep: number[] = [];
let cursor: string | null = first.next_cursor;
for (let page = 0; page < 50 && cursor !== null; page++) {
  const start = performance.now();
  const answer: { json(): unknown } = await sentra.app.inject({ method: 'GET', url: `${views[1]![1]}&cursor=${encodeURIComponent(cursor)}`, headers });
  deep.push(performance.now() - start);
  cursor = (answer.json() as { next_cursor: string | null }).next_cursor;
}
deep.sort((a, b) => a - b);
console.log(`${'pages 2–51 of the default view (cursor)'.padEnd(42)} p50 ${percentile(deep, 0.5).toFixed(2)} ms  p95 ${percentile(deep, 0.95).toFixed(2)} ms  max ${deep[deep.length - 1]!.toFixed(2)} ms`);
await sentra.close();
rmSync(dataDir, { recursive: true, force: true });
