/**
 * Load benchmark of the merchant front doors against the scoring API in the same run: the same
 * server takes POST /v1/risk/score, POST /api/v1/sentry and POST /api/v1/Events at a sustained rate
 * (default 1,000 req/s for 30 s each, one after the other), with full persistence and billing, and
 * prints each one's latency and the merchant APIs' p99 minus the scoring API's. Uses the built
 * server (run `npm run build` first).
 *
 *   npx tsx bench/merchant-load.ts
 *   DATABASE_URL=postgres://… REDIS_URL=redis://… npx tsx bench/merchant-load.ts
 *   BENCH_RATE=1000 BENCH_SECONDS=30 BENCH_CONNECTIONS=32 npx tsx bench/merchant-load.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { autocannonGenerator, wrkAvailable, wrkGenerator, type LoadGenerator, type Phase } from './support/load-generators.js';
import { startServer } from './support/processes.js';
import { MerchantBodyFactory } from './support/merchant-bodies.js';

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
const admin = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
const post = async (path: string, body: object) => {
  const response = await fetch(`${sentra.url}${path}`, { method: 'POST', headers: admin, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, string>;
};
const merchant = await post('/v1/admin/merchants', { name: 'Bench shop' });
const key = await post(`/v1/admin/merchants/${merchant.merchant_id}/keys`, { name: 'bench' });
await post(`/v1/admin/merchants/${merchant.merchant_id}/balance`, { amount: '1000000' });
const headers = { 'x-api-key': key.api_key!, 'x-merchant-id': merchant.merchant_id! };

const runId = `merchant-load-${Date.now()}`;
const phases: [string, Phase][] = [];
try {
  await generator.run({ url: `${sentra.url}/v1/risk/score`, token, seconds: 5, runId: `${runId}-warm` });
  await generator.run({ url: `${sentra.url}/api/v1/sentry`, seconds: 5, runId: `${runId}-warm-sentry`, headers, bodies: new MerchantBodyFactory('sentry', 3) });
  await generator.run({ url: `${sentra.url}/api/v1/Events`, seconds: 5, runId: `${runId}-warm-events`, headers, bodies: new MerchantBodyFactory('events', 5) });
  phases.push([`POST /v1/risk/score, ${rate}/s`, await generator.run({ url: `${sentra.url}/v1/risk/score`, token, seconds, rate, runId: `${runId}-score` })]);
  phases.push([`POST /api/v1/sentry, ${rate}/s`, await generator.run({ url: `${sentra.url}/api/v1/sentry`, seconds, rate, runId: `${runId}-sentry`, headers, bodies: new MerchantBodyFactory('sentry') })]);
  phases.push([`POST /api/v1/Events, ${rate}/s`, await generator.run({ url: `${sentra.url}/api/v1/Events`, seconds, rate, runId: `${runId}-events`, headers, bodies: new MerchantBodyFactory('events') })]);
  const usage = await (await fetch(`${sentra.url}/v1/admin/merchants/${merchant.merchant_id}/usage`, { headers: { authorization: `Bearer ${token}` } })).json();
  for (const [name, phase] of phases) show(name, phase);
  const scoreP99 = phases[0]![1].p99;
  for (const [name, phase] of phases.slice(1)) console.log(`${name.split(',')[0]} p99 − scoring p99: ${(phase.p99 - scoreP99).toFixed(2)} ms`);
  console.log(`billed: ${JSON.stringify((usage as { totals: unknown }).totals)}`);
} finally {
  await sentra.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(workDir, { recursive: true, force: true });
}
