/**
 * Load benchmark of POST /v1/risk/score with full persistence, against a bare Fastify route in the
 * same run. Prints: cold start to ready, peak throughput of both and their ratio, and latency at a
 * sustained rate (default 1,000 req/s for 60 s). Uses the built server (run `npm run build` first).
 *
 *   npx tsx bench/load.ts                       # embedded PGlite
 *   DATABASE_URL=postgres://… npx tsx bench/load.ts   # PostgreSQL
 *   BENCH_RATE=1000 BENCH_SECONDS=60 BENCH_PEAK_SECONDS=15 npx tsx bench/load.ts
 *
 * Traffic goes to 127.0.0.1 only; every phase is bounded in time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ScoreBodyFactory } from './support/score-bodies.js';
import { startServer } from './support/processes.js';

const rate = Number(process.env.BENCH_RATE ?? 1000);
const sustainedSeconds = Number(process.env.BENCH_SECONDS ?? 60);
const peakSeconds = Number(process.env.BENCH_PEAK_SECONDS ?? 15);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const token = 'bench-admin-token-0123456789abcdef';

interface Phase {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  p999: number;
  max: number;
  errors: number;
  non2xx: number;
  total: number;
}

async function run(options: autocannon.Options): Promise<Phase> {
  const result = await autocannon({ ...options, connections: options.connections ?? connections });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    p999: result.latency.p99_9,
    max: result.latency.max,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    total: result.requests.total,
  };
}

function scoreOptions(url: string, factory: ScoreBodyFactory, extra: Partial<autocannon.Options>): autocannon.Options {
  return {
    url: `${url}/v1/risk/score`,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    requests: [{ setupRequest: (request) => ({ ...request, body: factory.next() }) }],
    ...extra,
  };
}

/** `PASS 12% REVIEW 3% …` from the server's sentra_decisions_total counters. */
function decisionMix(metricsText: string): string {
  const counts = new Map<string, number>();
  for (const match of metricsText.matchAll(/^sentra_decisions_total\{decision="(\w+)"[^}]*\} (\d+)/gm)) {
    counts.set(match[1]!, (counts.get(match[1]!) ?? 0) + Number(match[2]));
  }
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  return ['PASS', 'REVIEW', 'HOLD', 'BLOCK'].map((decision) => `${decision} ${(((counts.get(decision) ?? 0) / Math.max(total, 1)) * 100).toFixed(1)}%`).join('  ');
}

/** Number, mean size and mean duration of the decision group commits. */
function commitSummary(metricsText: string): string {
  const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(metricsText)?.[1] ?? Number.NaN);
  const commits = value('sentra_decision_commit_size_count');
  const decisions = value('sentra_decision_commit_size_sum');
  const seconds = value('sentra_decision_commit_seconds_sum');
  return `${commits} commits, ${(decisions / commits).toFixed(1)} decisions and ${((seconds / commits) * 1000).toFixed(2)} ms each on average`;
}

const show = (name: string, phase: Phase) =>
  console.log(
    `${name.padEnd(34)} ${phase.requestsPerSecond.toFixed(0).padStart(7)} req/s  p50 ${phase.p50} ms  p99 ${phase.p99} ms  p99.9 ${phase.p999} ms  max ${phase.max} ms  errors ${phase.errors}  non-2xx ${phase.non2xx}  total ${phase.total}`,
  );

const dataDir = mkdtempSync(join(tmpdir(), 'sentra-bench-'));
const store = process.env.DATABASE_URL === undefined ? 'embedded PGlite' : 'PostgreSQL';
console.log(`Sentra load benchmark: store ${store}, ${connections} connections, node ${process.version}`);

const bare = await startServer(['--import', 'tsx', 'bench/support/bare-fastify.ts'], {}, 18_181, '/healthz');
const factoryForBare = new ScoreBodyFactory('bare');
const barePeak = await run({
  url: `${bare.url}/bare`,
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  requests: [{ setupRequest: (request) => ({ ...request, body: factoryForBare.next() }) }],
  duration: peakSeconds,
});
await bare.stop();

const env = { SENTRA_DATA_DIR: dataDir, SENTRA_BOOTSTRAP_TOKEN: token };
const fresh = await startServer(['dist/cli/main.js', 'serve'], env, 18_182, '/readyz');
console.log(`cold start, fresh data folder:      ${fresh.readyMs.toFixed(0)} ms to ready`);
await fresh.stop();
const sentra = await startServer(['dist/cli/main.js', 'serve'], env, 18_182, '/readyz');
console.log(`cold start, existing data folder:   ${sentra.readyMs.toFixed(0)} ms to ready`);

const factory = new ScoreBodyFactory(`load-${Date.now()}`);
await run(scoreOptions(sentra.url, factory, { duration: 5 }));
const sentraPeak = await run(scoreOptions(sentra.url, factory, { duration: peakSeconds }));
const sustained = await run(scoreOptions(sentra.url, factory, { duration: sustainedSeconds, overallRate: rate }));
const metricsText = await (await fetch(`${sentra.url}/metrics`)).text();
await sentra.stop();
rmSync(dataDir, { recursive: true, force: true });

show('bare Fastify route, peak', barePeak);
show('POST /v1/risk/score, peak', sentraPeak);
show(`POST /v1/risk/score, ${rate}/s for ${sustainedSeconds} s`, sustained);
console.log(`peak throughput ratio (Sentra / bare Fastify): ${((sentraPeak.requestsPerSecond / barePeak.requestsPerSecond) * 100).toFixed(1)}%`);
console.log(`decision mix over all phases: ${decisionMix(metricsText)}`);
console.log(`group commits: ${commitSummary(metricsText)}`);
