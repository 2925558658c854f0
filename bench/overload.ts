/**
 * Overload and soak benchmark of POST /v1/risk/score (embedded PGlite by default; DATABASE_URL and
 * REDIS_URL for PostgreSQL and Redis). In one run:
 * 1. the peak: as fast as 32 connections go, closed loop (BENCH_PEAK_SECONDS, default 10);
 * 2. the overload: wrk offers BENCH_OVERLOAD_FACTOR (default 2) × that peak from
 *    BENCH_OVERLOAD_CONNECTIONS (default 256) connections for BENCH_OVERLOAD_SECONDS (default 60;
 *    600 is the 10-minute soak), paced open loop;
 * 3. meanwhile a probe sends 20 requests/s of its own and times each one, so the latency of the
 *    requests the server admitted is measured apart from the fast refusals (wrk's percentiles mix both);
 * 4. the server's resident memory (VmRSS) every 5 s.
 * Prints the peak, what was offered and served, how the refusals were answered (503 with Retry-After
 * is shedding; anything else is a failure), the probe's admitted latency, and RSS over time.
 * Needs wrk (`apt-get install wrk`) and the built server (`npm run build`). Loopback only, bounded.
 *
 *   npx tsx bench/overload.ts
 *   BENCH_OVERLOAD_SECONDS=600 npx tsx bench/overload.ts      # the 10-minute soak
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { wrkAvailable, wrkGenerator } from './support/load-generators.js';
import { startServer } from './support/processes.js';
import { ScoreBodyFactory } from './support/score-bodies.js';

const peakSeconds = Number(process.env.BENCH_PEAK_SECONDS ?? 10);
const overloadSeconds = Number(process.env.BENCH_OVERLOAD_SECONDS ?? 60);
const factor = Number(process.env.BENCH_OVERLOAD_FACTOR ?? 2);
const overloadConnections = Number(process.env.BENCH_OVERLOAD_CONNECTIONS ?? 256);
const probeRate = 20;
const token = 'bench-admin-token-0123456789abcdef';
if (!wrkAvailable()) throw new Error('bench/overload.ts needs wrk (apt-get install wrk)');

const dataDir = mkdtempSync(join(tmpdir(), 'sentra-overload-'));
const workDir = mkdtempSync(join(tmpdir(), 'sentra-overload-bodies-'));
const store = process.env.DATABASE_URL === undefined ? 'embedded PGlite' : 'PostgreSQL';
console.log(`Sentra overload benchmark: store ${store}, node ${process.version}, load ${loadavg()[0]!.toFixed(1)}`);
const sentra = await startServer(['dist/cli/main.js', 'serve'], { SENTRA_DATA_DIR: dataDir, SENTRA_BOOTSTRAP_TOKEN: token }, 18_183, '/readyz');
const scoreUrl = `${sentra.url}/v1/risk/score`;

/** Resident memory of the server process, in MiB. */
const rssMiB = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${sentra.child.pid}/status`, 'utf8'))![1]) / 1024;

const runId = `overload-${Date.now()}`;
const closed = wrkGenerator(32, workDir);
await closed.run({ url: scoreUrl, token, seconds: 5, runId: `${runId}-warm` });
const peak = await closed.run({ url: scoreUrl, token, seconds: peakSeconds, runId: `${runId}-peak` });
const offered = Math.round(peak.requestsPerSecond * factor);
console.log(`peak (32 connections, closed loop): ${peak.requestsPerSecond.toFixed(0)} req/s, p99 ${peak.p99.toFixed(1)} ms, non-2xx ${peak.non2xx}`);
console.log(`offering ${offered} req/s (${factor}× peak) from ${overloadConnections} connections for ${overloadSeconds} s; RSS at start ${rssMiB().toFixed(0)} MiB`);

const rss: { second: number; mib: number }[] = [];
const started = performance.now();
const sampler = setInterval(() => rss.push({ second: Math.round((performance.now() - started) / 1000), mib: rssMiB() }), 5_000);

/** The probe: its own bodies at a fixed pace, each timed and its status kept. */
const probed: { status: number; ms: number; retryAfter: string | null }[] = [];
let probing = true;
const probe = (async () => {
  const bodies = new ScoreBodyFactory(`${runId}-probe`, 11);
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  while (probing) {
    const sent = performance.now();
    try {
      const response = await fetch(scoreUrl, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: bodies.next(), signal: AbortSignal.timeout(10_000) });
      await response.arrayBuffer();
      probed.push({ status: response.status, ms: performance.now() - sent, retryAfter: response.headers.get('retry-after') });
    } catch {
      probed.push({ status: 0, ms: performance.now() - sent, retryAfter: null });
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 / probeRate - (performance.now() - sent))));
  }
})();

const overload = await wrkGenerator(overloadConnections, workDir).run({ url: scoreUrl, token, seconds: overloadSeconds, rate: offered, runId: `${runId}-over` });
probing = false;
await probe;
clearInterval(sampler);
rss.push({ second: Math.round((performance.now() - started) / 1000), mib: rssMiB() });
const metricsText = await (await fetch(`${sentra.url}/metrics`)).text();
await sentra.stop();
rmSync(dataDir, { recursive: true, force: true });
rmSync(workDir, { recursive: true, force: true });

const counter = (name: string) => [...metricsText.matchAll(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'gm'))].reduce((sum, match) => sum + Number(match[1]), 0);
const served = overload.total - overload.non2xx - overload.errors;
console.log(
  `overload: offered ${offered} req/s, sent ${overload.requestsPerSecond.toFixed(0)} req/s; ${served} answered 200 (${(served / overloadSeconds).toFixed(0)}/s), ` +
    `${overload.non2xx} non-2xx, ${overload.errors} socket errors or timeouts; wrk's mixed p50 ${overload.p50.toFixed(1)} ms, p99 ${overload.p99.toFixed(1)} ms, max ${overload.max.toFixed(1)} ms`,
);
console.log(`server: ${counter('sentra_requests_shed_total')} shed at the door, ${counter('sentra_decisions_total')} decisions`);
const percentile = (sorted: number[], share: number) => (sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!);
const admitted = probed.filter((answer) => answer.status === 200).map((answer) => answer.ms).sort((a, b) => a - b);
const shed = probed.filter((answer) => answer.status === 503);
const other = probed.filter((answer) => answer.status !== 200 && answer.status !== 503);
const shedMs = shed.map((answer) => answer.ms).sort((a, b) => a - b);
console.log(
  `probe (${probed.length} requests at ${probeRate}/s): ${admitted.length} admitted, p50 ${percentile(admitted, 0.5).toFixed(1)} ms, p99 ${percentile(admitted, 0.99).toFixed(1)} ms, max ${(admitted.at(-1) ?? Number.NaN).toFixed(1)} ms; ` +
    `${shed.length} answered 503 (${shed.filter((answer) => answer.retryAfter !== null).length} with Retry-After, p99 ${percentile(shedMs, 0.99).toFixed(1)} ms); ${other.length} other answers or failures`,
);
console.log(`RSS (MiB) every 5 s: ${rss.map((sample) => sample.mib.toFixed(0)).join(' ')}`);
console.log(`RSS max ${Math.max(...rss.map((sample) => sample.mib)).toFixed(0)} MiB, last ${rss.at(-1)!.mib.toFixed(0)} MiB; load ${loadavg()[0]!.toFixed(1)}`);
