import { mkdtemp, rm, readFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repository, runCli } from './support/run-cli.js';

const port = 18_401;

/** Waits until the server answers /readyz with 200, or fails with what it printed. */
async function waitReady(child: ReturnType<typeof spawn>, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}: ${output()}`);
    const status = await fetch(`http://127.0.0.1:${port}/readyz`).then((response) => response.status, () => 0);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`serve did not become ready: ${output()}`);
}

describe('the embedded database folder and its worker', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sentra-embedded-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses a second opener beside a running server, naming it; the server exits non-zero when its database worker dies; the stale lock is then taken over', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/serve-with-killable-worker.ts'], {
      cwd: repository,
      env: { ...process.env, SENTRA_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: '', REDIS_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await waitReady(child, () => output);
      const lock = JSON.parse(await readFile(join(dataDir, 'sentra.lock'), 'utf8')) as { pid: number };
      expect(lock.pid).toBe(child.pid);

      // The CLI on the same folder is refused, with the server named, and changes nothing.
      const migrate = await runCli(['migrate'], { SENTRA_DATA_DIR: dataDir, DATABASE_URL: '' });
      expect(migrate.code).toBe(2);
      expect(migrate.stderr).toContain('SENTRA_ERR_DATA_DIR_LOCKED');
      expect(migrate.stderr).toContain(`process ${child.pid}`);
      expect(migrate.stderr).toContain('serve');
      const models = await runCli(['models', 'list'], { SENTRA_DATA_DIR: dataDir, DATABASE_URL: '' });
      expect(models.code).toBe(2);
      expect(models.stderr).toContain('SENTRA_ERR_DATA_DIR_LOCKED');

      // The database worker dies: the server does not linger answering 503, it exits non-zero.
      child.kill('SIGUSR2');
      const [code] = await Promise.race([once(child, 'exit'), new Promise((resolve) => setTimeout(() => resolve(['still running']), 20_000))]) as [unknown];
      expect(code).toBe(1);
      expect(output).toContain('database worker stopped');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }

    // The lock the dead server left behind is stale: the next opener takes it over.
    const after = await runCli(['models', 'list'], { SENTRA_DATA_DIR: dataDir, DATABASE_URL: '' });
    expect(after.code, after.stderr).toBe(0);
  }, 180_000);

  it('stops the database worker at SENTRA_DB_WORKER_HEAP_MB: /healthz then answers 503, or Node aborts the whole process at the limit', async () => {
    // In its own process: Node stops a worker at its heap limit on a best-effort basis
    // (nodejs/node#47224), and its abort took the test runner's fork down with it now and then.
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/exhaust-database-worker.ts'], {
      cwd: repository,
      env: { ...process.env, DATABASE_URL: '', REDIS_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
    const lines = stdout.trim().split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
    // Up and healthy before the query, whichever way it ends.
    expect(lines[0], `${stdout}\n${stderr}`).toEqual({ health: 200 });
    if (signal === 'SIGABRT') {
      // The abort is V8's at the worker's heap limit, not anything else, and nothing came after it.
      expect(stderr).toMatch(/Reached heap limit|JavaScript heap out of memory/);
      expect(lines).toHaveLength(1);
      return;
    }
    expect({ code, signal }, `${stdout}\n${stderr}`).toEqual({ code: 0, signal: null });
    const seen = lines[1] as { queryError: string | null; lost: string; health: number; checks: { database_alive: boolean } };
    expect(seen.queryError).toMatch(/database worker stopped/);
    expect(seen.lost).toMatch(/memory limit/);
    expect(seen.health).toBe(503);
    expect(seen.checks.database_alive).toBe(false);
  }, 120_000);
});
