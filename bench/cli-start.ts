/**
 * How long a short CLI command takes from its start to its exit, on an embedded data folder that
 * exists: the wall time, the CPU time (every thread) and the peak memory of the whole process, per
 * command. With BENCH_BASELINE_DIR (another checkout, built) both builds run the same commands in
 * turn, A B A B..., and the summary gives each command's medians and the ratios of this build's to the
 * baseline's, taken pair by pair, so a machine that drifts slows both alike.
 *
 *   npm run build && npx tsx bench/cli-start.ts
 *   git worktree add --detach /tmp/old <commit> && ln -s "$PWD/node_modules" /tmp/old/node_modules \
 *     && (cd /tmp/old && npx tsc -p tsconfig.build.json && node dist/cli/main.js prepare)
 *   BENCH_BASELINE_DIR=/tmp/old BENCH_RUNS=10 npx tsx bench/cli-start.ts
 *   BENCH_COMMANDS='tokens list;models list;audit verify' …   # the commands, separated by ';'
 *
 * CPU time and peak memory come from GNU time (`apt install time`, /usr/bin/time); without it only
 * the wall time is printed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const runs = Number(process.env.BENCH_RUNS ?? 7);
const commands = (process.env.BENCH_COMMANDS ?? 'tokens list;models list').split(';').map((command) => command.trim().split(/\s+/));
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

interface Build {
  label: string;
  dir: string;
}

interface Run {
  wall: number;
  cpu?: number;
  peakMiB?: number;
}

const builds: Build[] = [{ label: 'this build', dir: resolve('.') }];
if (process.env.BENCH_BASELINE_DIR !== undefined) builds.push({ label: 'baseline', dir: resolve(process.env.BENCH_BASELINE_DIR) });
for (const build of builds) {
  if (!existsSync(join(build.dir, 'dist/cli/main.js'))) throw new Error(`${build.dir}: no dist/cli/main.js (npm run build there first)`);
}

/** Runs one command of a build against its data folder; fails the bench if the command fails. */
function runOnce(build: Build, dataDir: string, args: string[]): Run {
  const cli = [process.execPath, join(build.dir, 'dist/cli/main.js'), ...args];
  const argv = gnuTime === undefined ? cli : [gnuTime, '-f', 'SENTRA_BENCH_TIME %U %S %M', ...cli];
  const started = process.hrtime.bigint();
  const result = spawnSync(argv[0]!, argv.slice(1), { cwd: build.dir, env: { ...process.env, SENTRA_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`${build.label}: sentra ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  const measured = /SENTRA_BENCH_TIME ([\d.]+) ([\d.]+) (\d+)/.exec(result.stderr);
  if (measured === null) return { wall };
  return { wall, cpu: Number(measured[1]) + Number(measured[2]), peakMiB: Number(measured[3]) / 1024 };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const format = (value: number | undefined, digits: number) => (value === undefined ? '-' : value.toFixed(digits));

const root = mkdtempSync(join(tmpdir(), 'sentra-bench-cli-'));
try {
  // Each build gets a data folder of its own with the default tenant, as a server's first start
  // leaves it, created once with the build's own modules.
  const dataDirs = new Map(builds.map((build, index) => [build, join(root, `data-${index}`)]));
  for (const build of builds) {
    const create = `
      const { openDatabase } = await import(${JSON.stringify(join(build.dir, 'dist/platform/database.js'))});
      const { migrateToLatest } = await import(${JSON.stringify(join(build.dir, 'dist/platform/migrate.js'))});
      const { insertTenant } = await import(${JSON.stringify(join(build.dir, 'dist/tenants/tenant.repository.js'))});
      const database = await openDatabase({ databaseUrl: undefined, dataDir: ${JSON.stringify(dataDirs.get(build)!)}, timeoutMs: 10000 });
      await migrateToLatest(database.db);
      await insertTenant(database.db, 'default', 'Default');
      await database.close();`;
    const script = join(root, `create-${builds.indexOf(build)}.mjs`);
    writeFileSync(script, create);
    const created = spawnSync(process.execPath, [script], { cwd: build.dir, encoding: 'utf8' });
    if (created.status !== 0) throw new Error(`${build.label}: creating the data folder failed: ${created.stderr}`);
  }
  console.log(`CLI start to exit: ${runs} runs per command and build, builds in turn; node ${process.version}${gnuTime === undefined ? ' (no /usr/bin/time: wall only)' : ''}`);
  for (const args of commands) {
    const results = new Map<Build, Run[]>(builds.map((build) => [build, []]));
    // One run of each build first, not counted (file caches).
    for (const build of builds) runOnce(build, dataDirs.get(build)!, args);
    for (let run = 0; run < runs; run++) {
      for (const build of run % 2 === 0 ? builds : [...builds].reverse()) results.get(build)!.push(runOnce(build, dataDirs.get(build)!, args));
    }
    for (const build of builds) {
      const measured = results.get(build)!;
      const cpu = measured.every((run) => run.cpu !== undefined) ? median(measured.map((run) => run.cpu!)) : undefined;
      const peak = measured.every((run) => run.peakMiB !== undefined) ? median(measured.map((run) => run.peakMiB!)) : undefined;
      console.log(
        `sentra ${args.join(' ').padEnd(16)} ${build.label.padEnd(10)}  wall ${format(median(measured.map((run) => run.wall)), 2)} s (min ${format(Math.min(...measured.map((run) => run.wall)), 2)}, max ${format(Math.max(...measured.map((run) => run.wall)), 2)})  cpu ${format(cpu, 2)} s  peak ${format(peak, 0)} MiB`,
      );
    }
    if (builds.length === 2) {
      const [current, baseline] = builds.map((build) => results.get(build)!);
      const ratio = (pick: (run: Run) => number | undefined) => {
        const ratios = current!.flatMap((run, index) => {
          const a = pick(run);
          const b = pick(baseline![index]!);
          return a === undefined || b === undefined ? [] : [a / b];
        });
        return ratios.length === 0 ? undefined : median(ratios);
      };
      console.log(`sentra ${args.join(' ').padEnd(16)} this/baseline  wall ${format(ratio((run) => run.wall), 2)}  cpu ${format(ratio((run) => run.cpu), 2)}  peak ${format(ratio((run) => run.peakMiB), 2)} (medians of paired ratios)`);
    }
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
