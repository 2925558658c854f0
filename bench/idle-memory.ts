/**
 * Where an idle embedded server's memory goes (the built server: run `npm run build` first).
 *
 * 1. Starts `sentra serve` on a fresh data folder, then again on the same folder (a restart), and
 *    prints each one's resident memory after 20 s of idling and its peak so far (VmHWM: V8
 *    optimising the embedded PostgreSQL's largest function at start, see docs/operations.md), read from /proc (the whole process:
 *    main thread, the embedded database's worker thread, native memory); with the Node flags of
 *    `npm start` (package.json), then again without them on another folder.
 * 2. Builds the same runtime step by step in this process on that folder and prints resident memory,
 *    the main thread's V8 heap, external and ArrayBuffer memory after each step: node and the
 *    server's modules, the embedded database (its worker thread), the rest of the runtime and the
 *    HTTP server, the offline IP databases (loaded on demand), then idle after a GC.
 *
 *   npm run build && node --expose-gc --import tsx bench/idle-memory.ts
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as AppModule from '../src/app.js';
import type * as ConfigModule from '../src/platform/config.js';
import type * as DatabaseModule from '../src/platform/database.js';

const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const port = 18_422;
const dist = new URL('../dist/', import.meta.url);

/** A memory figure of a process in MB from /proc/<pid>/status: `VmRSS` (resident now) or `VmHWM` (its peak). */
function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((text) => text.startsWith(`${field}:`))!;
  return Math.round(Number(line.split(/\s+/)[1]) / 1024);
}

/** The Node flags of `npm start` (package.json), so that the server measured is the one a user starts. */
function startFlags(): string[] {
  const start = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } }).scripts.start.split(/\s+/);
  return start.slice(1, start.indexOf('dist/cli/main.js'));
}

async function serveIdle(dataDir: string, flags: readonly string[]): Promise<string> {
  const child = spawn(process.execPath, [...flags, new URL('cli/main.js', dist).pathname, 'serve'], {
    env: { ...process.env, SENTRA_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: '', REDIS_URL: '' },
    stdio: 'ignore',
  });
  for (let attempt = 0; attempt < 600; attempt++) {
    if ((await fetch(`http://127.0.0.1:${port}/readyz`).then((response) => response.status, () => 0)) === 200) break;
    await sleep(100);
  }
  await sleep(20_000);
  const memory = `${statusMb(child.pid!, 'VmRSS')} MB resident (peak ${statusMb(child.pid!, 'VmHWM')} MB)`;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  return memory;
}

const collect = () => (globalThis as { gc?: () => void }).gc?.();

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sentra-idle-memory-'));
  try {
    const flags = startFlags();
    const first = await serveIdle(dataDir, flags);
    const restart = await serveIdle(dataDir, flags);
    console.log(`sentra serve as npm start runs it (node ${flags.join(' ')}), idle 20 s: first start ${first}, restart ${restart}`);
    // Without those flags (`node dist/cli/main.js serve`, or the `sentra` bin without NODE_OPTIONS).
    const bareDir = mkdtempSync(join(tmpdir(), 'sentra-idle-memory-'));
    try {
      const bareFirst = await serveIdle(bareDir, []);
      const bareRestart = await serveIdle(bareDir, []);
      console.log(`sentra serve without Node flags, idle 20 s: first start ${bareFirst}, restart ${bareRestart}`);
    } finally {
      rmSync(bareDir, { recursive: true, force: true });
    }

    let previous = 0;
    const rows: Record<string, number | string>[] = [];
    const sample = (step: string) => {
      collect();
      const usage = process.memoryUsage();
      rows.push({ step, rss: megabytes(usage.rss), delta: megabytes(usage.rss - previous), heapUsed: megabytes(usage.heapUsed), external: megabytes(usage.external), arrayBuffers: megabytes(usage.arrayBuffers) });
      previous = usage.rss;
    };
    sample('node (bench, tsx)');
    const [{ openDatabase }, { buildApp }, { loadConfig }] = await Promise.all([
      import(new URL('platform/database.js', dist).href) as Promise<typeof DatabaseModule>,
      import(new URL('app.js', dist).href) as Promise<typeof AppModule>,
      import(new URL('platform/config.js', dist).href) as Promise<typeof ConfigModule>,
    ]);
    sample('server modules loaded');
    const config = loadConfig({ ...process.env, SENTRA_DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '', REDIS_URL: '' });
    const database = await openDatabase({ databaseUrl: undefined, dataDir, timeoutMs: 5000, sharedBuffersMb: config.databaseSharedBuffersMb });
    sample(`embedded database open (shared_buffers ${config.databaseSharedBuffersMb} MB)`);
    await database.close();
    sample('embedded database closed');
    const sentra = await buildApp(config);
    sample('whole runtime and HTTP server');
    await sentra.runtime.features.networkReady;
    sample('offline IP databases loaded');
    await sleep(5_000);
    sample('idle 5 s, after GC');
    console.table(rows);
    await sentra.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
