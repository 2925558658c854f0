import { SentraError } from '../../errors/errors.js';

/**
 * Byte layout of the trainer's shared memory, the same in every thread:
 * feature bins (column-major, one byte per value), per-row float32 (gradient, hessian) pairs,
 * margins, labels and weights, the row partition, partition scratch, and histogram slots. A slot holds one
 * node's histograms: for each feature, binCount + 1 (missing) float64 pairs.
 */
export interface ArenaLayout {
  readonly rowCount: number;
  readonly featureCount: number;
  /** Feature f's bins start at `bins + f * rowCount`. */
  readonly bins: number;
  /** Float32 (gradient, hessian) per row id. */
  readonly pairs: number;
  /** Float32 margin, label and weight per row id. */
  readonly margins: number;
  readonly labels: number;
  readonly weights: number;
  /** Four float64 sums written by the loss kernels. */
  readonly sums: number;
  /** Four float64 sums per chunk of {@link gradientChunkRows} rows of a parallel gradient pass. */
  readonly chunkSums: number;
  readonly rowIndex: number;
  /** Partition scratch; also where a column is staged for binning. */
  readonly tempIndex: number;
  /** 255 float32 cut points (binning scratch). */
  readonly cuts: number;
  readonly histograms: number;
  readonly slotCount: number;
  readonly slotBytes: number;
  /** Byte offset of each feature's histogram inside a slot. */
  readonly featureOffsets: Int32Array;
  /** Number of 64 KiB pages. */
  readonly pages: number;
}

/**
 * Rows per chunk of the gradient pass. Chunks are fixed (not one per thread) so that the order in
 * which partial sums are added, hence the model, does not depend on the number of threads.
 */
export const gradientChunkRows = 65_536;

/** Largest shared memory the trainer will allocate (WebAssembly's 32-bit address space, less a margin). */
const maximumBytes = 4_000_000_000;

/** Computes the layout; slots are needed for two tree levels of up to 2^(maxDepth-1) nodes each. */
export function planArena(rowCount: number, binCounts: readonly number[], maxDepth: number): ArenaLayout {
  const align = (value: number): number => Math.ceil(value / 64) * 64;
  const featureCount = binCounts.length;
  const featureOffsets = new Int32Array(featureCount);
  let slotBytes = 0;
  binCounts.forEach((binCount, feature) => {
    featureOffsets[feature] = slotBytes;
    slotBytes += (binCount + 1) * 16;
  });
  const levelWidth = Math.min(2 ** (maxDepth - 1), rowCount);
  const slotCount = 2 * levelWidth;
  const bins = 0;
  const pairs = align(bins + featureCount * rowCount);
  const margins = align(pairs + rowCount * 8);
  const labels = align(margins + rowCount * 4);
  const weights = align(labels + rowCount * 4);
  const sums = align(weights + rowCount * 4);
  const chunkSums = align(sums + 32);
  const rowIndex = align(chunkSums + 32 * Math.ceil(rowCount / gradientChunkRows));
  const tempIndex = align(rowIndex + rowCount * 4);
  const cuts = align(tempIndex + rowCount * 4);
  const histograms = align(cuts + 256 * 4);
  const total = histograms + slotCount * slotBytes;
  if (total > maximumBytes) {
    throw new SentraError('SENTRA_ERR_VALIDATION', `Training needs ${(total / 1e9).toFixed(1)} GB of working memory, more than the 4 GB limit; lower max_depth or max_bin, or train on fewer rows.`, {
      details: [{ code: 'memory', path: '/params/max_depth', message: `working memory ${total} bytes exceeds ${maximumBytes}` }],
    });
  }
  return { rowCount, featureCount, bins, pairs, margins, labels, weights, sums, chunkSums, rowIndex, tempIndex, cuts, histograms, slotCount, slotBytes, featureOffsets, pages: Math.ceil(total / 65_536) };
}

/** Slot of the node at `position` within tree level `depth` (levels alternate between two banks). */
export function histogramSlot(layout: ArenaLayout, depth: number, position: number): number {
  return (depth % 2) * (layout.slotCount / 2) + position;
}
