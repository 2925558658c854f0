/**
 * Rules benchmark (issue 7). Two figures:
 *
 * 1. What 100 live rules add to a scoring request: building the rule variables from the
 *    transaction, its ~60 features and the model's verdict, evaluating 100 compiled rules (a mix of
 *    feature thresholds, request fields, list membership in a 100,000-entry list, model score and
 *    score rules), counting the outcomes and applying the precedence. p50 and p99 over 20,000 requests,
 *    against the same run's decision without rules (what a tenant without rules pays). Target p50 ≤ 50 µs.
 * 2. Backtest throughput: 1,000,000 stored decisions (with their transactions, feature vectors and
 *    2% labels) seeded into a fresh PostgreSQL schema (DATABASE_URL) or an in-memory PGlite
 *    (--store pglite), then `POST /v1/rules/backtest`'s service over all of them. Target ≤ 30 s.
 *
 *   DATABASE_URL=postgres://… npx tsx bench/rules.ts [--decisions 1000000] [--store postgres|pglite]
 *   (--decisions 0: the scoring-path figure only; --schema t_…: backtest again the decisions a previous
 *   run seeded into that PostgreSQL schema, without seeding)
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { Counter, Registry } from 'prom-client';
import { featureNames } from '../src/features/catalogue/feature-catalogue.js';
import { compileExpression } from '../src/rules/compile-rule.js';
import { createRuleEnvironment } from '../src/rules/rule-environment.js';
import { RuleSet, type CompiledRule } from '../src/rules/rule-set.js';
import { RuleRuntime } from '../src/rule-store/rule-runtime.js';
import { openDatabase } from '../src/platform/database.js';
import { systemClock } from '../src/platform/clock.js';
import { createLogger } from '../src/platform/logger.js';
import { ruleVariables } from '../src/rules/rule-variables.js';
import { benchFeatureValues, benchLists, benchRuleTemplates } from './support/rule-workload.js';
import { applyRuleHits } from '../src/scoring/decision-pipeline.js';
import type { TransactionRecord } from '../src/contract/transaction-record.js';

const { values } = parseArgs({ options: { decisions: { type: 'string', default: '1000000' }, store: { type: 'string' }, schema: { type: 'string' } } });
const number = (value: number) => Math.round(value).toLocaleString('en-US');
const environment = createRuleEnvironment();
const features = new Set(featureNames);

// ---- 1. 100 live rules on the scoring path ----
const rules: CompiledRule[] = [];
for (let index = 0; index < 100; index++) {
  const [expression, action] = benchRuleTemplates[index % benchRuleTemplates.length]!;
  const compiled = compileExpression(environment, expression, { features });
  if (!compiled.ok) throw new Error(`${expression}: ${JSON.stringify(compiled.problems)}`);
  rules.push({ ruleId: `rule_${index}`, version: 1, name: `rule ${index}`, expression, action, priority: index % 7, mode: index % 10 === 9 ? 'shadow' : 'live', evaluate: compiled.evaluate });
}
const ruleSet = new RuleSet(1, rules);
const lists = benchLists();
const featureValues = benchFeatureValues();
const record = (index: number): TransactionRecord => ({
  txId: `tx-${index}`,
  createdAt: Date.UTC(2026, 10, 20) + index,
  amount: 50 + (index % 9000),
  currency: index % 5 === 0 ? 'NGN' : 'USD',
  fxRate: undefined,
  direction: 'pay_in',
  channel: 'card',
  psp: 'stripe',
  routeId: 'r1',
  status: 'approved',
  statusReason: 'ok',
  feeTotal: 1,
  senderEntityId: `cust-${index % 200_000}`,
  receiverEntityId: 'merchant-1',
  senderCountry: 'US',
  receiverCountry: index % 3 === 0 ? 'GB' : 'US',
  userId: undefined,
  merchantId: undefined,
  ipHash: 'ip',
  deviceIdHash: index % 1000 === 0 ? 'device-bad' : 'device-ok',
  sessionId: undefined,
  userAgent: undefined,
  overrides: undefined,
});
const thresholds = { reviewAt: 300, holdAt: 600, blockAt: 850 };
// The scoring path counts every hit and error in a labelled counter; so does the bench.
const ruleOutcomes = new Counter({ name: 'bench_rule_outcomes_total', help: 'bench', labelNames: ['mode', 'outcome'], registers: [new Registry()] });
const requests = 20_000;
/** Per request, alternately: the decision without rules (the baseline, as a tenant without rules pays) and with the 100 rules. */
const baseline = new Float64Array(requests);
const withRules = new Float64Array(requests);
const inputs = Array.from({ length: 1000 }, (_, index) => record(index));
let decided = 0;
let blockedWithout = 0;
let rulesCpu = 0;
for (let round = 0; round < 2; round++) {
  for (let index = 0; index < requests; index++) {
    const score = (index * 37) % 1000;
    let started = process.hrtime.bigint();
    if (applyRuleHits(score, thresholds, undefined, { version: 0, size: 0 }).decision === 'BLOCK') blockedWithout++;
    baseline[index] = Number(process.hrtime.bigint() - started) / 1000;
    const cpuBefore = process.cpuUsage();
    started = process.hrtime.bigint();
    const variables = ruleVariables({ record: inputs[index % 1000]!, features: featureValues, model: { score, probability: score / 1000, decision: 'PASS', version: 'v1' }, lists, now: Date.now(), featureNames: ruleSet.features });
    const hits = ruleSet.evaluate(variables);
    for (const hit of hits) ruleOutcomes.inc({ mode: hit.mode, outcome: hit.outcome });
    const outcome = applyRuleHits(score, thresholds, hits, ruleSet);
    withRules[index] = Number(process.hrtime.bigint() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    if (round === 1) rulesCpu += cpu.user + cpu.system;
    if (outcome.decision !== 'PASS') decided++;
  }
}
// The second round's samples: the first warms the JIT.
const quantile = (samples: Float64Array, q: number) => {
  const sorted = [...samples].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
const [base50, rules50] = [quantile(baseline, 0.5), quantile(withRules, 0.5)];
console.log(
  `100 live rules on a scoring request: p50 ${rules50.toFixed(1)} µs, p99 ${quantile(withRules, 0.99).toFixed(1)} µs; without rules (same run) p50 ${base50.toFixed(1)} µs, ` +
    `p99 ${quantile(baseline, 0.99).toFixed(1)} µs; added p50 ${(rules50 - base50).toFixed(1)} µs (target ≤ 50 µs; ${decided} of ${2 * requests} escalated with rules, ${blockedWithout} blocked without); ` +
    `CPU with rules ${(rulesCpu / requests).toFixed(1)} µs per request (process.cpuUsage granularity)`,
);

// ---- 2. Backtest over stored decisions ----
const count = Number(values.decisions);
if (count === 0) process.exit(0);
const store = values.store ?? (process.env.DATABASE_URL === undefined ? 'pglite' : 'postgres');
const [{ startTestApp }] = await Promise.all([import('../test/support/test-app.js')]);
const seeded = values.schema === undefined ? undefined : new URL(process.env.DATABASE_URL ?? '');
seeded?.searchParams.set('options', `-c search_path=${values.schema}`);
// A seeded schema is opened as it is (its model artifacts went with the run that seeded it).
const app = seeded === undefined ? await startTestApp(store === 'postgres' ? 'postgres' : 'pglite', { SENTRA_DB_TIMEOUT_MS: '60000' }) : undefined;
const database = seeded === undefined ? undefined : await openDatabase({ databaseUrl: seeded.toString(), dataDir: '', timeoutMs: 60_000 });
try {
  const db = app?.runtime.database.db ?? database!.db;
  const seedStarted = performance.now();
  // jsonb_build_object takes at most 100 arguments: build the vector in parts of 40 features.
  const featureParts: string[] = [];
  for (let first = 0; first < featureNames.length; first += 40) {
    const pairs = featureNames.slice(first, first + 40).map((name, offset) => `'${name}', ((i * ${first + offset + 3}) % 17)::float8`);
    featureParts.push(`jsonb_build_object(${pairs.join(', ')})`);
  }
  const featureJson = featureParts.join(' || ');
  for (let start = 0; start < (seeded === undefined ? count : 0); start += 25_000) {
    const end = Math.min(count, start + 25_000) - 1;
    await sql
      .raw(
        `insert into transactions (tenant_id, tx_id, created_at, amount, currency, direction, channel, psp, route_id, status, status_reason, fee_total,
           sender_entity_id, receiver_entity_id, sender_country, receiver_country, source, updated_at)
         select 'default', 'tx-' || i, timestamptz '2026-01-01' + i * interval '1 second', 10 + (i % 5000), 'USD', 'pay_in',
           case when i % 3 = 0 then 'card' else 'bank_transfer' end, 'stripe', 'r1', 'approved', 'ok', 1,
           'cust-' || (i % 50000), 'merchant-' || (i % 300), case when i % 50 = 0 then 'NG' else 'US' end, 'US', 'api', now()
         from generate_series(${start}, ${end}) as i`,
      )
      .execute(db);
    await sql
      .raw(
        `insert into risk_scores (id, tenant_id, tx_id, scored_at, risk_score, probability, decision, reasons, evidence, features, model_version,
           thresholds, request_digest, latency_ms, llm_status, source, tx_month)
         select 'dec_' || lpad(i::text, 10, '0'), 'default', 'tx-' || i, timestamptz '2026-01-01' + i * interval '1 second', (i * 37) % 1000,
           ((i * 37) % 1000) / 1000.0, case when (i * 37) % 1000 >= 850 then 'BLOCK' when (i * 37) % 1000 >= 600 then 'HOLD'
           when (i * 37) % 1000 >= 300 then 'REVIEW' else 'PASS' end, '[]', '[]', ${featureJson}, 'v1',
           '{"reviewAt":300,"holdAt":600,"blockAt":850}', 'digest', 1, 'ready', 'api', date_trunc('month', (timestamptz '2026-01-01' + i * interval '1 second') at time zone 'UTC') at time zone 'UTC'
         from generate_series(${start}, ${end}) as i`,
      )
      .execute(db);
    await sql
      .raw(
        `insert into labels (tenant_id, tx_id, source, label, labeled_at, reason, ingest_run_id, created_by, created_at)
         select 'default', 'tx-' || i, 'chargeback', case when i % 3 = 0 then 'fraud' else 'legit' end,
           timestamptz '2026-06-01', 'bench', null, 'bench', now()
         from generate_series(${start}, ${end}) as i where i % 50 = 0`,
      )
      .execute(db);
  }
  await sql.raw('analyze').execute(db);
  if (seeded === undefined) console.log(`seeded ${number(count)} decisions on ${store} in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
  const { RuleBacktestService } = await import('../src/scoring/rule-backtest.service.js');
  const service = new RuleBacktestService(db, app?.runtime.rules ?? new RuleRuntime(db, systemClock, createLogger('silent'), environment));
  const usage = process.cpuUsage();
  const started = performance.now();
  const result = await service.run('default', {
    expression: 'features.sender_tx_count_1h > 10.0 && tx.channel == "card" && entities.sender_country == "NG"',
    action: 'BLOCK',
    from: '2025-12-31T00:00:00Z',
    to: '2027-01-01T00:00:00Z',
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(usage);
  console.log(
    `backtest over ${number(result.evaluated)} stored decisions on ${store}: ${seconds.toFixed(1)} s = ${number(result.evaluated / seconds)} decisions/s ` +
      `(target ≤ 30 s for 1,000,000; this process's CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s; ${result.hits.transactions} hits, precision ${result.precision})`,
  );
} finally {
  await app?.close();
  await database?.close();
}
console.log(`load average ${loadavg().map((load) => load.toFixed(2)).join(' ')}`);
