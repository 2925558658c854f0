/**
 * Enrichment benchmark (embedded PGlite, the built server; run `npm run build` first):
 *   1. queues BENCH_JOBS (default 10,000) KYC enrichment jobs by scoring requests that each carry a
 *      new document, with the worker off;
 *   2. restarts with the worker off and measures scoring latency at a fixed rate (idle baseline);
 *   3. restarts with the in-process worker on and measures the same load while it works through
 *      the queue (busy), then reports the queue's throughput with the built-in analyzer.
 * Both latency phases run in the same run, on the same data, after the same kind of restart.
 *
 *   npx tsx bench/enrichment.ts
 *   BENCH_JOBS=10000 BENCH_RATE=200 BENCH_SECONDS=30 npx tsx bench/enrichment.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { autocannonGenerator, type Phase } from './support/load-generators.js';
import { startServer } from './support/processes.js';

const jobs = Number(process.env.BENCH_JOBS ?? 10_000);
const rate = Number(process.env.BENCH_RATE ?? 200);
const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const token = 'bench-admin-token-0123456789abcdef';
const dataDir = mkdtempSync(join(tmpdir(), 'sentra-bench-enrichment-'));
const env = { SENTRA_DATA_DIR: dataDir, SENTRA_BOOTSTRAP_TOKEN: token, SENTRA_WORKER_POLL_MS: '100' };
const port = 18_191;
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

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
const show = (label: string, phase: Phase) =>
  console.log(`${label.padEnd(44)} ${phase.requestsPerSecond.toFixed(0)} req/s  p50 ${phase.p50} ms  p99 ${phase.p99} ms  max ${phase.max} ms  errors ${phase.errors + phase.non2xx}`);

console.log(`Sentra enrichment benchmark: ${jobs} jobs, scoring at ${rate}/s for ${seconds} s, node ${process.version}, load ${loadavg()[0]!.toFixed(1)}`);
const generator = autocannonGenerator(16);

// 1. Fill the queue.
const filler = await startServer(['dist/cli/main.js', 'serve'], { ...env, SENTRA_WORKER: 'off' }, port, '/readyz');
const fillStart = performance.now();
for (let next = 0; next < jobs; ) {
  const batch = Array.from({ length: Math.min(64, jobs - next) }, (_, offset) => next + offset);
  const answers = await Promise.all(batch.map((index) => fetch(`${filler.url}/v1/risk/score`, { method: 'POST', headers, body: documentBody(index) })));
  if (answers.some((answer) => answer.status !== 200)) throw new Error(`scoring failed: ${answers.map((answer) => answer.status).join(',')}`);
  next += batch.length;
}
console.log(`queued ${jobs} jobs in ${((performance.now() - fillStart) / 1000).toFixed(1)} s`);
await filler.stop();

// 2. Idle baseline.
const idle = await startServer(['dist/cli/main.js', 'serve'], { ...env, SENTRA_WORKER: 'off' }, port, '/readyz');
await generator.run({ url: `${idle.url}/v1/risk/score`, token, seconds: 5, rate, runId: 'warm-idle' });
const idlePhase = await generator.run({ url: `${idle.url}/v1/risk/score`, token, seconds, rate, runId: 'idle' });
await idle.stop();

// 3. Busy: the in-process worker drains the queue while the same load runs.
const busy = await startServer(['dist/cli/main.js', 'serve'], { ...env, SENTRA_WORKER: 'in-process' }, port, '/readyz');
const busyStart = performance.now();
const doneBefore = await done(busy.url);
await generator.run({ url: `${busy.url}/v1/risk/score`, token, seconds: 5, rate, runId: 'warm-busy' });
const busyPhase = await generator.run({ url: `${busy.url}/v1/risk/score`, token, seconds, rate, runId: 'busy' });
const doneUnderLoad = (await done(busy.url)) - doneBefore;
const underLoadSeconds = (performance.now() - busyStart) / 1000;
// Throughput without scoring load, for at most 60 s more.
const quietStart = performance.now();
const quietBefore = await done(busy.url);
while ((await done(busy.url)) < jobs && performance.now() - quietStart < 60_000) await new Promise((resolve) => setTimeout(resolve, 500));
const quietDone = (await done(busy.url)) - quietBefore;
const quietSeconds = (performance.now() - quietStart) / 1000;
const dropped = await metric(busy.url, /^sentra_enrichment_evidence_dropped_total\{provider="builtin"\} (\d+)/m);
await busy.stop();
rmSync(dataDir, { recursive: true, force: true });

show('scoring, worker idle (queue not served)', idlePhase);
show(`scoring, worker busy on the ${jobs}-job queue`, busyPhase);
console.log(`p99 ratio busy / idle: ${(busyPhase.p99 / idlePhase.p99).toFixed(2)}`);
console.log(`queue throughput under scoring load: ${(doneUnderLoad / underLoadSeconds).toFixed(1)} jobs/s (${doneUnderLoad} in ${underLoadSeconds.toFixed(1)} s)`);
console.log(`queue throughput without load:        ${(quietDone / quietSeconds).toFixed(1)} jobs/s (${quietDone} in ${quietSeconds.toFixed(1)} s)`);
console.log(`evidence dropped by verification (built-in analyzer): ${dropped}`);
