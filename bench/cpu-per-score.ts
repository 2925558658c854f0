/**
 * CPU per score: the server process's CPU time (every thread: HTTP, PGlite worker, GC) divided by
 * the scores it answered, also split by thread (the HTTP thread; worker threads, in embedded mode
 * the database; GC and other helpers), at a fixed moderate rate, so the figure is the cost of a
 * score and not of queueing. With BENCH_BASELINE_DIR (another checkout, built), both builds run side by side and the
 * rounds alternate between them, so a busy machine slows both alike and the ratio holds.
 *
 *   npm run build && npx tsx bench/cpu-per-score.ts
 *   git worktree add --detach /tmp/old <commit> && ln -s "$PWD/node_modules" /tmp/old/node_modules \
 *     && (cd /tmp/old && npx tsc -p tsconfig.build.json && node dist/cli/main.js prepare)
 *   BENCH_BASELINE_DIR=/tmp/old npx tsx bench/cpu-per-score.ts
 *   BENCH_BASELINE_DIR=. BENCH_BASELINE_ENV='SENTRA_X=1,SENTRA_Y=2' …   # the same build under other settings
 *   BENCH_RATE=300 BENCH_SECONDS=10 BENCH_ROUNDS=5 BENCH_CPU_PROF=1 …   # BENCH_CPU_PROF writes .cpuprofile files
 *   BENCH_APIS=score,sentry,events …   # also the merchant front doors, each round in rotating order
 *
 * With BENCH_APIS, each build also gets a merchant with a key and a balance, and each round runs every
 * listed API (`score`: POST /v1/risk/score; `sentry`: the confidence API; `events`: the event API)
 * at the same rate; the summary gives each API's CPU per call and its ratio to scoring's in the same
 * build, which is what decides how close the front doors' latency under load can come to scoring's.
 *
 * Needs wrk (`apt install wrk`) or falls back to autocannon; traffic goes to 127.0.0.1 only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { autocannonGenerator, wrkAvailable, wrkGenerator, type LoadGenerator } from './support/load-generators.js';
import { parseEnv } from './support/env-list.js';
import { startServer, type ServerProcess } from './support/processes.js';
import { MerchantBodyFactory } from './support/merchant-bodies.js';
import { createBenchMerchant } from './support/bench-merchant.js';
import { cpuByThread, cpuSeconds } from './support/process-cpu.js';

const rate = Number(process.env.BENCH_RATE ?? 300);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const token = 'bench-admin-token-0123456789abcdef';

type Api = 'score' | 'sentry' | 'events';
const apiPaths: Record<Api, string> = { score: '/v1/risk/score', sentry: '/api/v1/sentry', events: '/api/v1/Events' };
const apis = (process.env.BENCH_APIS ?? 'score').split(',').filter(Boolean) as Api[];
for (const api of apis) if (!(api in apiPaths)) throw new Error(`BENCH_APIS: unknown API ${api} (score, sentry, events)`);

interface Build {
  name: string;
  dir: string;
  port: number;
  server?: ServerProcess;
  /** µs per call, per API, per round. */
  samples: Map<Api, number[]>;
  /** µs per call on the HTTP thread, the worker threads and the rest, per API, per round. */
  threadSamples: Map<Api, { http: number; workers: number; rest: number }[]>;
  env: Record<string, string>;
  /** CPU seconds per second with no traffic. */
  idleShare?: number;
  /** X-Api-Key and X-Merchant-Id of the build's merchant (BENCH_APIS with sentry or events). */
  merchantHeaders?: Record<string, string>;
}

/** A build's name in the figures, with the API's when there are several. */
const label = (build: Build, api: Api) => (apis.length === 1 ? build.name : `${build.name} ${api}`);

/** One phase of `api` against a build. */
function runApi(build: Build, api: Api, seconds: number, runId: string) {
  const url = `${build.server!.url}${apiPaths[api]}`;
  if (api === 'score') return generator.run({ url, token, seconds, rate, runId });
  return generator.run({ url, seconds, rate, runId, headers: build.merchantHeaders, bodies: new MerchantBodyFactory(api) });
}

const newBuild = (name: string, dir: string, port: number, env: Record<string, string>): Build => ({ name, dir, port, samples: new Map(apis.map((api) => [api, []])), threadSamples: new Map(apis.map((api) => [api, []])), env });
const builds: Build[] = [newBuild('this build', process.cwd(), 18_191, {})];
if (process.env.BENCH_BASELINE_DIR !== undefined) builds.push(newBuild(`baseline ${process.env.BENCH_BASELINE_DIR} ${process.env.BENCH_BASELINE_ENV ?? ''}`.trim(), resolve(process.env.BENCH_BASELINE_DIR), 18_192, parseEnv(process.env.BENCH_BASELINE_ENV)));

