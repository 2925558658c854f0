import { code, ifElse, op, valueType, whileLoop, type Code, type FunctionDefinition } from '../wasm/assembler.js';
import { exponential, logarithm } from '../wasm/math.js';

/**
 * Logistic-loss kernels over the training arena (float32 margins, labels and row weights, float32
 * gradient pairs indexed by row id). The probability is computed in float32 steps exactly as
 * `sigmoid32` does: p = 1 / (1 + exp(-m)), rounded after each step.
 */
export interface GradientKernels {
  /**
   * For rows rowIndex[0..count): writes g = (p - y)·w·s and h = max(p(1-p), 1e-16)·w·s (s =
   * scale_pos_weight for positive rows) and stores Σg, Σh, Σ w·logloss and Σw (float64) at `sums`.
   */
  gradients(rowIndex: number, count: number, margins: number, labels: number, weights: number, pairs: number, sums: number, scalePositiveWeight: number): void;
  /** Stores Σ w·logloss and Σw of rows 0..count-1 at `sums + 16`. */
  logLoss(count: number, margins: number, labels: number, weights: number, sums: number): void;
  /** margins[rowIndex[i]] += value (float32) for i in [begin, end). */
  addLeafValue(rowIndex: number, begin: number, end: number, margins: number, value: number): void;
}

const { localGet: get, localSet: set, i32Const: constant } = op;
const { i32: int, f32: single, f64: double } = valueType;

/** Locals shared by both loss kernels, numbered after the parameters. */
function lossLocals(first: number) {
  return {
    index: first,
    row: first + 1,
    exponent: first + 2,
    x: first + 3,
    reduced: first + 4,
    weight: first + 5,
    gradientSum: first + 6,
    hessianSum: first + 7,
    lossSum: first + 8,
    weightSum: first + 9,
    clipped: first + 10,
    term: first + 11,
    gradientWeight: first + 12,
    powers: [first + 13, first + 14, first + 15, first + 16] as [number, number, number, number],
    label: first + 17,
    probability: first + 18,
  };
}

const localTypes: FunctionDefinition['locals'] = [[3, int], [14, double], [2, single]];

function lossKernel(writeGradients: boolean): FunctionDefinition {
  const [rowIndex, count, margins, labels, weights, pairs, sums, scale] = writeGradients ? [0, 1, 2, 3, 4, 5, 6, 7] : [-1, 0, 1, 2, 3, -1, 4, -1];
  const local = lossLocals(writeGradients ? 8 : 5);
  const address = (base: number, shift: number): Code => code(get(base), get(local.row), constant(shift), op.i32Shl, op.i32Add);
  const logOf = (value: Code): Code => code(value, set(local.x), logarithm(local.x, local.powers, local.exponent));
  const oneMinusClipped = code(op.f64Const(1), get(local.clipped), op.f64Sub);
  const labelAsDouble = code(get(local.label), op.f64PromoteF32);
  const probabilityAsDouble = code(get(local.probability), op.f64PromoteF32);
  const perRow = code(
    writeGradients ? code(get(rowIndex), get(local.index), constant(2), op.i32Shl, op.i32Add, op.i32Load()) : get(local.index), set(local.row),
    address(labels, 2), op.f32Load(), set(local.label),
    address(weights, 2), op.f32Load(), op.f64PromoteF32, set(local.weight),
    // p = 1 / (1 + exp(-m)) in float32 steps.
    address(margins, 2), op.f32Load(), op.f64PromoteF32, op.f64Neg, set(local.x),
    op.f32Const(1), op.f32Const(1), exponential(local.x, local.powers, local.exponent), op.f32DemoteF64, op.f32Add, op.f32Div, set(local.probability),
    writeGradients
      ? code(
          get(local.weight), get(scale), op.f64Const(1), get(local.label), op.f32Const(1), op.f32Eq, op.select, op.f64Mul, set(local.gradientWeight),
          address(pairs, 3), probabilityAsDouble, labelAsDouble, op.f64Sub, get(local.gradientWeight), op.f64Mul, op.f32DemoteF64, op.f32Store(),
          address(pairs, 3),
          get(local.probability), op.f32Const(1), get(local.probability), op.f32Sub, op.f32Mul, op.f64PromoteF32, op.f64Const(1e-16), op.f64Max, get(local.gradientWeight), op.f64Mul, op.f32DemoteF64,
          op.f32Store(4),
          get(local.gradientSum), address(pairs, 3), op.f32Load(), op.f64PromoteF32, op.f64Add, set(local.gradientSum),
          get(local.hessianSum), address(pairs, 3), op.f32Load(4), op.f64PromoteF32, op.f64Add, set(local.hessianSum),
        )
      : [],
    // Row-weighted log loss with the probability clipped to [1e-15, 1 - 1e-15].
    probabilityAsDouble, op.f64Const(1e-15), op.f64Max, op.f64Const(1 - 1e-15), op.f64Min, set(local.clipped),
    ifElse(code(get(local.label), op.f32Const(1), op.f32Eq), code(logOf(get(local.clipped)), set(local.term)),
      ifElse(code(get(local.label), op.f32Const(0), op.f32Eq), code(logOf(oneMinusClipped), set(local.term)), code(
        logOf(get(local.clipped)), labelAsDouble, op.f64Mul, set(local.term),
        get(local.term), logOf(oneMinusClipped), op.f64Const(1), labelAsDouble, op.f64Sub, op.f64Mul, op.f64Add, set(local.term),
      )),
    ),
    get(local.lossSum), get(local.weight), get(local.term), op.f64Mul, op.f64Sub, set(local.lossSum),
    get(local.weightSum), get(local.weight), op.f64Add, set(local.weightSum),
    get(local.index), constant(1), op.i32Add, set(local.index),
  );
  const store = (offset: number, value: number): Code => code(get(sums), get(value), op.f64Store(offset));
  return {
    name: writeGradients ? 'gradients' : 'logLoss',
    parameters: writeGradients ? [int, int, int, int, int, int, int, double] : [int, int, int, int, int],
    results: [],
    locals: localTypes,
    body: code(
      constant(0), set(local.index),
      whileLoop(code(get(local.index), get(count), op.i32LtUnsigned), perRow),
      writeGradients ? code(store(0, local.gradientSum), store(8, local.hessianSum)) : [],
      store(16, local.lossSum), store(24, local.weightSum),
    ),
  };
}

function addLeafValue(): FunctionDefinition {
  const [rowIndex, begin, end, margins, value, index, target] = [0, 1, 2, 3, 4, 5, 6];
  return {
    name: 'addLeafValue',
    parameters: [int, int, int, int, single],
    results: [],
    locals: [[2, int]],
    body: code(
      get(begin), set(index),
      whileLoop(code(get(index), get(end), op.i32LtUnsigned), code(
        get(margins), get(rowIndex), get(index), constant(2), op.i32Shl, op.i32Add, op.i32Load(), constant(2), op.i32Shl, op.i32Add, op.localTee(target),
        get(target), op.f32Load(), get(value), op.f32Add, op.f32Store(),
        get(index), constant(1), op.i32Add, set(index),
      )),
    ),
  };
}

/** The loss kernels' definitions, assembled into the training module. */
export function gradientKernelDefinitions(): FunctionDefinition[] {
  return [lossKernel(true), lossKernel(false), addLeafValue()];
}
