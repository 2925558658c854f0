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
 *
 * Needs wrk (`apt install wrk`) or falls back to autocannon; traffic goes to 127.0.0.1 only.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { autocannonGenerator, wrkAvailable, wrkGenerator, type LoadGenerator } from './support/load-generators.js';
import { startServer, type ServerProcess } from './support/processes.js';

const rate = Number(process.env.BENCH_RATE ?? 300);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const token = 'bench-admin-token-0123456789abcdef';
const ticksPerSecond = 100; // USER_HZ on Linux

/** User + system CPU seconds of a process, all threads (/proc/PID/stat fields 14 and 15). */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

/**
 * CPU seconds of a process by thread kind: the HTTP (main) thread, the worker threads (in embedded
 * mode the database's PGlite worker), and the rest (V8's GC and compiler helpers, libuv's pool).
 */
function cpuByThread(pid: number): { http: number; workers: number; rest: number } {
  const split = { http: 0, workers: 0, rest: 0 };
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    } catch {
      continue; // the thread ended
    }
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const seconds = (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
    if (Number(tid) === pid) split.http += seconds;
    else if (name === 'WorkerThread') split.workers += seconds;
    else split.rest += seconds;
  }
  return split;
}

interface Build {
  name: string;
  dir: string;
  port: number;
  server?: ServerProcess;
  samples: number[];
  /** µs per score on the HTTP thread, the worker threads and the rest, per round. */
  threadSamples: { http: number; workers: number; rest: number }[];
  env: Record<string, string>;
  /** CPU seconds per second with no traffic. */
  idleShare?: number;
}

/** `A=1,B=2` as an environment. */
const parseEnv = (text: string | undefined): Record<string, string> =>
  Object.fromEntries((text ?? '').split(',').filter((pair) => pair.includes('=')).map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));

const builds: Build[] = [{ name: 'this build', dir: process.cwd(), port: 18_191, samples: [], threadSamples: [], env: {} }];
if (process.env.BENCH_BASELINE_DIR !== undefined) builds.push({ name: `baseline ${process.env.BENCH_BASELINE_DIR} ${process.env.BENCH_BASELINE_ENV ?? ''}`.trim(), dir: resolve(process.env.BENCH_BASELINE_DIR), port: 18_192, samples: [], threadSamples: [], env: parseEnv(process.env.BENCH_BASELINE_ENV) });

const workDir = mkdtempSync(join(tmpdir(), 'sentra-bench-cpu-'));
const generator: LoadGenerator = wrkAvailable() ? wrkGenerator(connections, workDir) : autocannonGenerator(connections);
console.log(`CPU per score: ${rate} req/s for ${seconds} s per round, ${rounds} rounds, ${generator.name}, node ${process.version}`);

for (const build of builds) {
  const dataDir = join(workDir, `data-${build.port}`);
  const profile = process.env.BENCH_CPU_PROF === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${join(workDir, `profile-${build.port}`)}`];
  build.server = await startServer([...profile, join(build.dir, 'dist/cli/main.js'), 'serve'], { ...build.env, SENTRA_DATA_DIR: dataDir, SENTRA_BOOTSTRAP_TOKEN: token }, build.port, '/readyz');
  await generator.run({ url: `${build.server.url}/v1/risk/score`, token, seconds: 5, rate, runId: `warm-${build.port}-${Date.now()}` });
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
    const server = build.server!;
    const pid = server.child.pid!;
    const before = cpuSeconds(pid);
    const threadsBefore = cpuByThread(pid);
    const phase = await generator.run({ url: `${server.url}/v1/risk/score`, token, seconds, rate, runId: `r${round}-${build.port}-${Date.now()}` });
    const used = cpuSeconds(pid) - before;
    const threadsAfter = cpuByThread(pid);
    const perScore = (used / Math.max(phase.total, 1)) * 1e6;
    const perThread = (kind: 'http' | 'workers' | 'rest') => ((threadsAfter[kind] - threadsBefore[kind]) / Math.max(phase.total, 1)) * 1e6;
    const split = { http: perThread('http'), workers: perThread('workers'), rest: perThread('rest') };
    build.samples.push(perScore);
    build.threadSamples.push(split);
    console.log(
      `round ${round}  ${build.name.padEnd(28)} ${phase.total} scores  ${used.toFixed(2)} s CPU  ${perScore.toFixed(0)} µs/score (HTTP thread ${split.http.toFixed(0)}, database/worker threads ${split.workers.toFixed(0)}, GC and other helpers ${split.rest.toFixed(0)})  p50 ${phase.p50.toFixed(2)} ms  p99 ${phase.p99.toFixed(2)} ms  non-2xx ${phase.non2xx}  errors ${phase.errors}`,
    );
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
for (const build of builds) {
  await build.server!.stop();
  const threadMedian = (kind: 'http' | 'workers' | 'rest') => median(build.threadSamples.map((split) => split[kind])).toFixed(0);
  console.log(
    `${build.name.padEnd(40)} median ${median(build.samples).toFixed(0)} µs CPU per score (rounds: ${build.samples.map((v) => v.toFixed(0)).join(', ')}; medians by thread: HTTP ${threadMedian('http')}, database/worker ${threadMedian('workers')}, other ${threadMedian('rest')}); idle ${((build.idleShare ?? 0) * 100).toFixed(1)}% of a core`,
  );
}
if (builds.length === 2) console.log(`ratio this build / baseline: ${(median(builds[0]!.samples) / median(builds[1]!.samples)).toFixed(2)}`);
if (process.env.BENCH_CPU_PROF !== undefined) console.log(`profiles under ${workDir}/profile-*`);
else rmSync(workDir, { recursive: true, force: true });
