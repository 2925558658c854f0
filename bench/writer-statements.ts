/**
 * Where the decision writer's time goes inside PostgreSQL, table by table. It writes BENCH_BATCHES
 * group commits of BENCH_GROUP decisions (default 100 of 8; three in four PASS, one REVIEW that opens
 * a case; 300 senders, 20 receivers; 7 evidence items and 120 feature values each, as the default
 * model's decisions carry) through `persistDecisions`, the server's own path, into a fresh schema of
 * the PostgreSQL at DATABASE_URL, with `auto_explain` on the statements the writer's functions run
 * (`log_nested_statements`, `log_analyze`). The plans come back as notices on the connection
 * (`client_min_messages = log`), so nothing reads the server's log file.
 *
 * It prints, per decision: the wall time of a group commit (the client's part included), the CPU
 * time of the server's backend process (read from /proc when the server runs on this machine), each
 * statement the functions ran, and, inside the one statement that writes the rows, each plan node's
 * own time. A data-modifying CTE runs when its result is first read, so its time is split between
 * its `ModifyTable` node and the `CTE Scan` that reads it: add the two. With BENCH_SMALL=1 the
 * decisions carry no evidence and no features, to see what those two columns cost. With
 * BENCH_CALLS=sentry every decision is a merchant call whose fee is taken in the same statement (an
 * UPDATE of the merchant's balance and a usage line, migration 0077); with BENCH_CALLS=events it also
 * carries the event API's event row (migration 0075), to see what a merchant call adds to a score.
 *
 * PostgreSQL compiled natively, not the embedded database: the embedded one runs the same statements
 * compiled to WebAssembly, slower, and this is a guide to its proportions, not to its figures.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench npx tsx bench/writer-statements.ts
 *   BENCH_SMALL=1 BENCH_BATCHES=200 …
 *   BENCH_CALLS=events …
 *   BENCH_CALLS=sentry BENCH_NODES_OF='WITH items' …   # the plan nodes of another statement (here the fees')
 */
import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
import type { Database } from '../src/platform/database-schema.js';
import { migrateToLatest } from '../src/platform/migrate.js';
import { persistDecisions } from '../src/scoring/decision.repository.js';
import { ChainHeadCache } from '../src/audit/chain-head-cache.js';
import { FeatureLists } from '../src/features/feature-lists.js';
import { defaultCasePolicy } from '../src/cases/case-policy.js';
import { benchTenantAndMerchant, callKinds, DecisionGroups, type CallKind } from './support/decision-groups.js';
import { freshPostgresSchema } from '../test/support/test-app.js';

if (process.env.DATABASE_URL === undefined) throw new Error('DATABASE_URL (a PostgreSQL server) is required');
const batches = Number(process.env.BENCH_BATCHES ?? 100);
const group = Number(process.env.BENCH_GROUP ?? 8);
const small = process.env.BENCH_SMALL === '1';
const calls = (process.env.BENCH_CALLS ?? 'score') as CallKind;
if (!callKinds.includes(calls)) throw new Error(`BENCH_CALLS: score, sentry or events, not ${calls}`);

const explainSettings = [
  "LOAD 'auto_explain'",
  'SET auto_explain.log_min_duration = 0',
  'SET auto_explain.log_nested_statements = on',
  'SET auto_explain.log_analyze = on',
  "SET auto_explain.log_format = 'json'",
  'SET client_min_messages = log',
];
let explaining = false;
const plans: { ms: number; plan: { 'Query Text': string; Plan: PlanNode } }[] = [];
const pool = new pg.Pool({ connectionString: await freshPostgresSchema(), max: 1 });
pool.on('connect', (client) => {
  client.on('notice', (notice) => {
    const match = /^duration: ([\d.]+) ms\s+plan:\s*([\s\S]*)$/.exec(notice.message ?? '');
    if (explaining && match !== null) plans.push({ ms: Number(match[1]), plan: JSON.parse(match[2]!) });
  });
});
const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
await migrateToLatest(db as unknown as Kysely<never>);
const merchantId = await benchTenantAndMerchant(db);
const groups = new DecisionGroups(group, { small, merchantId });
const decisions = () => groups.next(calls);

