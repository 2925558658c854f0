/**
 * The decision writer's CPU per decision on the embedded database, by kind of call. It writes group
 * commits (BENCH_GROUP decisions, default 8; bench/support/decision-groups.ts) through
 * `persistDecisions`, the server's own path, into an embedded database of its own (the worker thread
 * the server uses, flushed on every commit unless BENCH_FSYNC=0), and measures the process's CPU
 * time (every thread) per decision, and the database thread's part of it (the PGlite worker). Each round writes BENCH_BATCHES groups (default 150) of each kind
 * in BENCH_CALLS (default `score,sentry,events`: a score; a confidence call, its fee taken in the
 * same statement; an event call, its fee and event row), in an order that alternates between rounds,
 * so a drift of the machine or of the tables' size falls on every kind alike. It prints each round and
 * each kind's median over BENCH_ROUNDS rounds (default 8), and each merchant call's median against the
 * score's.
 *
 *   npx tsx bench/writer-embedded.ts
 *   BENCH_CALLS=score,sentry BENCH_ROUNDS=10 npx tsx bench/writer-embedded.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/platform/database.js';
import { migrateToLatest } from '../src/platform/migrate.js';
import { persistDecisions } from '../src/scoring/decision.repository.js';
import { ChainHeadCache } from '../src/audit/chain-head-cache.js';
import { FeatureLists } from '../src/features/feature-lists.js';
import { defaultCasePolicy } from '../src/cases/case-policy.js';
import { benchTenantAndMerchant, callKinds, DecisionGroups, type CallKind } from './support/decision-groups.js';
import { cpuByThread } from './support/process-cpu.js';

const group = Number(process.env.BENCH_GROUP ?? 8);
const batches = Number(process.env.BENCH_BATCHES ?? 150);
const rounds = Number(process.env.BENCH_ROUNDS ?? 8);
const kinds = (process.env.BENCH_CALLS ?? 'score,sentry,events').split(',') as CallKind[];
for (const kind of kinds) if (!callKinds.includes(kind)) throw new Error(`BENCH_CALLS: score, sentry or events, not ${kind}`);

const dataDir = mkdtempSync(join(tmpdir(), 'sentra-writer-'));
const handle = await openDatabase({ databaseUrl: undefined, dataDir, timeoutMs: 10_000, fsync: process.env.BENCH_FSYNC !== '0' });
try {
  const db = handle.db;
  await migrateToLatest(db as never);
  const groups = new DecisionGroups(group, { merchantId: await benchTenantAndMerchant(db) });
  const heads = new ChainHeadCache(db);
  const lists = new FeatureLists();
  const write = (kind: CallKind) => persistDecisions(db, heads, groups.next(kind), defaultCasePolicy, lists);
  for (const kind of kinds) for (let batch = 0; batch < 20; batch++) await write(kind);

  console.log(`Decision writer, embedded database, groups of ${group}, ${batches} groups per kind and round; load ${loadavg().map((value) => value.toFixed(2)).join(' ')}`);
  const samples = new Map<CallKind, number[]>(kinds.map((kind) => [kind, []]));
  const databaseSamples = new Map<CallKind, number[]>(kinds.map((kind) => [kind, []]));
  for (let round = 1; round <= rounds; round++) {
    const order = round % 2 === 1 ? kinds : [...kinds].reverse();
    const line: string[] = [];
    for (const kind of order) {
      const before = process.cpuUsage();
      const threadsBefore = cpuByThread(process.pid);
      for (let batch = 0; batch < batches; batch++) await write(kind);
      const used = process.cpuUsage(before);
      const micros = (used.user + used.system) / batches / group;
      const databaseMicros = ((cpuByThread(process.pid).workers - threadsBefore.workers) * 1e6) / batches / group;
      samples.get(kind)!.push(micros);
      databaseSamples.get(kind)!.push(databaseMicros);
      line.push(`${kind} ${micros.toFixed(0)} (database thread ${databaseMicros.toFixed(0)})`);
    }
    console.log(`round ${round}: ${line.join(', ')} µs of CPU per decision`);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  for (const kind of kinds) {
    console.log(`${kind.padEnd(7)} median ${median(samples.get(kind)!).toFixed(0)} µs of CPU per decision, of which the database thread ${median(databaseSamples.get(kind)!).toFixed(0)} µs`);
  }
  if (kinds.includes('score')) {
    const score = median(samples.get('score')!);
    for (const kind of kinds) if (kind !== 'score') console.log(`${kind}: ${(median(samples.get(kind)!) - score).toFixed(0)} µs more than a score (${(median(samples.get(kind)!) / score).toFixed(2)}×)`);
  }
  console.log(`load ${loadavg().map((value) => value.toFixed(2)).join(' ')}`);
} finally {
  await handle.close();
  rmSync(dataDir, { recursive: true, force: true });
}
