/**
 * Worker-thread entry of the trainer: receives the shared arena once, then runs what the calling
 * thread hands out: histogram levels for some features, partitions of some nodes, gradient chunks.
 */
import { parentPort } from 'node:worker_threads';
import { HistogramEngine, type EngineSetup, type LevelTask } from './histogram-engine.js';

/** Messages the trainer sends to a worker. */
export type WorkerRequest =
  | { kind: 'setup'; setup: EngineSetup }
  | { kind: 'level'; task: LevelTask; features: Int32Array }
  | { kind: 'partition'; nodes: Int32Array }
  | { kind: 'gradients'; chunks: Int32Array; scalePositiveWeight: number };

/** Messages a worker sends back. */
export type WorkerResponse =
  | { kind: 'ready' }
  | { kind: 'result'; results: Float64Array }
  | { kind: 'partitioned'; counts: Int32Array }
  | { kind: 'done' }
  | { kind: 'error'; message: string };

function serve(port: NonNullable<typeof parentPort>): void {
  let engine: HistogramEngine | undefined;
  port.on('message', (request: WorkerRequest) => {
    try {
      if (request.kind === 'setup') {
        engine = new HistogramEngine(request.setup);
        port.postMessage({ kind: 'ready' } satisfies WorkerResponse);
        return;
      }
      if (engine === undefined) throw new Error('task before setup');
      if (request.kind === 'level') {
        const results = engine.run(request.task, request.features);
        port.postMessage({ kind: 'result', results } satisfies WorkerResponse, [results.buffer as ArrayBuffer]);
      } else if (request.kind === 'partition') {
        const counts = engine.partition(request.nodes);
        port.postMessage({ kind: 'partitioned', counts } satisfies WorkerResponse, [counts.buffer as ArrayBuffer]);
      } else {
        engine.gradients(request.chunks, request.scalePositiveWeight);
        port.postMessage({ kind: 'done' } satisfies WorkerResponse);
      }
    } catch (error) {
      port.postMessage({ kind: 'error', message: error instanceof Error ? error.message : String(error) } satisfies WorkerResponse);
    }
  });
}

if (parentPort !== null) serve(parentPort);
