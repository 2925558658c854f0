import { code, ifThen, op, type Code } from './assembler.js';

/**
 * Exponential and natural logarithm for WebAssembly kernels (which have no such instructions),
 * accurate to a few units in the last place of a float64: rounding the result to float32 gives the
 * same value as Math.exp / Math.log except in vanishingly rare ties.
 */

const ln2High = 0.6931471803691238;
const ln2Low = 1.9082149292705877e-10;
const { localGet: get, localSet: set } = op;

/**
 * Σ coefficients[k]·x^k by Estrin's scheme: the polynomial is split in halves recursively, so the
 * halves are independent and the CPU evaluates them in parallel (depth log2(n) instead of n
 * dependent multiply-adds). `powers[j]` is a local holding x^(2^j).
 */
function estrin(coefficients: readonly number[], powers: readonly number[]): Code {
  if (coefficients.length === 1) return op.f64Const(coefficients[0] ?? 0);
  let level = 0;
  while (2 ** (level + 1) < coefficients.length) level += 1;
  const split = 2 ** level;
  return code(estrin(coefficients.slice(0, split), powers), estrin(coefficients.slice(split), powers), get(powers[level] ?? 0), op.f64Mul, op.f64Add);
}

/** Fills powers[1..] with x², x⁴, ... from powers[0] = x. */
function squares(powers: readonly number[]): Code {
  return code(...powers.slice(1).map((power, index) => code(get(powers[index] ?? 0), get(powers[index] ?? 0), op.f64Mul, set(power))));
}

/** 2^k for the i32 local `exponent` (|k| <= 1022), as a float64 on the stack. */
function powerOfTwo(exponent: number): Code {
  return code(get(exponent), op.i64ExtendI32Signed, op.i64Const(1023n), op.i64Add, op.i64Const(52n), op.i64Shl, op.f64ReinterpretI64);
}

/**
 * Leaves exp(x) on the stack for the float64 local `x` (clamped to [-700, 700]; `x` is
 * overwritten). x = k·ln2 + r with |r| <= ln2/2 (Cody-Waite), exp(r) by its Taylor series to
 * degree 11 (truncation below 1e-14) evaluated by Estrin's scheme, then scaled by 2^k.
 * `powers` are four float64 scratch locals.
 */
export function exponential(x: number, powers: readonly [number, number, number, number], exponent: number): Code {
  const taylor = Array.from({ length: 12 }, (_, degree) => 1 / factorial(degree));
  return code(
    get(x), op.f64Const(-700), op.f64Max, op.f64Const(700), op.f64Min, set(x),
    get(x), op.f64Const(Math.LOG2E), op.f64Mul, op.f64Nearest, op.i32TruncF64Signed, set(exponent),
    get(x), get(exponent), op.f64ConvertI32Signed, op.f64Const(ln2High), op.f64Mul, op.f64Sub,
    get(exponent), op.f64ConvertI32Signed, op.f64Const(ln2Low), op.f64Mul, op.f64Sub, set(powers[0]),
    squares(powers),
    estrin(taylor, powers),
    powerOfTwo(exponent), op.f64Mul,
  );
}

function factorial(value: number): number {
  return value <= 1 ? 1 : value * factorial(value - 1);
}

/**
 * Leaves ln(x) on the stack for the float64 local `x` (a positive normal number; `x` is
 * overwritten). x = m·2^e with m in [√½, √2); ln m = 2·atanh(s) with s = (m-1)/(m+1), |s| <= 0.172:
 * atanh(s)/s = Σ s^2k/(2k+1) to k = 10 (truncation below 1e-18) by Estrin's scheme in s².
 * `powers` are four float64 scratch locals.
 */
export function logarithm(x: number, powers: readonly [number, number, number, number], exponent: number): Code {
  const mantissaBits = 0x000fffffffffffffn;
  const one = 0x3ff0000000000000n;
  const series = Array.from({ length: 11 }, (_, term) => 1 / (2 * term + 1));
  return code(
    get(x), op.i64ReinterpretF64, op.i64Const(52n), op.i64ShiftRightUnsigned, op.i32WrapI64, op.i32Const(1023), op.i32Sub, set(exponent),
    get(x), op.i64ReinterpretF64, op.i64Const(mantissaBits), op.i64And, op.i64Const(one), op.i64Or, op.f64ReinterpretI64, set(x),
    // Bring m into [√½, √2).
    ifThen(code(get(x), op.f64Const(Math.SQRT2), op.f64Gt), code(get(x), op.f64Const(0.5), op.f64Mul, set(x), get(exponent), op.i32Const(1), op.i32Add, set(exponent))),
    get(x), op.f64Const(1), op.f64Sub, get(x), op.f64Const(1), op.f64Add, op.f64Div, set(x),
    get(x), get(x), op.f64Mul, set(powers[0]),
    squares(powers),
    estrin(series, powers),
    get(x), op.f64Mul, op.f64Const(2), op.f64Mul,
    get(exponent), op.f64ConvertI32Signed, op.f64Const(Math.LN2), op.f64Mul, op.f64Add,
  );
}
