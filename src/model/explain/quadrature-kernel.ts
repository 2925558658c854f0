import type { FlatForest } from '../predictor/flat-forest.js';
import { assembleModule, code, op, valueType, whileLoop, type Code } from '../wasm/assembler.js';
import { compileModule, createMemory, instantiate } from '../wasm/runtime.js';
import type { QuadratureTree } from './quadrature-tree.js';

/**
 * The two passes of quadrature-tree.ts in WebAssembly for trees with numeric splits, with the
 * quadrature points in float64x2 vectors (`vectors` of them: 2·vectors points). Memory (absolute
 * byte addresses):
 *   row          : the staged row, twice per feature (NaN as -Infinity, then as +Infinity), so a
 *                  node's test needs no missing-value branch, as in the predictor kernel
 *   contributions: float64 per feature
 *   trees     8 B: address of the tree's first node record, address after its last
 *   node records : per internal node, parents before children (R = 32 + 144·vectors bytes)
 *      +0 address of the value read in the staged row   +4 float32 threshold
 *      +8, +12, +16 scratch addresses of the node, its left child, its right child
 *      +20 1 << slot of the node's feature   +24 address of the feature's contribution
 *      +32 edge factors: left passed, left failed, left failed higher up, the same for the right
 *      +32 + 96·vectors: K of the left edge, K of the right edge, L of the node
 *   scratch      : per local node, G then W (16·vectors bytes), the failed mask, the direction
 * The scratch of a whole tree (at most a few KiB) and its records stay in L1 between the passes.
 */
const { localGet: get, localSet: set, localTee: tee, i32Const: constant } = op;
const { i32: int, f64: double, v128: vector } = valueType;

/** Byte size of one node record for `vectors` float64x2 vectors per point set. */
export function nodeRecordBytes(vectors: number): number {
  return 32 + 144 * vectors;
}

/** Byte size of one node's scratch. */
export function nodeScratchBytes(vectors: number): number {
  return 16 * vectors + 16;
}

interface KernelAddresses {
  readonly trees: number;
  readonly scratch: number;
}

function kernelBody(at: KernelAddresses, vectors: number): Code {
  const [treeCount, tree, treeEnd, cursor, start, end, node, left, right, mask, bit, toLeft, leftFactor, rightFactor, passed, contribution] = [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
  ];
  const [credit] = [16];
  const [product, sum, accumulated] = [17, 18, 19];
  const record = nodeRecordBytes(vectors);
  const width = 16 * vectors;
  const maskAt = width;
  const directionAt = width + 4;
  const field = (offset: number): Code => code(get(cursor), op.i32Load(offset));
  const lanes = Array.from({ length: vectors }, (_, lane) => lane);
  const rootInit = code(
    ...lanes.map((lane) => code(constant(at.scratch), op.f64Const(1), op.f64x2Splat, op.v128Store(16 * lane))),
    constant(at.scratch), constant(0), op.i32Store(maskAt),
  );
  const topDown = code(
    field(0), op.f32Load(), get(cursor), op.f32Load(4), op.f32Lt, set(toLeft),
    field(8), set(node), field(12), set(left), field(16), set(right), field(20), set(bit),
    get(node), op.i32Load(maskAt), set(mask),
    get(left), get(mask), get(bit), get(toLeft), constant(1), op.i32Sub, op.i32And, op.i32Or, op.i32Store(maskAt),
    get(right), get(mask), get(bit), constant(0), get(toLeft), op.i32Sub, op.i32And, op.i32Or, op.i32Store(maskAt),
    get(node), get(toLeft), op.i32Store(directionAt),
    // Factor sets: passed at +0, failed at +width, failed higher up at +2·width.
    get(cursor), constant(2 * width), constant(0), constant(width), get(toLeft), op.select, get(mask), get(bit), op.i32And, op.select, op.i32Add, set(leftFactor),
    get(cursor), constant(2 * width), constant(width), constant(0), get(toLeft), op.select, get(mask), get(bit), op.i32And, op.select, op.i32Add, set(rightFactor),
    ...lanes.map((lane) => code(
      get(left), get(node), op.v128Load(16 * lane), tee(product), get(leftFactor), op.v128Load(32 + 16 * lane), op.f64x2Mul, op.v128Store(16 * lane),
      get(right), get(product), get(rightFactor), op.v128Load(32 + 3 * width + 16 * lane), op.f64x2Mul, op.v128Store(16 * lane),
    )),
  );
  const creditsAt = 32 + 6 * width;
  const bottomUp = code(
    field(8), set(node), field(12), set(left), field(16), set(right),
    get(node), op.i32Load(directionAt), set(toLeft),
    get(left), get(right), get(toLeft), op.select, set(passed),
    get(cursor), constant(0), constant(width), get(toLeft), op.select, op.i32Add, set(contribution),
    ...lanes.map((lane) => code(
      get(node), get(left), op.v128Load(16 * lane), get(right), op.v128Load(16 * lane), op.f64x2Add, tee(sum), op.v128Store(16 * lane),
      get(contribution), op.v128Load(creditsAt + 16 * lane), get(passed), op.v128Load(16 * lane), op.f64x2Mul,
      get(cursor), op.v128Load(creditsAt + 2 * width + 16 * lane), get(sum), op.f64x2Mul, op.f64x2Add,
      ...(lane === 0 ? [] : [get(accumulated), op.f64x2Add]),
      set(accumulated),
    )),
    get(accumulated), op.f64x2ExtractLane(0), get(accumulated), op.f64x2ExtractLane(1), op.f64Add, set(credit),
    field(24), tee(contribution), get(contribution), op.f64Load(),
    get(credit), op.f64Const(0), get(node), op.i32Load(maskAt), field(20), op.i32And, op.i32Eqz, op.select,
    op.f64Add, op.f64Store(),
  );
  return code(
    constant(at.trees), set(tree), constant(at.trees), get(treeCount), constant(8), op.i32Mul, op.i32Add, set(treeEnd),
    whileLoop(code(get(tree), get(treeEnd), op.i32LtUnsigned), code(
      rootInit,
      get(tree), op.i32Load(0), set(start), get(tree), op.i32Load(4), set(end),
      get(start), set(cursor),
      whileLoop(code(get(cursor), get(end), op.i32LtUnsigned), code(topDown, get(cursor), constant(record), op.i32Add, set(cursor))),
      get(end), constant(record), op.i32Sub, set(cursor),
      whileLoop(code(get(cursor), get(start), op.i32GeUnsigned), code(bottomUp, get(cursor), constant(record), op.i32Sub, set(cursor))),
      get(tree), constant(8), op.i32Add, set(tree),
    )),
  );
}

