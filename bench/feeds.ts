/**
 * Feed receiver benchmark: signed Stripe webhooks (`charge.succeeded`, each a new event, signed per
 * request) against `POST /v1/feeds/stripe/{merchant}` of the built server, with a bare Fastify route
 * taking the same bodies as the same-run baseline. Prints acknowledgements per second and latency
 * at peak and at a sustained rate (default 2,000/s for 20 s), then how long scoring behind the inbox
 * took to drain what was acknowledged and its average rate over the run.
 *
 *   npm run build && npx tsx bench/feeds.ts
 *   BENCH_RATE=2000 BENCH_SECONDS=20 BENCH_PEAK_SECONDS=10 BENCH_CONNECTIONS=32 npx tsx bench/feeds.ts
 *   BENCH_SERVER=/tmp/previous-build/cli/main.js npx tsx bench/feeds.ts   (another build, same load)
 *
 * The load comes from wrk when installed (`apt install wrk`): the events are signed beforehand and
 * written to a file, so the generator needs a few percent of a core. Without wrk, autocannon runs in
 * this process and signs each request, which takes most of a core at 2,000/s. Loopback only; every
 * phase is bounded in time.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Stripe from 'stripe';
import { startServer } from './support/processes.js';
import { wrkAvailable, wrkGenerator } from './support/load-generators.js';

const rate = Number(process.env.BENCH_RATE ?? 2000);
const sustainedSeconds = Number(process.env.BENCH_SECONDS ?? 20);
const peakSeconds = Number(process.env.BENCH_PEAK_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const drainSeconds = Number(process.env.BENCH_DRAIN_SECONDS ?? 120);
/** The server's entry point: another build (e.g. of the previous commit) can be measured with the same load. */
const serverMain = process.env.BENCH_SERVER ?? 'dist/cli/main.js';
/** The bare route listens here and the server on the next port (change it when another benchmark uses them). */
const port = Number(process.env.BENCH_PORT ?? 18_191);
const token = 'bench-admin-token-0123456789abcdef';
const secret = 'whsec_bench_feed_secret_0123456789abcdef';
const admin = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

let sequence = 0;
/** A new signed charge.succeeded event per call. */
function signedEvent(): { body: string; signature: string } {
  const now = Math.floor(Date.now() / 1000);
  const n = sequence++;
  const body = JSON.stringify({
    id: `evt_bench_${n}`,
    object: 'event',
    type: 'charge.succeeded',
    created: now,
    data: {
      object: {
        id: `ch_bench_${n}`,
        object: 'charge',
        amount: 500 + (n % 50_000),
        currency: 'usd',
        created: now - 1,
        customer: `cus_bench_${n % 5_000}`,
        status: 'succeeded',
        billing_details: { address: { country: 'US' } },
        outcome: { risk_level: 'normal', risk_score: n % 100, type: 'authorized' },
        payment_method_details: { type: 'card', card: { country: 'US', fingerprint: `fp_${n % 8_000}` } },
      },
    },
  });
  return { body, signature: Stripe.webhooks.generateTestHeaderString({ payload: body, secret, timestamp: now }) };
}

interface Figures {
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  total: number;
}

const workDir = mkdtempSync(join(tmpdir(), 'sentra-bench-feed-bodies-'));
const wrk = wrkAvailable() ? wrkGenerator(connections, workDir) : undefined;

async function run(url: string, seconds: number, overallRate?: number): Promise<Figures> {
  if (wrk !== undefined) {
    // Signed now and sent within the phase: well inside Stripe's 300 s tolerance.
    const bodies = {
      next() {
        const event = signedEvent();
        return `@Stripe-Signature:${event.signature}\t${event.body}`;
      },
    };
    const phase = await wrk.run({ url, seconds, ...(overallRate === undefined ? {} : { rate: overallRate }), runId: `feeds-${sequence}`, bodies });
    return { perSecond: phase.requestsPerSecond, p50: phase.p50, p99: phase.p99, max: phase.max, non2xx: phase.non2xx, errors: phase.errors, total: phase.total };
  }
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    ...(overallRate === undefined ? {} : { overallRate }),
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const event = signedEvent();
          return { ...request, body: event.body, headers: { 'content-type': 'application/json', 'stripe-signature': event.signature } };
        },
      },
    ],
  });
  return { perSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max, non2xx: result.non2xx, errors: result.errors, total: result.requests.total };
}

const show = (name: string, figures: Figures) =>
  console.log(`${name.padEnd(40)} ${figures.perSecond.toFixed(0).padStart(6)} acks/s  p50 ${figures.p50.toFixed(2)} ms  p99 ${figures.p99.toFixed(2)} ms  max ${figures.max.toFixed(2)} ms  non-2xx ${figures.non2xx}  errors ${figures.errors}  total ${figures.total}`);

