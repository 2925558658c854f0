import { assembleModule, code, op, valueType, whileLoop, type Code, type FunctionDefinition } from '../wasm/assembler.js';
import { compileModule, instantiate, type WasmMemory, type WasmModule } from '../wasm/runtime.js';
import { gradientKernelDefinitions, type GradientKernels } from './gradient-kernels.js';

/**
 * The trainer's inner loops as WebAssembly over one shared memory (every worker thread
 * instantiates the same module on it). Histograms hold float64 (gradient, hessian) pairs, one
 * 16-byte pair per bin; gradient pairs are float32 (gradient, hessian), 8 bytes per row, indexed
 * by row id.
 */
export interface TrainingKernels extends GradientKernels {
  /** Bins `count` float32 values: bin = number of cuts <= value, NaN -> `missingBin`. `cuts` holds 255 floats, padded with +Infinity. */
  binColumn(values: number, count: number, cuts: number, output: number, missingBin: number): void;
  /** Adds pair i to the histogram bin of row i, for rows 0..count-1. */
  histogramDense(column: number, pairs: number, histogram: number, count: number): void;
  /** Adds the pair of row rowIndex[i] to that row's histogram bin, for i in [begin, end). */
  histogramIndexed(column: number, rowIndex: number, pairs: number, histogram: number, begin: number, end: number): void;
  /** histogramDense for four features at once (columns c0..c3 into histograms h0..h3). */
  histogramDense4(c0: number, c1: number, c2: number, c3: number, pairs: number, h0: number, h1: number, h2: number, h3: number, count: number): void;
  /** histogramIndexed for four features at once. */
  histogramIndexed4(c0: number, c1: number, c2: number, c3: number, rowIndex: number, pairs: number, h0: number, h1: number, h2: number, h3: number, begin: number, end: number): void;
  /** output = parent - child over `pairCount` 16-byte pairs. */
  subtractHistogram(parent: number, child: number, output: number, pairCount: number): void;
  /**
   * Stable partition of the row ids rowIndex[begin..end): rows whose bin is below `splitBin`, or
   * missing when `defaultLeft` is 1, first. Returns the number of left rows.
   */
  partition(column: number, rowIndex: number, begin: number, end: number, splitBin: number, missingBin: number, defaultLeft: number, temporary: number): number;
}

const { localGet: get, localSet: set, localTee: tee, i32Const: constant } = op;
const { i32: int } = valueType;

function increment(local: number, by = 1): Code {
  return code(get(local), constant(by), op.i32Add, set(local));
}

function binColumn(): FunctionDefinition {
  const [values, count, cuts, output, missingBin, index, position, value] = [0, 1, 2, 3, 4, 5, 6, 7];
  const steps = [128, 64, 32, 16, 8, 4, 2, 1].map((step) =>
    code(get(position), get(cuts), get(position), constant(4), op.i32Mul, op.i32Add, op.f32Load((step - 1) * 4), get(value), op.f32Le, constant(Math.log2(step)), op.i32Shl, op.i32Add, set(position)),
  );
  return {
    name: 'binColumn',
    parameters: [int, int, int, int, int],
    results: [],
    locals: [[2, int], [1, valueType.f32]],
    body: code(
      constant(0), set(index),
      whileLoop(code(get(index), get(count), op.i32LtUnsigned), code(
        get(values), get(index), constant(2), op.i32Shl, op.i32Add, op.f32Load(), set(value),
        constant(0), set(position),
        ...steps,
        get(output), get(index), op.i32Add,
        get(missingBin), get(position), get(value), get(value), op.f32Ne, op.select,
        op.i32Store8(),
        increment(index),
      )),
    ),
  };
}

/** hist[bin] += promote(pair at `pairAddress`), with the histogram address on the stack first. */
function accumulate(histogramAddress: number, pairAddress: Code): Code {
  return code(get(histogramAddress), get(histogramAddress), op.v128Load(), pairAddress, op.v128Load64Zero(), op.f64x2PromoteLowF32x4, op.f64x2Add, op.v128Store());
}

function histogramDense(): FunctionDefinition {
  const [column, pairs, histogram, count, index, address] = [0, 1, 2, 3, 4, 5];
  return {
    name: 'histogramDense',
    parameters: [int, int, int, int],
    results: [],
    locals: [[2, int]],
    body: code(
      constant(0), set(index),
      whileLoop(code(get(index), get(count), op.i32LtUnsigned), code(
        get(histogram), get(column), get(index), op.i32Add, op.i32Load8Unsigned(), constant(4), op.i32Shl, op.i32Add, set(address),
        accumulate(address, code(get(pairs), get(index), constant(3), op.i32Shl, op.i32Add)),
        increment(index),
      )),
    ),
  };
}

function histogramIndexed(): FunctionDefinition {
  const [column, rowIndex, pairs, histogram, begin, end, index, address, row] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  return {
    name: 'histogramIndexed',
    parameters: [int, int, int, int, int, int],
    results: [],
    locals: [[3, int]],
    body: code(
      get(begin), set(index),
      whileLoop(code(get(index), get(end), op.i32LtUnsigned), code(
        get(rowIndex), get(index), constant(2), op.i32Shl, op.i32Add, op.i32Load(), set(row),
        get(histogram), get(column), get(row), op.i32Add, op.i32Load8Unsigned(), constant(4), op.i32Shl, op.i32Add, set(address),
        accumulate(address, code(get(pairs), get(row), constant(3), op.i32Shl, op.i32Add)),
        increment(index),
      )),
    ),
  };
}

