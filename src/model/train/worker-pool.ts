import type { Worker } from 'node:worker_threads';
import { SentraError } from '../../errors/errors.js';
import { startModuleWorker } from '../../platform/module-worker.js';
import type { EngineSetup, LevelTask } from './histogram-engine.js';
import type { WorkerRequest, WorkerResponse } from './histogram-worker.js';

/** Starts one histogram worker (compiled or from source, see startModuleWorker). */
function startWorker(): Worker {
  return startModuleWorker(import.meta.url, './histogram-worker');
}

interface PendingReply {
  resolve(response: WorkerResponse): void;
  reject(error: Error): void;
}

/** A fixed set of worker threads sharing the trainer's arena; each answers one request at a time. */
export class WorkerPool {
  private readonly pending: (PendingReply | undefined)[];

  private constructor(private readonly workers: Worker[]) {
    this.pending = workers.map(() => undefined);
    workers.forEach((worker, index) => {
      worker.on('message', (response: WorkerResponse) => {
        const reply = this.pending[index];
        this.pending[index] = undefined;
        if (response.kind === 'error') reply?.reject(new SentraError('SENTRA_ERR_INTERNAL', `Training worker failed: ${response.message}`));
        else reply?.resolve(response);
      });
      const fail = (error: Error): void => {
        const reply = this.pending[index];
        this.pending[index] = undefined;
        reply?.reject(new SentraError('SENTRA_ERR_INTERNAL', `Training worker stopped: ${error.message}`, { cause: error }));
      };
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
    });
  }

  /** Starts `count` workers and hands them the arena. */
  static async start(count: number, setup: EngineSetup): Promise<WorkerPool> {
    const pool = new WorkerPool(Array.from({ length: count }, startWorker));
    try {
      await Promise.all(pool.workers.map((_, index) => pool.request(index, { kind: 'setup', setup })));
    } catch (error) {
      await pool.close();
      throw error;
    }
    return pool;
  }

  /** Number of workers. */
  get size(): number {
    return this.workers.length;
  }

  private request(index: number, message: WorkerRequest): Promise<WorkerResponse> {
    return new Promise((resolve, reject) => {
      this.pending[index] = { resolve, reject };
      this.workers[index]?.postMessage(message);
    });
  }

  /** Sends a level task to worker `index` for `features`; resolves with its results. */
  async runLevel(index: number, task: LevelTask, features: Int32Array): Promise<Float64Array> {
    const response = await this.request(index, { kind: 'level', task, features });
    if (response.kind !== 'result') throw new SentraError('SENTRA_ERR_INTERNAL', 'Training worker answered out of turn.');
    return response.results;
  }

  /** Has worker `index` partition nodes (see HistogramEngine.partition); resolves with the left counts. */
  async runPartition(index: number, nodes: Int32Array): Promise<Int32Array> {
    const response = await this.request(index, { kind: 'partition', nodes });
    if (response.kind !== 'partitioned') throw new SentraError('SENTRA_ERR_INTERNAL', 'Training worker answered out of turn.');
    return response.counts;
  }

  /** Has worker `index` run gradient chunks (see HistogramEngine.gradients). */
  async runGradients(index: number, chunks: Int32Array, scalePositiveWeight: number): Promise<void> {
    const response = await this.request(index, { kind: 'gradients', chunks, scalePositiveWeight });
    if (response.kind !== 'done') throw new SentraError('SENTRA_ERR_INTERNAL', 'Training worker answered out of turn.');
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
