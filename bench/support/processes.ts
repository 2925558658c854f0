import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/** A server started in its own process for benchmarking. */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Milliseconds from spawn to the first successful readiness probe. */
  readyMs: number;
  /** What the server wrote on standard output so far. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts `node <nodeArgs>` with env, and waits until GET `readyPath` answers 200 (bounded). */
export async function startServer(
  nodeArgs: string[],
  env: Record<string, string>,
  port: number,
  readyPath: string,
  timeoutMs = 60_000,
  logLevel = 'warn',
): Promise<ServerProcess> {
  const started = performance.now();
  const child = spawn(process.execPath, nodeArgs, {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: logLevel },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  while (performance.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${output}`);
    try {
      const response = await fetch(url + readyPath);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const readyMs = performance.now() - started;
  if (readyMs >= timeoutMs) throw new Error(`server not ready within ${timeoutMs} ms`);
  return {
    child,
    url,
    readyMs,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