/**
 * Four features per pass: the row id and its gradient pair are loaded once for four histogram
 * updates, and the four updates are independent (no store-to-load stall when rows repeat a bin).
 */
function histogramFour(indexed: boolean): FunctionDefinition {
  // Parameters: c0..c3 (0-3), [rowIndex (4)], pairs, h0..h3, count | begin, end.
  const shift = indexed ? 1 : 0;
  const rowIndex = 4;
  const pairs = 4 + shift;
  const histograms = [5 + shift, 6 + shift, 7 + shift, 8 + shift];
  const [begin, end] = indexed ? [10, 11] : [-1, 9];
  const [index, row, address, pair] = indexed ? [12, 13, 14, 15] : [10, 11, 12, 13];
  const update = (feature: number): Code =>
    code(
      get(histograms[feature] ?? 0), get(feature), get(row), op.i32Add, op.i32Load8Unsigned(), constant(4), op.i32Shl, op.i32Add, tee(address),
      get(address), op.v128Load(), get(pair), op.f64x2Add, op.v128Store(),
    );
  return {
    name: indexed ? 'histogramIndexed4' : 'histogramDense4',
    parameters: Array.from({ length: indexed ? 12 : 10 }, () => int),
    results: [],
    locals: [[3, int], [1, valueType.v128]],
    body: code(
      indexed ? get(begin) : constant(0), set(index),
      whileLoop(code(get(index), get(end), op.i32LtUnsigned), code(
        indexed ? code(get(rowIndex), get(index), constant(2), op.i32Shl, op.i32Add, op.i32Load()) : get(index), set(row),
        get(pairs), get(row), constant(3), op.i32Shl, op.i32Add, op.v128Load64Zero(), op.f64x2PromoteLowF32x4, set(pair),
        update(0), update(1), update(2), update(3),
        increment(index),
      )),
    ),
  };
}

function subtractHistogram(): FunctionDefinition {
  const [parent, child, output, pairCount, index, offset] = [0, 1, 2, 3, 4, 5];
  return {
    name: 'subtractHistogram',
    parameters: [int, int, int, int],
    results: [],
    locals: [[2, int]],
    body: code(
      constant(0), set(index),
      whileLoop(code(get(index), get(pairCount), op.i32LtUnsigned), code(
        get(index), constant(4), op.i32Shl, set(offset),
        get(output), get(offset), op.i32Add,
        get(parent), get(offset), op.i32Add, op.v128Load(),
        get(child), get(offset), op.i32Add, op.v128Load(),
        op.f64x2Sub, op.v128Store(),
        increment(index),
      )),
    ),
  };
}

function partition(): FunctionDefinition {
  const [column, rowIndex, begin, end, splitBin, missingBin, defaultLeft, temporary] = [0, 1, 2, 3, 4, 5, 6, 7];
  const [index, write, spill, row, bin, left] = [8, 9, 10, 11, 12, 13];
  return {
    name: 'partition',
    parameters: [int, int, int, int, int, int, int, int],
    results: [int],
    locals: [[6, int]],
    body: code(
      get(begin), set(index), get(begin), set(write), constant(0), set(spill),
      whileLoop(code(get(index), get(end), op.i32LtUnsigned), code(
        get(rowIndex), get(index), constant(2), op.i32Shl, op.i32Add, op.i32Load(), set(row),
        get(column), get(row), op.i32Add, op.i32Load8Unsigned(), tee(bin),
        get(defaultLeft), get(bin), get(splitBin), op.i32LtUnsigned, get(bin), get(missingBin), op.i32Eq, op.select, set(left),
        // Branch-free: write the row to both destinations, advance only the one it belongs to.
        get(rowIndex), get(write), constant(2), op.i32Shl, op.i32Add, get(row), op.i32Store(),
        get(temporary), get(spill), constant(2), op.i32Shl, op.i32Add, get(row), op.i32Store(),
        get(write), get(left), op.i32Add, set(write),
        get(spill), get(left), constant(1), op.i32Xor, op.i32Add, set(spill),
        increment(index),
      )),
      get(rowIndex), get(write), constant(2), op.i32Shl, op.i32Add, get(temporary), get(spill), constant(2), op.i32Shl, op.memoryCopy,
      get(write), get(begin), op.i32Sub,
    ),
  };
}

/** Compiles the training kernels for a shared memory of exactly `pages` pages. */
export function compileTrainingKernels(pages: number): WasmModule {
  return compileModule(assembleModule({ minimumPages: pages, maximumPages: pages, shared: true }, [binColumn(), histogramDense(), histogramIndexed(), histogramFour(false), histogramFour(true), subtractHistogram(), partition(), ...gradientKernelDefinitions()]));
}

/** Instantiates the kernels on the shared memory (in any thread). */
export function instantiateTrainingKernels(module: WasmModule, memory: WasmMemory): TrainingKernels {
  return instantiate(module, memory).exports as unknown as TrainingKernels;
}