const heads = new ChainHeadCache(db);
const lists = new FeatureLists();
// Warm the plans and caches, then explain.
for (let round = 0; round < 30; round++) await persistDecisions(db, heads, decisions(), defaultCasePolicy, lists);
/** CPU seconds of the connection's backend process (user + system), or undefined when the server is not on this machine. */
const backendPid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db)).rows[0]!.pid;
function backendCpuSeconds(): number | undefined {
  try {
    const stat = readFileSync(`/proc/${backendPid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}
const cpuBefore = backendCpuSeconds();
const started = performance.now();
for (let round = 0; round < batches; round++) await persistDecisions(db, heads, decisions(), defaultCasePolicy, lists);
const plainMicros = ((performance.now() - started) * 1000) / batches / group;
const cpuAfter = backendCpuSeconds();
const backendMicros = cpuBefore === undefined || cpuAfter === undefined ? undefined : ((cpuAfter - cpuBefore) * 1e6) / batches / group;
for (const statement of explainSettings) await db.executeQuery({ sql: statement, parameters: [], query: { kind: 'RawNode' } as never, queryId: { queryId: 'explain' } as never });
explaining = true;
const explainedStart = performance.now();
for (let round = 0; round < batches; round++) await persistDecisions(db, heads, decisions(), defaultCasePolicy, lists);
const explainedMicros = ((performance.now() - explainedStart) * 1000) / batches / group;
explaining = false;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'CTE Name'?: string;
  'Actual Total Time'?: number;
  'Actual Loops'?: number;
  Plans?: PlanNode[];
}
const perDecision = (ms: number) => ((ms * 1000) / batches / group).toFixed(1).padStart(7);
const nodeTime = (node: PlanNode) => (node['Actual Total Time'] ?? 0) * (node['Actual Loops'] ?? 1);
const statements = new Map<string, number>();
const nodes = new Map<string, number>();
function walk(node: PlanNode, cte: string): void {
  const children = node.Plans ?? [];
  const own = nodeTime(node) - children.reduce((total, child) => total + nodeTime(child), 0);
  const label = `${cte === '' ? '' : `${cte}: `}${node['Node Type']}${node['Relation Name'] === undefined ? '' : ` ${node['Relation Name']}`}${node['CTE Name'] === undefined ? '' : ` (reads ${node['CTE Name']})`}`;
  nodes.set(label, (nodes.get(label) ?? 0) + Math.max(0, own));
  for (const child of children) walk(child, (child as { 'Subplan Name'?: string })['Subplan Name']?.replace(/^CTE /, '') ?? cte);
}
for (const { ms, plan } of plans) {
  const text = plan['Query Text'].replace(/\s+/g, ' ').trim();
  statements.set(text.slice(0, 100), (statements.get(text.slice(0, 100)) ?? 0) + ms);
  if (text.startsWith(process.env.BENCH_NODES_OF ?? 'WITH entity_rows')) walk(plan.Plan, '');
}

console.log(`Decision writer on PostgreSQL, ${batches} group commits of ${group}${small ? ', no evidence and no features' : ''}${calls === 'score' ? '' : `, merchant calls (${calls})`}; load ${loadavg().map((value) => value.toFixed(2)).join(' ')}`);
console.log(`wall per decision: ${plainMicros.toFixed(0)} µs (${explainedMicros.toFixed(0)} µs while explained)${backendMicros === undefined ? '' : `; server backend CPU ${backendMicros.toFixed(0)} µs`}`);
console.log('statements the functions ran, µs per decision:');
for (const [text, ms] of [...statements].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`${perDecision(ms)}  ${text}`);
console.log('inside the statement that writes the rows, each node\'s own time, µs per decision:');
for (const [label, ms] of [...nodes].sort((a, b) => b[1] - a[1]).slice(0, 16)) console.log(`${perDecision(ms)}  ${label}`);
await db.destroy();
