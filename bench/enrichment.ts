/**
 * Enrichment benchmark (embedded PGlite, the built server; run `npm run build` first):
 *   1. queues BENCH_JOBS (default 10,000) KYC enrichment jobs by scoring requests that each carry a
 *      new document, with the worker off;
 *   2. alternates, BENCH_ROUNDS times, two conditions on the same data: the server with the worker
 *      off (idle) and the server with the in-process worker working through the queue (busy); each
 *      phase restarts the server, warms it up, then scores at a fixed steady rate. Rounds alternate
 *      the order (idle-busy, busy-idle, …) so a drift of the machine's load does not favour one;
 *   3. reports each phase, each round's busy/idle ratio, the idle-to-idle spread (the noise), the
 *      machine's load average next to every phase, and the queue's throughput with the built-in
 *      analyzer, under scoring load and alone.
 *
 *   npx tsx bench/enrichment.ts
 *   BENCH_JOBS=10000 BENCH_RATE=100 BENCH_SECONDS=20 BENCH_ROUNDS=3 npx tsx bench/enrichment.ts
 *   BENCH_GENERATOR=autocannon|wrk (default wrk when installed), BENCH_GENERATOR_NICE=10 runs wrk under nice,
 *   BENCH_FILLED_DIR=/tmp/queued-10k keeps the queued data folder there and reuses it in later runs
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { autocannonGenerator, wrkAvailable, wrkGenerator, type LoadGenerator, type Phase } from './support/load-generators.js';
import { startServer } from './support/processes.js';

const jobs = Number(process.env.BENCH_JOBS ?? 10_000);
const rate = Number(process.env.BENCH_RATE ?? 100);
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const warmSeconds = Number(process.env.BENCH_WARM_SECONDS ?? 5);
/** A data folder queued by an earlier run, copied instead of queueing again (created when missing). */
const filledDir = process.env.BENCH_FILLED_DIR;
const token = 'bench-admin-token-0123456789abcdef';
const dataDir = mkdtempSync(join(tmpdir(), 'sentra-bench-enrichment-'));
const workDir = mkdtempSync(join(tmpdir(), 'sentra-bench-enrichment-load-'));
const env = { SENTRA_DATA_DIR: dataDir, SENTRA_BOOTSTRAP_TOKEN: token, SENTRA_WORKER_POLL_MS: '100' };
const port = 18_191;
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
const connections = 16;
const wanted = process.env.BENCH_GENERATOR ?? (wrkAvailable() ? 'wrk' : 'autocannon');
const nice = process.env.BENCH_GENERATOR_NICE === undefined ? undefined : Number(process.env.BENCH_GENERATOR_NICE);
const generator: LoadGenerator = wanted === 'wrk' ? wrkGenerator(connections, workDir, nice === undefined ? {} : { nice }) : autocannonGenerator(connections);

/** A scoring body with one new KYC document (a passport text whose holder varies). */
function documentBody(index: number): string {
  return JSON.stringify({
    transaction: {
      tx_id: `bench-kyc-${index}`, created_at: '2026-11-20T14:03:11Z', amount: 125.5, currency: 'USD', direction: 'pay_in',
      channel: 'card', psp: 'stripe', route_id: 'us-card-1', status: 'approved', status_reason: 'approved', fee_total: '3.95',
    },
    entities: { sender_entity_id: `kyc-sender-${index}`, receiver_entity_id: 'merchant-1', sender_country: 'US', receiver_country: 'US' },
    kyc_refs: [
      {
        entity_id: `kyc-sender-${index}`,
        text_blob: `Full name: Holder Number${index} Example\nDate of birth: 1980-02-03\nNationality: US\nPassport number: P${100000 + index}\nDate of expiry: 2031-01-01\nDirectors: Ana Lima; Person ${index % 97}\n`,
      },
    ],
  });
}

async function metric(url: string, pattern: RegExp): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(pattern.exec(text)?.[1] ?? 0);
}
const done = (url: string) => metric(url, /^sentra_jobs\{status="done"\} (\d+)/m);

/** Jobs waiting in the data folder, read from a server with the worker off. */
async function countQueued(): Promise<number> {
  const server = await startServer(['dist/cli/main.js', 'serve'], { ...env, SENTRA_WORKER: 'off' }, port, '/readyz');
  try {
    return await metric(server.url, /^sentra_jobs\{status="queued"\} (\d+)/m);
  } finally {
    await server.stop();
  }
}
const load = () => loadavg()[0]!.toFixed(1);

type Condition = 'idle' | 'busy';
interface Measured {
  round: number;
  condition: Condition;
  phase: Phase;
  /** Jobs finished during the measured seconds (0 when idle). */
  jobsDone: number;
  loadBefore: string;
  loadAfter: string;
}

