/**
 * Load benchmark of the merchant front doors against the scoring API in the same run: the same
 * server takes POST /v1/risk/score, POST /api/v1/sentry and POST /api/v1/Events at a sustained rate
 * (default 1,000 req/s for 30 s each), with full persistence and billing, in BENCH_ROUNDS rounds
 * (default 2) whose order rotates, and prints each phase, the medians, and the merchant APIs' p99
 * minus the scoring API's in the same round. Uses the built
 * server (run `npm run build` first).
 *
 *   npx tsx bench/merchant-load.ts
 *   DATABASE_URL=postgres://… REDIS_URL=redis://… npx tsx bench/merchant-load.ts
 *   BENCH_RATE=1000 BENCH_SECONDS=30 BENCH_CONNECTIONS=32 npx tsx bench/merchant-load.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { autocannonGenerator, wrkAvailable, wrkGenerator, type LoadGenerator, type Phase } from './support/load-generators.js';
import { startServer } from './support/processes.js';
import { MerchantBodyFactory } from './support/merchant-bodies.js';
import { createBenchMerchant } from './support/bench-merchant.js';

const rate = Number(process.env.BENCH_RATE ?? 1000);
const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const token = 'bench-admin-token-0123456789abcdef';

const show = (name: string, phase: Phase) =>
  console.log(
    `${name.padEnd(40)} ${phase.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${phase.p50.toFixed(2)} ms  p99 ${phase.p99.toFixed(2)} ms  p99.9 ${phase.p999.toFixed(2)} ms  max ${phase.max.toFixed(2)} ms  errors ${phase.errors}  non-2xx ${phase.non2xx}  total ${phase.total}`,
  );

const dataDir = mkdtempSync(join(tmpdir(), 'sentra-bench-'));
const workDir = mkdtempSync(join(tmpdir(), 'sentra-bench-bodies-'));
const generator: LoadGenerator = (process.env.BENCH_GENERATOR ?? (wrkAvailable() ? 'wrk' : 'autocannon')) === 'wrk' ? wrkGenerator(connections, workDir) : autocannonGenerator(connections);
console.log(`Sentra merchant API benchmark: store ${process.env.DATABASE_URL === undefined ? 'embedded PGlite' : 'PostgreSQL'}, load generator ${generator.name}, ${rate} req/s for ${seconds} s each`);

const sentra = await startServer(['dist/cli/main.js', 'serve'], { SENTRA_DATA_DIR: dataDir, SENTRA_BOOTSTRAP_TOKEN: token, SENTRA_MERCHANT_RATE_LIMIT: '1000000' }, 18_510, '/readyz');
const { merchantId, headers } = await createBenchMerchant(sentra.url, token);

const runId = `merchant-load-${Date.now()}`;
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const apis = [
  { name: 'POST /v1/risk/score', run: (id: string, phaseSeconds: number, phaseRate?: number) => generator.run({ url: `${sentra.url}/v1/risk/score`, token, seconds: phaseSeconds, rate: phaseRate, runId: id }) },
  { name: 'POST /api/v1/sentry', run: (id: string, phaseSeconds: number, phaseRate?: number) => generator.run({ url: `${sentra.url}/api/v1/sentry`, seconds: phaseSeconds, rate: phaseRate, runId: id, headers, bodies: new MerchantBodyFactory('sentry') }) },
  { name: 'POST /api/v1/Events', run: (id: string, phaseSeconds: number, phaseRate?: number) => generator.run({ url: `${sentra.url}/api/v1/Events`, seconds: phaseSeconds, rate: phaseRate, runId: id, headers, bodies: new MerchantBodyFactory('events') }) },
];
// Per API, its phase of each round; the rounds rotate the order, so a drift of the machine's load
// falls on every API alike.
const phases: Phase[][] = apis.map(() => []);
try {
  for (const [index, api] of apis.entries()) await api.run(`${runId}-warm-${index}`, 5);
  for (let round = 0; round < rounds; round++) {
    for (let step = 0; step < apis.length; step++) {
      const index = (round + step) % apis.length;
      const phase = await apis[index]!.run(`${runId}-${round}-${index}`, seconds, rate);
      phases[index]!.push(phase);
      show(`${apis[index]!.name}, ${rate}/s, round ${round + 1}`, phase);
    }
    console.log(`  round ${round + 1}: load ${loadavg()[0]!.toFixed(1)}`);
  }
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  };
  console.log(`\nmedian over ${rounds} rounds:`);
  for (const [index, api] of apis.entries()) {
    const list = phases[index]!;
    console.log(`${api.name.padEnd(24)} ${median(list.map((phase) => phase.requestsPerSecond)).toFixed(0).padStart(6)} req/s  p50 ${median(list.map((phase) => phase.p50)).toFixed(2)} ms  p99 ${median(list.map((phase) => phase.p99)).toFixed(2)} ms  non-2xx ${list.reduce((sum, phase) => sum + phase.non2xx, 0)} of ${list.reduce((sum, phase) => sum + phase.total, 0)}`);
  }
  for (const [index, api] of apis.entries()) {
    if (index === 0) continue;
    const deltas = phases[index]!.map((phase, round) => phase.p99 - phases[0]![round]!.p99);
    console.log(`${api.name} p99 − scoring p99: per round ${deltas.map((delta) => delta.toFixed(2)).join(' / ')} ms, median ${median(deltas).toFixed(2)} ms`);
  }
  const usage = await (await fetch(`${sentra.url}/v1/admin/merchants/${merchantId}/usage`, { headers: { authorization: `Bearer ${token}` } })).json();
  console.log(`billed: ${JSON.stringify((usage as { totals: unknown }).totals)}`);
  console.log(`load average ${loadavg().map((load) => load.toFixed(2)).join(' ')}`);
} finally {
  await sentra.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(workDir, { recursive: true, force: true });
}
