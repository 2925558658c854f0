/**
 * The scoring API's tail over time, window by window, with what the embedded database did in each:
 * a server on a fresh data folder (fsync on) takes BENCH_RATE scores a second (default 1,000) for
 * BENCH_WINDOWS windows of BENCH_WINDOW_SECONDS (default 15 × 10 s) after a 5 s warm-up at full
 * speed. Each window prints its latency, the checkpoints and maintenance passes taken in it and
 * their time, and the WAL segments in `pg_wal`. A p99 over the whole run hides which pauses make it;
 * this shows them. The first minute holds the start's own work (new WAL segments, the first
 * maintenance pass's ANALYZEs), so the summary gives the median p99 of the windows after
 * BENCH_SKIP_WINDOWS (default 6) apart.
 *
 * With BENCH_BASELINE_DIR (another checkout, built; `.` with BENCH_BASELINE_ENV='A=1,B=2' for the
 * same build under other settings), BENCH_RUNS runs of each (default 2) alternate, so a drift of the
 * machine's load falls on both.
 *
 *   npm run build && npx tsx bench/tail-windows.ts
 *   BENCH_BASELINE_DIR=/tmp/old npx tsx bench/tail-windows.ts
 *
 * Needs wrk (`apt install wrk`) or falls back to autocannon; traffic goes to 127.0.0.1 only.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { autocannonGenerator, wrkAvailable, wrkGenerator, type LoadGenerator } from './support/load-generators.js';
import { parseEnv } from './support/env-list.js';
import { startServer } from './support/processes.js';

const rate = Number(process.env.BENCH_RATE ?? 1000);
const windows = Number(process.env.BENCH_WINDOWS ?? 15);
const windowSeconds = Number(process.env.BENCH_WINDOW_SECONDS ?? 10);
const skip = Number(process.env.BENCH_SKIP_WINDOWS ?? 6);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const token = 'bench-admin-token-0123456789abcdef';
const workDir = mkdtempSync(join(tmpdir(), 'sentra-bench-tail-'));
const generator: LoadGenerator = wrkAvailable() ? wrkGenerator(connections, workDir) : autocannonGenerator(connections);

interface Build {
  name: string;
  dir: string;
  env: Record<string, string>;
  /** Each run's window p99s. */
  runs: number[][];
}
const builds: Build[] = [{ name: 'this build', dir: process.cwd(), env: {}, runs: [] }];
if (process.env.BENCH_BASELINE_DIR !== undefined) {
  const name = `baseline ${process.env.BENCH_BASELINE_DIR} ${process.env.BENCH_BASELINE_ENV ?? ''}`.trim();
  builds.push({ name, dir: resolve(process.env.BENCH_BASELINE_DIR), env: parseEnv(process.env.BENCH_BASELINE_ENV), runs: [] });
}
const runs = Number(process.env.BENCH_RUNS ?? (builds.length > 1 ? 2 : 1));

/** The sum of a metric's samples (all label sets) in a /metrics text. */
function metricSum(text: string, name: string): number {
  let sum = 0;
  for (const match of text.matchAll(new RegExp(`^${name}(?:\\{[^}]*\\})? ([\\d.e+-]+)$`, 'gm'))) sum += Number(match[1]);
  return sum;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted.length % 2 === 1 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
};

console.log(`Tail windows: ${rate} req/s, ${windows} windows of ${windowSeconds} s, ${generator.name}, node ${process.version}, machine load ${loadavg()[0]!.toFixed(2)}`);
let port = 18_640;
for (let run = 1; run <= runs; run++) {
  for (const build of run % 2 === 1 ? builds : [...builds].reverse()) {
    const dataDir = join(workDir, `data-${port}`);
    const server = await startServer([join(build.dir, 'dist/cli/main.js'), 'serve'], { ...build.env, SENTRA_DATA_DIR: dataDir, SENTRA_BOOTSTRAP_TOKEN: token }, port++, '/readyz');
    const p99s: number[] = [];
    try {
      await generator.run({ url: `${server.url}/v1/risk/score`, token, seconds: 5, runId: `tail-warm-${port}-${Date.now()}` });
      const read = async () => {
        const text = await (await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${token}` } })).text();
        return {
          checkpoints: metricSum(text, 'sentra_db_checkpoints_total'),
          checkpointSeconds: metricSum(text, 'sentra_db_checkpoint_seconds_total'),
          passes: metricSum(text, 'sentra_db_vacuum_runs_total'),
          passSeconds: metricSum(text, 'sentra_db_vacuum_seconds_total'),
        };
      };
      let before = await read();
      console.log(`== ${build.name}, run ${run}`);
      for (let index = 0; index < windows; index++) {
        const phase = await generator.run({ url: `${server.url}/v1/risk/score`, token, seconds: windowSeconds, rate, runId: `tail-${port}-${index}-${Date.now()}` });
        const after = await read();
        const segments = readdirSync(join(dataDir, 'pgdata', 'pg_wal')).filter((name) => /^[0-9A-F]{24}$/.test(name)).length;
        p99s.push(phase.p99);
        console.log(
          `window ${String(index + 1).padStart(2)}  ${phase.requestsPerSecond.toFixed(0).padStart(5)} req/s  p50 ${phase.p50.toFixed(2).padStart(5)} ms  p99 ${phase.p99.toFixed(2).padStart(6)} ms  p99.9 ${phase.p999.toFixed(1).padStart(6)} ms  max ${phase.max.toFixed(1).padStart(6)} ms  non-2xx ${phase.non2xx}` +
            `  checkpoints ${after.checkpoints - before.checkpoints} (${((after.checkpointSeconds - before.checkpointSeconds) * 1000).toFixed(0)} ms)` +
            `  passes ${after.passes - before.passes} (${((after.passSeconds - before.passSeconds) * 1000).toFixed(0)} ms)  WAL segments ${segments}`,
        );
        before = after;
      }
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
    build.runs.push(p99s);
  }
}
console.log(`\nmedian window p99 after the first ${skip} windows, per run; windows over 10 ms in all:`);
for (const build of builds) {
  const steady = build.runs.map((p99s) => median(p99s.slice(skip)));
  const over = build.runs.flat().filter((p99) => p99 > 10).length;
  console.log(`${build.name.padEnd(40)} ${steady.map((value) => `${value.toFixed(2)} ms`).join(', ')}  (${over} of ${build.runs.flat().length} windows over 10 ms)`);
}
rmSync(workDir, { recursive: true, force: true });