/** One phase: a fresh server with the worker off (idle) or in-process (busy), warmed up, then the steady rate. */
async function measure(round: number, condition: Condition): Promise<Measured> {
  const server = await startServer(['dist/cli/main.js', 'serve'], { ...env, SENTRA_WORKER: condition === 'idle' ? 'off' : 'in-process' }, port, '/readyz');
  try {
    await generator.run({ url: `${server.url}/v1/risk/score`, token, seconds: warmSeconds, rate, runId: `warm-${condition}-${round}` });
    const loadBefore = load();
    const doneBefore = await done(server.url);
    const phase = await generator.run({ url: `${server.url}/v1/risk/score`, token, seconds, rate, runId: `${condition}-${round}` });
    const jobsDone = (await done(server.url)) - doneBefore;
    return { round, condition, phase, jobsDone, loadBefore, loadAfter: load() };
  } finally {
    await server.stop();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

console.log(`Sentra enrichment benchmark: ${jobs} jobs; ${rounds} rounds of idle/busy scoring at ${rate}/s for ${seconds} s (warm-up ${warmSeconds} s); ${generator.name}${nice === undefined ? '' : ` under nice ${nice}`}; node ${process.version}; load ${load()}`);

/** Scores one document body; a 503 (the store was behind on a loaded machine) is retried: the same body is the same decision. */
async function queueDocument(url: string, index: number): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const answer = await fetch(`${url}/v1/risk/score`, { method: 'POST', headers, body: documentBody(index) });
    if (answer.status === 200) return;
    if (answer.status !== 503 || attempt === 20) throw new Error(`scoring failed: ${answer.status} ${await answer.text()}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

// 1. Fill the queue (or copy a data folder filled by an earlier run: BENCH_FILLED_DIR).
if (filledDir !== undefined && existsSync(join(filledDir, 'pgdata'))) {
  cpSync(filledDir, dataDir, { recursive: true });
  console.log(`copied the data folder queued by an earlier run from ${filledDir}`);
} else {
  const filler = await startServer(['dist/cli/main.js', 'serve'], { ...env, SENTRA_WORKER: 'off' }, port, '/readyz');
  const fillStart = performance.now();
  try {
    for (let next = 0; next < jobs; ) {
      const batch = Array.from({ length: Math.min(32, jobs - next) }, (_, offset) => next + offset);
      await Promise.all(batch.map((index) => queueDocument(filler.url, index)));
      next += batch.length;
    }
  } finally {
    await filler.stop();
  }
  console.log(`queued ${jobs} jobs in ${((performance.now() - fillStart) / 1000).toFixed(1)} s (load ${load()})`);
  if (filledDir !== undefined) cpSync(dataDir, filledDir, { recursive: true });
}
const queued = await countQueued();
console.log(`${queued} jobs queued at the start of the rounds`);

// 2. Alternate the two conditions.
const measured: Measured[] = [];
for (let round = 1; round <= rounds; round++) {
  const order: Condition[] = round % 2 === 1 ? ['idle', 'busy'] : ['busy', 'idle'];
  for (const condition of order) {
    const result = await measure(round, condition);
    measured.push(result);
    const { phase } = result;
    console.log(
      `round ${round} ${condition.padEnd(4)}  ${phase.requestsPerSecond.toFixed(0)} req/s  p50 ${phase.p50} ms  p99 ${phase.p99} ms  max ${phase.max} ms  errors ${phase.errors + phase.non2xx}  jobs done ${result.jobsDone}  load ${result.loadBefore} → ${result.loadAfter}`,
    );
  }
}

// 3. The queue alone: throughput of the built-in analyzer without scoring load, for at most 60 s.
const quiet = await startServer(['dist/cli/main.js', 'serve'], { ...env, SENTRA_WORKER: 'in-process' }, port, '/readyz');
const quietLoad = load();
const quietStart = performance.now();
let quietDone = 0;
let dropped = 0;
try {
  const quietBefore = await done(quiet.url);
  // Read every 5 s, about as often as a metrics scraper: each scrape is a foreground caller of the
  // embedded database, and frequent ones would count as the activity the runner makes way for.
  while ((await done(quiet.url)) < jobs && performance.now() - quietStart < 60_000) await new Promise((resolve) => setTimeout(resolve, 5_000));
  quietDone = (await done(quiet.url)) - quietBefore;
  dropped = await metric(quiet.url, /^sentra_enrichment_evidence_dropped_total\{provider="builtin"\} (\d+)/m);
} finally {
  await quiet.stop();
}
const quietSeconds = (performance.now() - quietStart) / 1000;
rmSync(dataDir, { recursive: true, force: true });
rmSync(workDir, { recursive: true, force: true });

console.log('\nround  idle p50 / p99 ms   busy p50 / p99 ms   p99 busy/idle  p50 busy/idle');
const ratios: number[] = [];
for (let round = 1; round <= rounds; round++) {
  const idle = measured.find((entry) => entry.round === round && entry.condition === 'idle')!.phase;
  const busy = measured.find((entry) => entry.round === round && entry.condition === 'busy')!.phase;
  ratios.push(busy.p99 / idle.p99);
  console.log(`${String(round).padEnd(6)} ${`${idle.p50} / ${idle.p99}`.padEnd(19)} ${`${busy.p50} / ${busy.p99}`.padEnd(19)} ${(busy.p99 / idle.p99).toFixed(2).padEnd(14)} ${(busy.p50 / idle.p50).toFixed(2)}`);
}
const idleP99 = measured.filter((entry) => entry.condition === 'idle').map((entry) => entry.phase.p99);
const busyP99 = measured.filter((entry) => entry.condition === 'busy').map((entry) => entry.phase.p99);
console.log(`median p99: idle ${median(idleP99)} ms, busy ${median(busyP99)} ms; median of the rounds' p99 ratios ${median(ratios).toFixed(2)} (range ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`);
console.log(`noise: idle p99 alone ranges ${Math.min(...idleP99)}–${Math.max(...idleP99)} ms (max/min ${(Math.max(...idleP99) / Math.min(...idleP99)).toFixed(2)}) across rounds`);
const busyJobs = measured.filter((entry) => entry.condition === 'busy').reduce((sum, entry) => sum + entry.jobsDone, 0);
console.log(`queue throughput under scoring load: ${(busyJobs / (rounds * seconds)).toFixed(1)} jobs/s (${busyJobs} in ${rounds} × ${seconds} s)`);
console.log(`queue throughput without load:        ${(quietDone / quietSeconds).toFixed(1)} jobs/s (${quietDone} in ${quietSeconds.toFixed(1)} s, load ${quietLoad} → ${load()})`);
console.log(`evidence dropped by verification (built-in analyzer): ${dropped}`);
