import { gradientChunkRows } from './arena.js';
import { HistogramEngine, type EngineSetup, type LevelTask } from './histogram-engine.js';
import { mergeSplits } from './split-finder.js';
import type { TrainingArena } from './training-arena.js';
import type { WorkerPool } from './worker-pool.js';

/** Sums over the rows of one gradient pass. */
export interface GradientSums {
  readonly gradient: number;
  readonly hessian: number;
  /** Row-weighted mean log loss of the margins the gradients were taken at. */
  readonly loss: number;
}

/**
 * The calling thread plus the worker pool, sharing each step of a boosting round: histogram
 * levels by feature, partitions by node, the gradient pass by fixed chunks of rows. Work is split
 * so that every result is computed by the same sequence of operations whatever the thread count.
 */
export class ThreadTeam {
  private readonly engine: HistogramEngine;

  constructor(
    private readonly arena: TrainingArena,
    setup: EngineSetup,
    private readonly pool: WorkerPool | undefined,
  ) {
    this.engine = new HistogramEngine(setup);
  }

  private get size(): number {
    return (this.pool?.size ?? 0) + 1;
  }

  /** Best split of every node of a level; features are shared in contiguous ascending chunks. */
  async evaluateLevel(task: LevelTask, features: Int32Array): Promise<Float64Array> {
    const size = Math.ceil(features.length / this.size);
    const chunks = Array.from({ length: this.size }, (_, thread) => features.subarray(thread * size, (thread + 1) * size));
    const remote = chunks.slice(1).map((chunk, index) => (chunk.length > 0 && this.pool ? this.pool.runLevel(index, task, chunk) : undefined));
    const results = this.engine.run(task, chunks[0] ?? features);
    // Lower features first: a later chunk wins only with a strictly greater gain.
    for (const pending of remote) if (pending !== undefined) mergeSplits(results, await pending);
    return results;
  }

  /** Partitions nodes ((feature, begin, end, split bin, missing bin, default left) sextuples), larger nodes spread first. */
  async partition(nodes: Int32Array): Promise<Int32Array> {
    const count = nodes.length / 6;
    const order = Array.from({ length: count }, (_, node) => node).sort((left, right) => (nodes[6 * right + 2] ?? 0) - (nodes[6 * right + 1] ?? 0) - ((nodes[6 * left + 2] ?? 0) - (nodes[6 * left + 1] ?? 0)));
    const load = new Array<number>(this.size).fill(0);
    const assigned: number[][] = Array.from({ length: this.size }, () => []);
    for (const node of order) {
      const thread = load.indexOf(Math.min(...load));
      assigned[thread]?.push(node);
      load[thread] = (load[thread] ?? 0) + (nodes[6 * node + 2] ?? 0) - (nodes[6 * node + 1] ?? 0);
    }
    const pack = (list: number[]): Int32Array => Int32Array.from(list.flatMap((node) => Array.from(nodes.subarray(6 * node, 6 * node + 6))));
    const remote = assigned.slice(1).map((list, index) => (list.length > 0 && this.pool ? this.pool.runPartition(index, pack(list)) : undefined));
    const counts = new Int32Array(count);
    const scatter = (list: number[], result: Int32Array): void => list.forEach((node, position) => (counts[node] = result[position] ?? 0));
    scatter(assigned[0] ?? [], this.engine.partition(pack(assigned[0] ?? [])));
    for (const [index, pending] of remote.entries()) if (pending !== undefined) scatter(assigned[index + 1] ?? [], await pending);
    return counts;
  }

  /** Logistic gradients of rows rowIndex[0..rowCount) with their sums, added chunk by chunk in order. */
  async gradients(rowCount: number, scalePositiveWeight: number): Promise<GradientSums> {
    const chunkCount = Math.ceil(rowCount / gradientChunkRows);
    const perThread: number[][] = Array.from({ length: this.size }, () => []);
    for (let chunk = 0; chunk < chunkCount; chunk += 1) perThread[chunk % this.size]?.push(chunk, chunk * gradientChunkRows, Math.min(rowCount, (chunk + 1) * gradientChunkRows));
    const remote = perThread.slice(1).map((list, index) => (list.length > 0 && this.pool ? this.pool.runGradients(index, Int32Array.from(list), scalePositiveWeight) : undefined));
    this.engine.gradients(Int32Array.from(perThread[0] ?? []), scalePositiveWeight);
    await Promise.all(remote);
    const sums = new Float64Array(this.arena.memory.buffer, this.arena.layout.chunkSums, 4 * chunkCount);
    let gradient = 0;
    let hessian = 0;
    let loss = 0;
    let weight = 0;
    for (let chunk = 0; chunk < chunkCount; chunk += 1) {
      gradient += sums[4 * chunk] ?? 0;
      hessian += sums[4 * chunk + 1] ?? 0;
      loss += sums[4 * chunk + 2] ?? 0;
      weight += sums[4 * chunk + 3] ?? 0;
    }
    return { gradient, hessian, loss: loss / weight };
  }
}
