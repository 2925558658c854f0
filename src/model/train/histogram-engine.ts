import type { WasmMemory, WasmModule } from '../wasm/runtime.js';
import type { ArenaLayout } from './arena.js';
import { resetSplits, scanFeature, splitStride, type SplitRules } from './split-finder.js';
import { instantiateTrainingKernels, type TrainingKernels } from './training-kernels.js';

/** What every thread needs to work on the shared arena (structured-clone friendly). */
export interface EngineSetup {
  readonly memory: WasmMemory;
  readonly module: WasmModule;
  readonly layout: ArenaLayout;
  readonly binCounts: Int32Array;
  readonly rules: SplitRules;
}

/**
 * One tree level's histogram work: build some nodes' histograms from their rows, derive their
 * siblings by subtraction from the parent, then find each node's best split.
 */
export interface LevelTask {
  /** True for a root built from every row in order (no row index needed). */
  readonly dense: boolean;
  /** (slot, begin, end) triples: rows [begin, end) of the partition. */
  readonly builds: Int32Array;
  /** (target, parent, sibling) triples: target = parent - sibling. */
  readonly subtracts: Int32Array;
  /** Slots whose best split is wanted. */
  readonly evaluate: Int32Array;
  /** (gradient sum, hessian sum) of each evaluated node. */
  readonly totals: Float64Array;
}

/**
 * Runs level tasks for a subset of features on the shared arena. Each feature's histograms are
 * built by the same sequential loop whichever thread runs it, so the model does not depend on the
 * number of threads.
 */
export class HistogramEngine {
  private readonly kernels: TrainingKernels;
  private readonly histogram: Float64Array;

  constructor(private readonly setup: EngineSetup) {
    this.kernels = instantiateTrainingKernels(setup.module, setup.memory);
    this.histogram = new Float64Array(setup.memory.buffer);
  }

  /** Builds, subtracts and evaluates for `features`; returns six numbers per evaluated node. */
  run(task: LevelTask, features: Int32Array): Float64Array {
    const { layout, binCounts, rules } = this.setup;
    const { kernels, histogram } = this;
    const slotAddress = (slot: number, feature: number): number => layout.histograms + slot * layout.slotBytes + (layout.featureOffsets[feature] ?? 0);
    const column = (feature: number): number => layout.bins + feature * layout.rowCount;
    for (let index = 0; index < task.builds.length; index += 3) {
      const slot = task.builds[index] ?? 0;
      const begin = task.builds[index + 1] ?? 0;
      const end = task.builds[index + 2] ?? 0;
      for (const feature of features) {
        const address = slotAddress(slot, feature);
        histogram.fill(0, address / 8, address / 8 + 2 * ((binCounts[feature] ?? 0) + 1));
      }
      let first = 0;
      for (; first + 4 <= features.length; first += 4) {
        const [f0, f1, f2, f3] = [features[first] ?? 0, features[first + 1] ?? 0, features[first + 2] ?? 0, features[first + 3] ?? 0];
        const [h0, h1, h2, h3] = [slotAddress(slot, f0), slotAddress(slot, f1), slotAddress(slot, f2), slotAddress(slot, f3)];
        if (task.dense) kernels.histogramDense4(column(f0), column(f1), column(f2), column(f3), layout.pairs, h0, h1, h2, h3, end);
        else kernels.histogramIndexed4(column(f0), column(f1), column(f2), column(f3), layout.rowIndex, layout.pairs, h0, h1, h2, h3, begin, end);
      }
      for (; first < features.length; first += 1) {
        const feature = features[first] ?? 0;
        if (task.dense) kernels.histogramDense(column(feature), layout.pairs, slotAddress(slot, feature), end);
        else kernels.histogramIndexed(column(feature), layout.rowIndex, layout.pairs, slotAddress(slot, feature), begin, end);
      }
    }
    for (let index = 0; index < task.subtracts.length; index += 3) {
      for (const feature of features) {
        kernels.subtractHistogram(
          slotAddress(task.subtracts[index + 1] ?? 0, feature),
          slotAddress(task.subtracts[index + 2] ?? 0, feature),
          slotAddress(task.subtracts[index] ?? 0, feature),
          (binCounts[feature] ?? 0) + 1,
        );
      }
    }
    const results = new Float64Array(task.evaluate.length * splitStride);
    resetSplits(results);
    for (let node = 0; node < task.evaluate.length; node += 1) {
      const gradient = task.totals[2 * node] ?? 0;
      const hessian = task.totals[2 * node + 1] ?? 0;
      for (const feature of features) {
        scanFeature(histogram, slotAddress(task.evaluate[node] ?? 0, feature) / 8, binCounts[feature] ?? 0, feature, gradient, hessian, rules, results, node * splitStride);
      }
    }
    return results;
  }

  /**
   * Partitions nodes given as (feature, begin, end, split bin, missing bin, default left) sextuples
   * and returns each node's left row count. Nodes own disjoint ranges of the row index and of the
   * partition scratch, so threads can partition different nodes at once.
   */
  partition(nodes: Int32Array): Int32Array {
    const { layout } = this.setup;
    const counts = new Int32Array(nodes.length / 6);
    for (let node = 0; node < counts.length; node += 1) {
      const [feature, begin, end, splitBin, missingBin, defaultLeft] = nodes.subarray(6 * node, 6 * node + 6);
      counts[node] = this.kernels.partition(layout.bins + (feature ?? 0) * layout.rowCount, layout.rowIndex, begin ?? 0, end ?? 0, splitBin ?? 0, missingBin ?? 0, defaultLeft ?? 0, layout.tempIndex + 4 * (begin ?? 0));
    }
    return counts;
  }

  /** Gradient pass over chunks given as (chunk, begin, end) triples of row-index positions; partial sums go to chunk slots. */
  gradients(chunks: Int32Array, scalePositiveWeight: number): void {
    const { layout } = this.setup;
    for (let index = 0; index < chunks.length; index += 3) {
      const [chunk, begin, end] = [chunks[index] ?? 0, chunks[index + 1] ?? 0, chunks[index + 2] ?? 0];
      this.kernels.gradients(layout.rowIndex + 4 * begin, end - begin, layout.margins, layout.labels, layout.weights, layout.pairs, layout.chunkSums + 32 * chunk, scalePositiveWeight);
    }
  }
}