/** The sum of a counter's series on the server's /metrics whose labels match. */
const counted = async (url: string, series: RegExp) => {
  const text = await (await fetch(`${url}/metrics`)).text();
  return [...text.matchAll(series)].reduce((sum, match) => sum + Number(match[1]), 0);
};
const feedDecisions = (url: string) => counted(url, /^sentra_decisions_total\{[^}]*source="feed"[^}]*\} (\d+)/gm);
/** Events the server stored and acknowledged; wrk counts only the answers it read before its phase ended. */
const feedStored = (url: string) => counted(url, /^sentra_feed_events_received_total\{[^}]*outcome="stored"[^}]*\} (\d+)/gm);

const load = () => loadavg().map((value) => value.toFixed(2)).join(', ');
console.log(`Sentra feed receiver benchmark: store ${process.env.DATABASE_URL === undefined ? 'embedded PGlite' : 'PostgreSQL'}, ${wrk?.name ?? 'autocannon in this process'}, ${connections} connections, node ${process.version}; machine load (1, 5, 15 min) at start: ${load()}`);
const bare = await startServer(['--import', 'tsx', 'bench/support/bare-fastify.ts'], {}, port, '/healthz');
const barePeak = await run(`${bare.url}/bare`, peakSeconds);
if (barePeak.non2xx > 0) console.log(`warning: the bare route answered ${barePeak.non2xx} non-2xx: another process may hold port ${port} (set BENCH_PORT)`);
await bare.stop();

const dataDir = mkdtempSync(join(tmpdir(), 'sentra-bench-feeds-'));
const sentra = await startServer([serverMain, 'serve'], { SENTRA_DATA_DIR: dataDir, SENTRA_BOOTSTRAP_TOKEN: token }, port + 1, '/readyz');
const created = await (await fetch(`${sentra.url}/v1/admin/merchants`, { method: 'POST', headers: admin, body: JSON.stringify({ name: 'Bench shop', mode: 'shadow' }) })).json();
const merchantId = (created as { merchant_id: string }).merchant_id;
await fetch(`${sentra.url}/v1/admin/merchants/${merchantId}/feeds/stripe`, { method: 'PUT', headers: admin, body: JSON.stringify({ secrets: [secret] }) });
const receiver = `${sentra.url}/v1/feeds/stripe/${merchantId}`;

/** CPU seconds (user + system, every thread) the server process has used so far (Linux /proc; NaN elsewhere). */
const serverCpuSeconds = () => {
  try {
    const fields = readFileSync(`/proc/${sentra.child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
};
const started = performance.now();
const warm = await run(receiver, 3);
const cpuBefore = serverCpuSeconds();
const peak = await run(receiver, peakSeconds);
const cpuPeak = serverCpuSeconds() - cpuBefore;
const sustained = await run(receiver, sustainedSeconds, rate);
const cpuLoad = serverCpuSeconds() - cpuBefore;
const loadEnded = performance.now();
const answered = [warm, peak, sustained].reduce((sum, phase) => sum + phase.total - phase.non2xx, 0);
// Requests still in flight when wrk stopped are stored after it stopped counting, so the server's own
// count is read again on each look. A build from before the feed metrics (BENCH_SERVER) shows none:
// the load generator's count stands in.
const acknowledgedNow = async () => (await feedStored(sentra.url)) || answered;
// Scoring behind the inbox: wait (at most BENCH_DRAIN_SECONDS) until every stored event has its decision.
let acknowledged = await acknowledgedNow();
let scored = await feedDecisions(sentra.url);
while (scored < acknowledged && performance.now() - loadEnded < drainSeconds * 1000) {
  await new Promise((resolve) => setTimeout(resolve, 500));
  acknowledged = await acknowledgedNow();
  scored = await feedDecisions(sentra.url);
}
const drained = performance.now();
await sentra.stop();
rmSync(dataDir, { recursive: true, force: true });
rmSync(workDir, { recursive: true, force: true });

console.log(`machine load (1, 5, 15 min) at the end: ${load()}`);
show('bare Fastify route, peak', barePeak);
show('POST /v1/feeds/stripe, peak', peak);
show(`POST /v1/feeds/stripe, ${rate}/s for ${sustainedSeconds} s`, sustained);
console.log(`peak acknowledgement ratio (feeds / bare Fastify): ${((peak.perSecond / barePeak.perSecond) * 100).toFixed(1)}%`);
const acksUnderLoad = peak.total - peak.non2xx + sustained.total - sustained.non2xx;
console.log(`server CPU (all threads) per acknowledged event: ${((cpuPeak * 1000) / (peak.total - peak.non2xx)).toFixed(2)} ms at peak, ${((cpuLoad * 1000) / acksUnderLoad).toFixed(2)} ms over peak and sustained (scoring behind the inbox included once events settle)`);
console.log(`acknowledged: ${acknowledged} events stored by the server, ${answered} answers read by the load generator (requests in flight when a phase ended are stored but not counted by it)`);
console.log(`scoring behind the inbox: ${scored} of ${acknowledged} stored events scored; backlog drained ${((drained - loadEnded) / 1000).toFixed(1)} s after the load ended; average ${(scored / ((drained - started) / 1000)).toFixed(0)} scored/s over the whole run`);