const workDir = mkdtempSync(join(tmpdir(), 'sentra-bench-cpu-'));
const generator: LoadGenerator = wrkAvailable() ? wrkGenerator(connections, workDir) : autocannonGenerator(connections);
console.log(`CPU per score: ${rate} req/s for ${seconds} s per round, ${rounds} rounds, ${generator.name}, node ${process.version}${apis.join(',') === 'score' ? '' : `, APIs ${apis.join(', ')}`}`);

for (const build of builds) {
  const dataDir = join(workDir, `data-${build.port}`);
  const profile = process.env.BENCH_CPU_PROF === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${join(workDir, `profile-${build.port}`)}`];
  build.server = await startServer([...profile, join(build.dir, 'dist/cli/main.js'), 'serve'], { ...build.env, SENTRA_DATA_DIR: dataDir, SENTRA_BOOTSTRAP_TOKEN: token }, build.port, '/readyz');
  if (apis.some((api) => api !== 'score')) build.merchantHeaders = (await createBenchMerchant(build.server.url, token)).headers;
  for (const api of apis) await runApi(build, api, 5, `warm-${api}-${build.port}-${Date.now()}`);
}

// What a build spends with no traffic at all (pollers, timers, sweeps), so a per-score figure can be read net of it.
const idleSeconds = Number(process.env.BENCH_IDLE_SECONDS ?? 10);
for (const build of builds) {
  const pid = build.server!.child.pid!;
  const before = cpuSeconds(pid);
  await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
  build.idleShare = (cpuSeconds(pid) - before) / idleSeconds;
  console.log(`idle        ${build.name.padEnd(28)} ${(build.idleShare * 100).toFixed(1)}% of a core with no traffic (${idleSeconds} s)`);
}

for (let round = 1; round <= rounds; round += 1) {
  const order = round % 2 === 1 ? builds : [...builds].reverse();
  for (const build of order) {
    for (let step = 0; step < apis.length; step += 1) {
      const api = apis[(round - 1 + step) % apis.length]!;
      const pid = build.server!.child.pid!;
      const before = cpuSeconds(pid);
      const threadsBefore = cpuByThread(pid);
      const phase = await runApi(build, api, seconds, `r${round}-${api}-${build.port}-${Date.now()}`);
      const used = cpuSeconds(pid) - before;
      const threadsAfter = cpuByThread(pid);
      const perCall = (used / Math.max(phase.total, 1)) * 1e6;
      const perThread = (kind: 'http' | 'workers' | 'rest') => ((threadsAfter[kind] - threadsBefore[kind]) / Math.max(phase.total, 1)) * 1e6;
      const split = { http: perThread('http'), workers: perThread('workers'), rest: perThread('rest') };
      build.samples.get(api)!.push(perCall);
      build.threadSamples.get(api)!.push(split);
      console.log(
        `round ${round}  ${label(build, api).padEnd(28)} ${phase.total} calls  ${used.toFixed(2)} s CPU  ${perCall.toFixed(0)} µs/call (HTTP thread ${split.http.toFixed(0)}, database/worker threads ${split.workers.toFixed(0)}, GC and other helpers ${split.rest.toFixed(0)})  p50 ${phase.p50.toFixed(2)} ms  p99 ${phase.p99.toFixed(2)} ms  non-2xx ${phase.non2xx}  errors ${phase.errors}`,
      );
    }
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
for (const build of builds) {
  await build.server!.stop();
  for (const api of apis) {
    const samples = build.samples.get(api)!;
    const threadMedian = (kind: 'http' | 'workers' | 'rest') => median(build.threadSamples.get(api)!.map((split) => split[kind])).toFixed(0);
    console.log(
      `${label(build, api).padEnd(40)} median ${median(samples).toFixed(0)} µs CPU per call (rounds: ${samples.map((v) => v.toFixed(0)).join(', ')}; medians by thread: HTTP ${threadMedian('http')}, database/worker ${threadMedian('workers')}, other ${threadMedian('rest')}); idle ${((build.idleShare ?? 0) * 100).toFixed(1)}% of a core`,
    );
  }
  if (apis.includes('score')) {
    for (const api of apis) if (api !== 'score') console.log(`${build.name}: ${api} / score CPU per call ${(median(build.samples.get(api)!) / median(build.samples.get('score')!)).toFixed(2)}`);
  }
}
if (builds.length === 2) for (const api of apis) console.log(`ratio this build / baseline${apis.length === 1 ? '' : ` (${api})`}: ${(median(builds[0]!.samples.get(api)!) / median(builds[1]!.samples.get(api)!)).toFixed(2)}`);
if (process.env.BENCH_CPU_PROF !== undefined) console.log(`profiles under ${workDir}/profile-*`);
else rmSync(workDir, { recursive: true, force: true });
