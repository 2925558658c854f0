import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';

/** A `sentra serve` child process started by a test. */
export interface ServeProcess {
  /** Everything the process wrote, standard output and standard error together. */
  output(): string;
  /** Standard error alone. */
  errors(): string;
  stop(): Promise<number>;
  /** Sends a signal without waiting. */
  signal(name: NodeJS.Signals): void;
  /** Resolves with the exit code once the process has exited and its output ended. */
  exited(): Promise<number>;
  /** Kills the process with SIGKILL (no shutdown of any kind) and waits until it is gone. */
  kill(): Promise<void>;
}

let served = 0;

/** A served process's whole output joins the run's scanned logs (test/support/log-scan.ts). */
function keepServeLog(output: string): void {
  const directory = process.env.SENTRA_TEST_LOG_DIR;
  if (directory !== undefined && directory !== '') writeFileSync(join(directory, `serve-${process.pid}-${served++}.log`), output);
}

/**
 * Starts the built server (`npm test` builds first) and waits for readiness. It runs on the embedded
 * store unless `extraEnv` names DATABASE_URL and REDIS_URL (the scaled mode): the test's own
 * environment never selects the store. `wrapper` runs it under another command (e.g. `strace -f -o FILE`), which then receives the signals.
 */
export async function serve(dataDir: string, port: number, extraEnv: Record<string, string> = {}, wrapper: string[] = []): Promise<ServeProcess> {
  const command = [...wrapper, process.execPath, 'dist/cli/main.js', 'serve'];
  const child = spawn(command[0]!, command.slice(1), {
    env: { ...process.env, SENTRA_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: '', REDIS_URL: '', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    stdout += chunk.toString();
  });
  const closed = once(child, 'close').then(([code]) => {
    keepServeLog(stdout);
    return code as number;
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}: ${stderr}`);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((response) => response.status, () => 0);
    if (ready === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    output: () => stdout,
    errors: () => stderr,
    async stop() {
      child.kill('SIGTERM');
      // 'close' comes after the process exited AND its output streams ended, so output() is complete.
      return closed;
    },
    signal(name) {
      child.kill(name);
    },
    exited: () => closed,
    async kill() {
      child.kill('SIGKILL');
      await closed;
    },
  };
}
