/**
 * A tiny WebAssembly assembler: just enough of the binary format to emit the few numeric kernels
 * (tree traversal, histogram accumulation) whose inner loops V8 runs 3-5x faster as WebAssembly
 * than as JavaScript over typed arrays. Kernels are written as arrays of instructions built with
 * {@link op}; {@link assembleModule} wraps them in a module that imports one linear memory.
 */

/** WebAssembly value types. */
export const valueType = { i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c, v128: 0x7b } as const;

/** One value type byte. */
export type ValueType = (typeof valueType)[keyof typeof valueType];

/** Encoded instruction bytes. */
export type Code = readonly number[];

/** Unsigned LEB128. */
export function unsignedLeb(value: number): number[] {
  const bytes: number[] = [];
  let rest = value >>> 0;
  do {
    let byte = rest & 0x7f;
    rest >>>= 7;
    if (rest !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (rest !== 0);
  return bytes;
}

/** Signed LEB128 of a 32-bit integer. */
export function signedLeb(value: number): number[] {
  const bytes: number[] = [];
  let rest = value | 0;
  while (true) {
    const byte = rest & 0x7f;
    rest >>= 7;
    const done = (rest === 0 && (byte & 0x40) === 0) || (rest === -1 && (byte & 0x40) !== 0);
    bytes.push(done ? byte : byte | 0x80);
    if (done) return bytes;
  }
}

function memoryArgument(alignmentLog2: number, offset: number): number[] {
  return [alignmentLog2, ...unsignedLeb(offset)];
}

/** Instruction builders (each returns its encoded bytes). Offsets are static byte offsets. */
export const op = {
  localGet: (index: number): Code => [0x20, ...unsignedLeb(index)],
  localSet: (index: number): Code => [0x21, ...unsignedLeb(index)],
  localTee: (index: number): Code => [0x22, ...unsignedLeb(index)],
  i32Const: (value: number): Code => [0x41, ...signedLeb(value)],
  f32Const: (value: number): Code => {
    const bytes = new Uint8Array(new Float32Array([value]).buffer);
    return [0x43, ...bytes];
  },
  f64Const: (value: number): Code => {
    const bytes = new Uint8Array(new Float64Array([value]).buffer);
    return [0x44, ...bytes];
  },
  i32Load: (offset = 0): Code => [0x28, ...memoryArgument(2, offset)],
  i32Load8Unsigned: (offset = 0): Code => [0x2d, ...memoryArgument(0, offset)],
  f32Load: (offset = 0): Code => [0x2a, ...memoryArgument(2, offset)],
  f64Load: (offset = 0): Code => [0x2b, ...memoryArgument(3, offset)],
  i64Load: (offset = 0): Code => [0x29, ...memoryArgument(3, offset)],
  i32Store: (offset = 0): Code => [0x36, ...memoryArgument(2, offset)],
  i64Store: (offset = 0): Code => [0x37, ...memoryArgument(3, offset)],
  i32Store8: (offset = 0): Code => [0x3a, ...memoryArgument(0, offset)],
  f32Store: (offset = 0): Code => [0x38, ...memoryArgument(2, offset)],
  f64Store: (offset = 0): Code => [0x39, ...memoryArgument(3, offset)],
  v128Load: (offset = 0): Code => [0xfd, 0x00, ...memoryArgument(4, offset)],
  v128Store: (offset = 0): Code => [0xfd, 0x0b, ...memoryArgument(4, offset)],
  /** Loads 64 bits into the low half of a vector, zeroing the high half. */
  v128Load64Zero: (offset = 0): Code => [0xfd, 0x5d, ...memoryArgument(3, offset)],
  i32Add: [0x6a] as Code,
  i32Sub: [0x6b] as Code,
  i32Mul: [0x6c] as Code,
  i32And: [0x71] as Code,
  i32Or: [0x72] as Code,
  i32Xor: [0x73] as Code,
  i32Shl: [0x74] as Code,
  i32ShrUnsigned: [0x76] as Code,
  i32Eq: [0x46] as Code,
  i32Ne: [0x47] as Code,
  i32Eqz: [0x45] as Code,
  i32Popcnt: [0x69] as Code,
  i32LtUnsigned: [0x49] as Code,
  i32GeUnsigned: [0x4f] as Code,
  f32Lt: [0x5d] as Code,
  f32Le: [0x5f] as Code,
  f32Ne: [0x5c] as Code,
  f32Add: [0x92] as Code,
  i64Const: (value: bigint): Code => {
    const bytes: number[] = [];
    let rest = BigInt.asIntN(64, value);
    while (true) {
      const byte = Number(rest & 0x7fn);
      rest >>= 7n;
      const done = (rest === 0n && (byte & 0x40) === 0) || (rest === -1n && (byte & 0x40) !== 0);
      bytes.push(done ? byte : byte | 0x80);
      if (done) return [0x42, ...bytes];
    }
  },
  i64Add: [0x7c] as Code,
  i64And: [0x83] as Code,
  i64Or: [0x84] as Code,
  i64Shl: [0x86] as Code,
  i64ShiftRightUnsigned: [0x88] as Code,
  i32WrapI64: [0xa7] as Code,
  i64ExtendI32Signed: [0xac] as Code,
  i32TruncF64Signed: [0xaa] as Code,
  f64ConvertI32Signed: [0xb7] as Code,
  f32DemoteF64: [0xb6] as Code,
  f64PromoteF32: [0xbb] as Code,
  i64ReinterpretF64: [0xbd] as Code,
  f64ReinterpretI64: [0xbf] as Code,
  f64Nearest: [0x9e] as Code,
  f64Div: [0xa3] as Code,
  f64Min: [0xa4] as Code,
  f64Max: [0xa5] as Code,
  f64Gt: [0x64] as Code,
  f64Eq: [0x61] as Code,
  f32Sub: [0x93] as Code,
  f32Mul: [0x94] as Code,
  f32Div: [0x95] as Code,
  f32Eq: [0x5b] as Code,
  f64Add: [0xa0] as Code,
  f64Sub: [0xa1] as Code,
  f64Mul: [0xa2] as Code,
  f64Neg: [0x9a] as Code,
  select: [0x1b] as Code,
  /** memory.copy(destination, source, byteCount) within the one memory. */
  memoryCopy: [0xfc, 0x0a, 0x00, 0x00] as Code,
  return: [0x0f] as Code,
  drop: [0x1a] as Code,
  /** Converts the two low float32 lanes to two float64 lanes. */
  f64x2PromoteLowF32x4: [0xfd, 0x5f] as Code,
  f64x2Add: [0xfd, 0xf0, 0x01] as Code,
  f64x2Sub: [0xfd, 0xf1, 0x01] as Code,
  f64x2Mul: [0xfd, 0xf2, 0x01] as Code,
  /** A vector with both lanes set to a float64. */
  f64x2Splat: [0xfd, 0x14] as Code,
  /** One float64 lane (0 or 1) of a vector. */
  f64x2ExtractLane: (lane: number): Code => [0xfd, 0x21, lane],
};

/** `while (condition) { body }`; the condition leaves an i32 on the stack. */
export function whileLoop(condition: Code, body: Code): Code {
  return [0x02, 0x40, 0x03, 0x40, ...condition, ...op.i32Eqz, 0x0d, 0x01, ...body, 0x0c, 0x00, 0x0b, 0x0b];
}

/** `if (condition) { body }`; the condition leaves an i32 on the stack. */
export function ifThen(condition: Code, body: Code): Code {
  return [...condition, 0x04, 0x40, ...body, 0x0b];
}

/** `if (condition) { then } else { otherwise }`; the condition leaves an i32 on the stack. */
export function ifElse(condition: Code, then: Code, otherwise: Code): Code {
  return [...condition, 0x04, 0x40, ...then, 0x05, ...otherwise, 0x0b];
}

/** Concatenates instruction sequences. */
export function code(...parts: Code[]): Code {
  return parts.flat();
}

/** One exported function of a module. */
export interface FunctionDefinition {
  /** Export name. */
  readonly name: string;
  /** Parameter types; parameters are locals 0..n-1. */
  readonly parameters: readonly ValueType[];
  /** Result types (zero or one). */
  readonly results: readonly ValueType[];
  /** Extra locals after the parameters, as [count, type] runs. */
  readonly locals: readonly (readonly [number, ValueType])[];
  /** The instructions (without the final `end`). */
  readonly body: Code;
}

/** The imported linear memory (`env.memory`). */
export interface MemoryImport {
  /** Initial size in 64 KiB pages. */
  readonly minimumPages: number;
  /** Maximum size in pages; required for shared memory. */
  readonly maximumPages?: number;
  /** True for a memory shared between worker threads. */
  readonly shared?: boolean;
}

function vector(items: readonly (readonly number[])[]): number[] {
  return [...unsignedLeb(items.length), ...items.flat()];
}

function name(text: string): number[] {
  const bytes = [...new TextEncoder().encode(text)];
  return [...unsignedLeb(bytes.length), ...bytes];
}

function section(id: number, content: readonly number[]): number[] {
  return [id, ...unsignedLeb(content.length), ...content];
}

function limits(memory: MemoryImport): number[] {
  if (memory.maximumPages === undefined) return [0x00, ...unsignedLeb(memory.minimumPages)];
  return [memory.shared === true ? 0x03 : 0x01, ...unsignedLeb(memory.minimumPages), ...unsignedLeb(memory.maximumPages)];
}

/** Assembles functions into a module binary that imports `env.memory` and exports each function. */
export function assembleModule(memory: MemoryImport, functions: readonly FunctionDefinition[]): Uint8Array {
  const types = functions.map((definition) => [0x60, ...vector(definition.parameters.map((type) => [type])), ...vector(definition.results.map((type) => [type]))]);
  const bodies = functions.map((definition) => {
    const body = [...vector(definition.locals.map(([count, type]) => [...unsignedLeb(count), type])), ...definition.body, 0x0b];
    return [...unsignedLeb(body.length), ...body];
  });
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vector(types)),
    ...section(2, vector([[...name('env'), ...name('memory'), 0x02, ...limits(memory)]])),
    ...section(3, vector(functions.map((_, index) => unsignedLeb(index)))),
    ...section(7, vector(functions.map((definition, index) => [...name(definition.name), 0x00, ...unsignedLeb(index)]))),
    ...section(10, vector(bodies)),
  ]);
}