/** TreeSHAP over a set of trees with numeric splits, in WebAssembly (see quadrature-tree.ts). */
export class QuadratureKernel {
  private readonly staged: Float32Array;
  private readonly contributions: Float64Array;
  private readonly explainTrees: (treeCount: number) => void;

  /** `trees` must all use 2·`vectors` quadrature points. */
  constructor(
    forest: FlatForest,
    private readonly trees: readonly QuadratureTree[],
    private readonly featureCount: number,
    vectors: number,
  ) {
    const align = (value: number): number => Math.ceil(value / 64) * 64;
    let next = 64;
    const reserve = (bytes: number): number => {
      const address = next;
      next = align(next + bytes);
      return address;
    };
    const internalTotal = trees.reduce((sum, tree) => sum + tree.internalNodes.length, 0);
    const maximumNodes = Math.max(1, ...trees.map((tree) => tree.nodeCount));
    const at = {
      row: reserve(8 * featureCount),
      contributions: reserve(8 * featureCount),
      trees: reserve(8 * trees.length),
      records: reserve(nodeRecordBytes(vectors) * internalTotal),
      scratch: reserve(nodeScratchBytes(vectors) * maximumNodes),
    };
    const pages = Math.ceil(next / 65_536);
    const memory = createMemory(pages);
    const binary = assembleModule({ minimumPages: pages }, [
      { name: 'explain', parameters: [int], results: [], locals: [[15, int], [1, double], [3, vector]], body: kernelBody(at, vectors) },
    ]);
    this.explainTrees = (instantiate(compileModule(binary), memory).exports as { explain: (treeCount: number) => void }).explain;
    writeRecords(memory.buffer, at, forest, trees, featureCount, vectors);
    this.staged = new Float32Array(memory.buffer, at.row, 2 * featureCount);
    this.contributions = new Float64Array(memory.buffer, at.contributions, featureCount);
  }

  /** Adds the kernel's trees' contributions for a float32 row (NaN = missing) to `output`. */
  addContributions(row: Float32Array, output: Float64Array): void {
    const { staged, featureCount, contributions } = this;
    for (let feature = 0; feature < featureCount; feature += 1) {
      const value = row[feature] as number;
      const missing = value !== value;
      staged[feature] = missing ? Number.NEGATIVE_INFINITY : value;
      staged[featureCount + feature] = missing ? Number.POSITIVE_INFINITY : value;
    }
    contributions.fill(0);
    this.explainTrees(this.trees.length);
    for (let feature = 0; feature < featureCount; feature += 1) output[feature] = (output[feature] as number) + (contributions[feature] as number);
  }
}

interface RecordAddresses {
  readonly row: number;
  readonly contributions: number;
  readonly trees: number;
  readonly records: number;
  readonly scratch: number;
}

function writeRecords(buffer: ArrayBufferLike, at: RecordAddresses, forest: FlatForest, trees: readonly QuadratureTree[], featureCount: number, vectors: number): void {
  const words = new Int32Array(buffer);
  const floats = new Float32Array(buffer);
  const doubles = new Float64Array(buffer);
  const recordBytes = nodeRecordBytes(vectors);
  const scratchBytes = nodeScratchBytes(vectors);
  const points = 2 * vectors;
  let cursor = at.records;
  trees.forEach((tree, index) => {
    words[(at.trees + 8 * index) / 4] = cursor;
    tree.internalNodes.forEach((local, position) => {
      const global = tree.root + local;
      const feature = forest.feature[global] ?? 0;
      const base = cursor / 4;
      words[base] = at.row + 4 * (forest.defaultLeft[global] === 1 ? feature : featureCount + feature);
      floats[base + 1] = forest.threshold[global] ?? 0;
      words[base + 2] = at.scratch + scratchBytes * local;
      words[base + 3] = at.scratch + scratchBytes * (tree.internalLeft[position] ?? 0);
      words[base + 4] = at.scratch + scratchBytes * (tree.internalRight[position] ?? 0);
      words[base + 5] = tree.internalBit[position] ?? 0;
      words[base + 6] = at.contributions + 8 * feature;
      doubles.set(tree.factors.subarray(6 * points * position, 6 * points * (position + 1)), (cursor + 32) / 8);
      doubles.set(tree.credits.subarray(3 * points * position, 3 * points * (position + 1)), (cursor + 32 + 96 * vectors) / 8);
      cursor += recordBytes;
    });
    words[(at.trees + 8 * index) / 4 + 1] = cursor;
  });
}
