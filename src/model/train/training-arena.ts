import { SentraError } from '../../errors/errors.js';
import { SeededRandom } from '../random.js';
import { createMemory, type WasmMemory, type WasmModule } from '../wasm/runtime.js';
import { planArena, type ArenaLayout } from './arena.js';
import { computeFeatureBins, type FeatureBins } from './quantize.js';
import { compileTrainingKernels, instantiateTrainingKernels, type TrainingKernels } from './training-kernels.js';

/** Rows used to choose cut points; more rows only refine bins that are already fine. */
const sketchRows = 200_000;

/** The quantized training set in shared memory, with typed views for the main thread. */
export interface TrainingArena {
  readonly layout: ArenaLayout;
  readonly memory: WasmMemory;
  readonly module: WasmModule;
  readonly kernels: TrainingKernels;
  readonly featureBins: FeatureBins[];
  /** Column-major feature bins (feature f at f * rowCount). */
  readonly bins: Uint8Array;
  /** Row ids in partition order. */
  readonly rowIndex: Uint32Array;
  /** Float32 margin of every training row (the model's prediction so far). */
  readonly margins: Float32Array;
  /** The four float64 sums written by the loss kernels. */
  readonly sums: Float64Array;
}

function sketchSample(rowCount: number, seed: number): Uint32Array | undefined {
  if (rowCount <= sketchRows) return undefined;
  const random = new SeededRandom(seed ^ 0x5eed);
  const chosen: number[] = [];
  for (let row = 0; row < rowCount; row += 1) if (random.nextFloat() * rowCount < sketchRows) chosen.push(row);
  return Uint32Array.from(chosen);
}

/**
 * Quantizes every column (cut points from a sample of at most 200,000 rows, weighted by row
 * weight) into one byte per value in a shared WebAssembly memory sized for the whole run.
 */
export function createTrainingArena(
  columns: readonly Float32Array[],
  labels: Float32Array | Uint8Array,
  weights: Float32Array | undefined,
  maxBin: number,
  maxDepth: number,
  seed: number,
): TrainingArena {
  const rowCount = columns[0]?.length ?? 0;
  const sample = sketchSample(rowCount, seed);
  const featureBins = columns.map((column) => computeFeatureBins(column, maxBin, sample, weights));
  const layout = planArena(rowCount, featureBins.map((bins) => bins.binCount), maxDepth);
  let memory: WasmMemory;
  try {
    memory = createMemory(layout.pages, true);
  } catch (error) {
    throw new SentraError('SENTRA_ERR_INTERNAL', `Could not allocate ${Math.round((layout.pages * 65_536) / 1e6)} MB of training memory; train on fewer rows or features, or lower max_depth.`, { cause: error });
  }
  const module = compileTrainingKernels(layout.pages);
  const kernels = instantiateTrainingKernels(module, memory);
  const buffer = memory.buffer;
  const staging = new Float32Array(buffer, layout.tempIndex, rowCount);
  const cuts = new Float32Array(buffer, layout.cuts, 255);
  columns.forEach((column, feature) => {
    const bins = featureBins[feature] as FeatureBins;
    staging.set(column);
    cuts.fill(Number.POSITIVE_INFINITY);
    cuts.set(bins.cuts);
    kernels.binColumn(layout.tempIndex, rowCount, layout.cuts, layout.bins + feature * rowCount, bins.binCount);
  });
  new Float32Array(buffer, layout.labels, rowCount).set(labels);
  new Float32Array(buffer, layout.weights, rowCount).set(weights ?? new Float32Array(rowCount).fill(1));
  return {
    layout,
    memory,
    module,
    kernels,
    featureBins,
    bins: new Uint8Array(buffer, layout.bins, layout.featureCount * rowCount),
    rowIndex: new Uint32Array(buffer, layout.rowIndex, rowCount),
    margins: new Float32Array(buffer, layout.margins, rowCount),
    sums: new Float64Array(buffer, layout.sums, 4),
  };
}
