/**
 * Runs the real `sentra serve` (src/cli/main.ts) in this process, with one addition a test needs:
 * SIGUSR2 terminates every worker thread the server started (the embedded database's worker), as a
 * crash of that thread would. Node's worker_threads export is wrapped before the server loads, so
 * the server's own code is unchanged.
 */
import { createRequire, syncBuiltinESMExports } from 'node:module';
import type * as WorkerThreads from 'node:worker_threads';
import type { Worker as WorkerType } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const threads = require('node:worker_threads') as typeof WorkerThreads;
const started: WorkerType[] = [];
const Original = threads.Worker;
class TrackedWorker extends Original {
  constructor(...args: ConstructorParameters<typeof Original>) {
    super(...args);
    started.push(this);
  }
}
threads.Worker = TrackedWorker;
syncBuiltinESMExports();
process.on('SIGUSR2', () => {
  for (const worker of started) void worker.terminate();
});
process.argv = [process.argv[0]!, 'sentra', 'serve'];
await import('../../src/cli/main.js');
