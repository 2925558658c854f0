/**
 * Load benchmark of POST /v1/risk/score with full persistence, against a bare Fastify route in the
 * same run. Prints: cold start to ready, peak throughput of both and their ratio, and latency at a
 * sustained rate (default 1,000 req/s for 60 s), then the decision mix and the group commits.
 * Uses the built server (run `npm run build` first).
 *
 *   npx tsx bench/load.ts                       # embedded PGlite
 *   DATABASE_URL=postgres://… REDIS_URL=redis://… npx tsx bench/load.ts   # PostgreSQL (+ Redis)
 *   BENCH_RATE=1000 BENCH_SECONDS=60 BENCH_PEAK_SECONDS=15 BENCH_CONNECTIONS=32 npx tsx bench/load.ts
 *   BENCH_GENERATOR=autocannon npx tsx bench/load.ts
 *   BENCH_REVIEW_AT=0 npx tsx bench/load.ts        # every payment escalates: a case, its timeline and audit entries per score
 *   DATABASE_URL=… REDIS_URL=… BENCH_WORKERS=1,2,4 npx tsx bench/load.ts   # peak of `sentra serve --workers N` for each N
 *
 * With BENCH_WORKERS the run measures the bare route, then for each worker count the server's cold
 * start (until every worker listens), a warm-up (BENCH_WARM_SECONDS, default 5) and its peak, with
 * the cores used meanwhile by the server's processes, PostgreSQL, Redis and the load generator; it
 * prints each peak as a ratio of the bare route and of one worker, and skips the sustained phase.
 *
 * The load generator runs on the same machine: wrk (`apt install wrk`) when it is installed, which
 * needs a few percent of a core, else autocannon in this process, which takes most of a core at
 * 1,000 req/s. Traffic goes to 127.0.0.1 only; every phase is bounded in time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { autocannonGenerator, wrkAvailable, wrkGenerator, type LoadGenerator, type Phase } from './support/load-generators.js';
import { startServer } from './support/processes.js';
import { measureWorkerPeaks, workerCounts } from './support/worker-peaks.js';

const rate = Number(process.env.BENCH_RATE ?? 1000);
const sustainedSeconds = Number(process.env.BENCH_SECONDS ?? 60);
const peakSeconds = Number(process.env.BENCH_PEAK_SECONDS ?? 15);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const warmSeconds = Number(process.env.BENCH_WARM_SECONDS ?? 5);
const workers = workerCounts(process.env.BENCH_WORKERS);
const token = 'bench-admin-token-0123456789abcdef';

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
    `${name.padEnd(34)} ${phase.requestsPerSecond.toFixed(0).padStart(7)} req/s  p50 ${phase.p50.toFixed(2)} ms  p99 ${phase.p99.toFixed(2)} ms  p99.9 ${phase.p999.toFixed(2)} ms  max ${phase.max.toFixed(2)} ms  errors ${phase.errors}  non-2xx ${phase.non2xx}  total ${phase.total}`,
  );

const dataDir = mkdtempSync(join(tmpdir(), 'sentra-bench-'));
const workDir = mkdtempSync(join(tmpdir(), 'sentra-bench-bodies-'));
const wanted = process.env.BENCH_GENERATOR ?? (wrkAvailable() ? 'wrk' : 'autocannon');
const generator: LoadGenerator = wanted === 'wrk' ? wrkGenerator(connections, workDir) : autocannonGenerator(connections);
const store = process.env.DATABASE_URL === undefined ? 'embedded PGlite' : 'PostgreSQL';
console.log(`Sentra load benchmark: store ${store}, load generator ${generator.name}, node ${process.version}`);

const bare = await startServer(['--import', 'tsx', 'bench/support/bare-fastify.ts'], {}, 18_181, '/healthz');
const barePeak = await generator.run({ url: `${bare.url}/bare`, seconds: peakSeconds, runId: `bare-${Date.now()}` });
await bare.stop();

const env = { SENTRA_DATA_DIR: dataDir, SENTRA_BOOTSTRAP_TOKEN: token };
if (workers !== undefined) {
  const peaks = await measureWorkerPeaks({ counts: workers, generator, env, port: 18_182, token, warmSeconds, peakSeconds });
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(workDir, { recursive: true, force: true });
  show('bare Fastify route, peak', barePeak);
  const single = peaks.find((result) => result.workers === 1)?.peak.requestsPerSecond;
  for (const { workers: count, readyMs, peak, cpu } of peaks) {
    show(`--workers ${count}, peak`, peak);
    const ratio = ((peak.requestsPerSecond / barePeak.requestsPerSecond) * 100).toFixed(1);
    const scale = single === undefined ? '' : `, ${(peak.requestsPerSecond / single).toFixed(2)}x one worker`;
    console.log(`  ${ratio}% of bare Fastify${scale}; ready in ${readyMs.toFixed(0)} ms; cores during the peak: ${cpu}`);
  }
  process.exit(0);
}
const fresh = await startServer(['dist/cli/main.js', 'serve'], env, 18_182, '/readyz');
console.log(`cold start, fresh data folder:      ${fresh.readyMs.toFixed(0)} ms to ready`);
await fresh.stop();
const sentra = await startServer(['dist/cli/main.js', 'serve'], env, 18_182, '/readyz');
console.log(`cold start, existing data folder:   ${sentra.readyMs.toFixed(0)} ms to ready`);

if (process.env.BENCH_REVIEW_AT !== undefined) {
  // Escalate (part of) the traffic, so the run measures the case writes too: with review_at 0 every
  // payment opens a case (case row, timeline event and audit entries in the decision's commit).
  const reviewAt = Number(process.env.BENCH_REVIEW_AT);
  const set = await fetch(`${sentra.url}/v1/admin/thresholds`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ review_at: reviewAt, hold_at: Math.max(reviewAt, 990), block_at: Math.max(reviewAt, 1000) }),
  });
  if (!set.ok) throw new Error(`thresholds: ${set.status} ${await set.text()}`);
  console.log(`thresholds: review_at ${reviewAt}`);
}
const scoreUrl = `${sentra.url}/v1/risk/score`;
const runId = `load-${Date.now()}`;
await generator.run({ url: scoreUrl, token, seconds: warmSeconds, runId: `${runId}-warm` });
const sentraPeak = await generator.run({ url: scoreUrl, token, seconds: peakSeconds, runId: `${runId}-peak` });
const sustained = await generator.run({ url: scoreUrl, token, seconds: sustainedSeconds, rate, runId: `${runId}-rate` });
const metricsText = await (await fetch(`${sentra.url}/metrics`)).text();
const openCases = process.env.BENCH_REVIEW_AT === undefined ? undefined : ((await (await fetch(`${sentra.url}/v1/cases?limit=1`, { headers: { authorization: `Bearer ${token}` } })).json()) as { counts?: unknown }).counts;
await sentra.stop();
rmSync(dataDir, { recursive: true, force: true });
rmSync(workDir, { recursive: true, force: true });

show('bare Fastify route, peak', barePeak);
show('POST /v1/risk/score, peak', sentraPeak);
show(`POST /v1/risk/score, ${rate}/s for ${sustainedSeconds} s`, sustained);
console.log(`peak throughput ratio (Sentra / bare Fastify): ${((sentraPeak.requestsPerSecond / barePeak.requestsPerSecond) * 100).toFixed(1)}%`);
console.log(`decision mix over all phases: ${decisionMix(metricsText)}`);
console.log(`group commits: ${commitSummary(metricsText)}`);
if (openCases !== undefined) console.log(`cases opened: ${JSON.stringify(openCases)}`);
