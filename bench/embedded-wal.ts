/**
 * The embedded database's WAL under steady scoring, with and without its checkpoints. A single-user
 * PostgreSQL takes no checkpoint by itself; the server's maintenance sweep takes them
 * (src/platform/embedded-checkpoint.ts). Two servers on fresh data folders, fsync on, each scoring
 * BENCH_RATE payments a second (default 800) in BENCH_PHASES phases of BENCH_SECONDS (default 4 × 15 s):
 *  - "checkpoints": the maintenance pass every BENCH_PASS_SECONDS (default 5);
 *  - "no passes": SENTRA_DB_VACUUM_INTERVAL_SECONDS=0, the database as PGlite leaves it.
 * The phases alternate between the two, so a busy machine slows both alike. After each phase it
 * prints the size of `pg_wal`, the checkpoints taken and their time (`sentra_db_checkpoint*`) and the
 * phase's latency.
 *
 *   npm run build && npx tsx bench/embedded-wal.ts
 *
 * Needs wrk (`apt install wrk`) or falls back to autocannon; traffic goes to 127.0.0.1 only.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type ServerProcess } from './support/processes.js';
import { autocannonGenerator, wrkAvailable, wrkGenerator } from './support/load-generators.js';

const rate = Number(process.env.BENCH_RATE ?? 800);
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const phases = Number(process.env.BENCH_PHASES ?? 4);
const passSeconds = process.env.BENCH_PASS_SECONDS ?? '5';
const token = 'bench-admin-token-0123456789abcdef';
const workDir = mkdtempSync(join(tmpdir(), 'sentra-bench-wal-'));
const generator = wrkAvailable() ? wrkGenerator(16, workDir) : autocannonGenerator(16);

/** Bytes of the files in a folder (pg_wal holds no subfolder that matters here). */
function folderBytes(folder: string): number {
  return readdirSync(folder, { withFileTypes: true }).reduce((sum, entry) => sum + (entry.isFile() ? statSync(join(folder, entry.name)).size : 0), 0);
}

interface Setup {
  name: string;
  dataDir: string;
  server?: ServerProcess;
}

const setups: Setup[] = [
  { name: 'checkpoints', dataDir: join(workDir, 'checkpoints') },
  { name: 'no passes', dataDir: join(workDir, 'none') },
];
console.log(`Embedded WAL: ${rate} req/s, ${phases} phases of ${seconds} s each, ${generator.name}, node ${process.version}, machine load ${loadavg()[0]!.toFixed(2)}`);
let port = 18_420;
for (const setup of setups) {
  const env = { SENTRA_DATA_DIR: setup.dataDir, SENTRA_BOOTSTRAP_TOKEN: token, SENTRA_DB_VACUUM_INTERVAL_SECONDS: setup.name === 'checkpoints' ? passSeconds : '0' };
  setup.server = await startServer(['dist/cli/main.js', 'serve'], env, port++, '/readyz');
}
const metric = async (setup: Setup, name: string) => Number((await (await fetch(`${setup.server!.url}/metrics`)).text()).match(new RegExp(`^${name} ([\\d.e+-]+)$`, 'm'))?.[1] ?? 0);
try {
  for (let phase = 1; phase <= phases; phase++) {
    for (const setup of setups) {
      const result = await generator.run({ url: `${setup.server!.url}/v1/risk/score`, token, seconds, rate, runId: `wal-${setup.name.replace(' ', '-')}-${phase}-${Date.now()}` });
      const walMb = folderBytes(join(setup.dataDir, 'pgdata', 'pg_wal')) / 1024 / 1024;
      const checkpoints = await metric(setup, 'sentra_db_checkpoints_total');
      const checkpointSeconds = await metric(setup, 'sentra_db_checkpoint_seconds_total');
      console.log(
        `phase ${phase}  ${setup.name.padEnd(12)} ${result.total} scores  pg_wal ${walMb.toFixed(0).padStart(4)} MB  checkpoints ${checkpoints} (${(checkpointSeconds * 1000).toFixed(0)} ms in all)  p50 ${result.p50.toFixed(2)} ms  p99 ${result.p99.toFixed(2)} ms  max ${result.max.toFixed(1)} ms  errors ${result.errors}`,
      );
    }
  }
} finally {
  for (const setup of setups) await setup.server?.stop();
  rmSync(workDir, { recursive: true, force: true });
}
