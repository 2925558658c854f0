import { assembleModule, code, op, valueType, whileLoop, type Code, type FunctionDefinition } from '../wasm/assembler.js';
import { compileModule, createMemory, instantiate, type WasmMemory } from '../wasm/runtime.js';
import { treesPerGroup, type PaddedForest } from './padded-forest.js';

/** Rows staged per call of the batch path. */
export const stagingRows = 256;

/** Byte layout of the kernel's linear memory. */
export interface KernelLayout {
  readonly nodes: number;
  readonly leaves: number;
  readonly staging: number;
  readonly rows: number;
  readonly accumulators: number;
  readonly bytes: number;
}

/** Computes the memory layout for a padded forest over `featureCount` features. */
export function kernelLayout(forest: PaddedForest, featureCount: number): KernelLayout {
  const align = (value: number): number => Math.ceil(value / 64) * 64;
  const treeSlots = forest.groupCount * treesPerGroup;
  const nodes = 0;
  const leaves = align(nodes + treeSlots * (2 ** forest.depth - 1) * 8);
  const staging = align(leaves + treeSlots * 2 ** forest.depth * 4);
  const rows = align(staging + featureCount * stagingRows * 4);
  const accumulators = align(rows + stagingRows * featureCount * 8);
  return { nodes, leaves, staging, rows, accumulators, bytes: align(accumulators + stagingRows * 4) };
}

const { localGet: get, localSet: set, localTee: tee, i32Const: constant } = op;

/**
 * `predict(rows, rowCount, accumulators, groupCount)`: for each group of eight trees, for each
 * staged row, walks the eight trees at once (independent dependency chains keep the CPU busy) and
 * adds their leaves to the row's float32 accumulator in tree order.
 */
function predictFunction(forest: PaddedForest, featureCount: number, layout: KernelLayout): FunctionDefinition {
  const internalCount = 2 ** forest.depth - 1;
  const treeNodeBytes = internalCount * 8;
  const treeLeafBytes = (internalCount + 1) * 4;
  const [rowsParameter, rowCount, accumulatorsParameter, groupCount, group, nodeBase, leafBase, row, rowPointer, accumulatorPointer, sum] = [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
  ];
  const position = (tree: number): number => 11 + tree;
  const record = 11 + treesPerGroup;
  const trees = Array.from({ length: treesPerGroup }, (_, tree) => tree);
  const step = (tree: number): Code =>
    code(
      get(position(tree)), constant(1), op.i32Shl, constant(16), op.i32Add,
      get(rowPointer), get(nodeBase), get(position(tree)), op.i32Add, tee(record), op.i32Load(tree * treeNodeBytes), op.i32Add, op.f32Load(),
      get(record), op.f32Load(tree * treeNodeBytes + 4), op.f32Lt, constant(3), op.i32Shl, op.i32Sub, set(position(tree)),
    );
  const rowBody = code(
    ...trees.map((tree) => code(constant(0), set(position(tree)))),
    ...Array.from({ length: forest.depth }, () => code(...trees.map(step))),
    get(accumulatorPointer), op.f32Load(), set(sum),
    ...trees.map((tree) =>
      code(get(sum), get(leafBase), get(position(tree)), constant(1), op.i32ShrUnsigned, op.i32Add, op.f32Load(tree * treeLeafBytes), op.f32Add, set(sum)),
    ),
    get(accumulatorPointer), get(sum), op.f32Store(),
    get(row), constant(1), op.i32Add, set(row),
    get(rowPointer), constant(featureCount * 8), op.i32Add, set(rowPointer),
    get(accumulatorPointer), constant(4), op.i32Add, set(accumulatorPointer),
  );
  const body = code(
    constant(layout.nodes), set(nodeBase),
    constant(layout.leaves - 4 * internalCount), set(leafBase),
    constant(0), set(group),
    whileLoop(code(get(group), get(groupCount), op.i32LtUnsigned), code(
      constant(0), set(row), get(rowsParameter), set(rowPointer), get(accumulatorsParameter), set(accumulatorPointer),
      whileLoop(code(get(row), get(rowCount), op.i32LtUnsigned), rowBody),
      get(nodeBase), constant(treesPerGroup * treeNodeBytes), op.i32Add, set(nodeBase),
      get(leafBase), constant(treesPerGroup * treeLeafBytes), op.i32Add, set(leafBase),
      get(group), constant(1), op.i32Add, set(group),
    )),
  );
  // Locals after the parameters: six i32 counters and pointers, the f32 sum, then the eight tree
  // positions (byte offsets of the current node record) and the current record's address.
  return {
    name: 'predict',
    parameters: [valueType.i32, valueType.i32, valueType.i32, valueType.i32],
    results: [],
    locals: [[6, valueType.i32], [1, valueType.f32], [treesPerGroup + 1, valueType.i32]],
    body,
  };
}

/**
 * `stage(rowCount)`: turns column-major staged values (feature f of row r at
 * `staging + 4 * (f * stagingRows + r)`) into rows of two copies per feature: NaN as -Infinity
 * at `4 * f` and NaN as +Infinity at `4 * (featureCount + f)`.
 */
function stageFunction(featureCount: number, layout: KernelLayout): FunctionDefinition {
  const [rowCount, feature, row, source, target, value] = [0, 1, 2, 3, 4, 5];
  const isMissing = code(get(value), get(value), op.f32Ne);
  const body = code(
    constant(0), set(feature),
    whileLoop(code(get(feature), constant(featureCount), op.i32LtUnsigned), code(
      constant(layout.staging), get(feature), constant(stagingRows * 4), op.i32Mul, op.i32Add, set(source),
      constant(layout.rows), get(feature), constant(4), op.i32Mul, op.i32Add, set(target),
      constant(0), set(row),
      whileLoop(code(get(row), get(rowCount), op.i32LtUnsigned), code(
        get(source), op.f32Load(), set(value),
        get(target), op.f32Const(-Infinity), get(value), isMissing, op.select, op.f32Store(),
        get(target), op.f32Const(Infinity), get(value), isMissing, op.select, op.f32Store(featureCount * 4),
        get(source), constant(4), op.i32Add, set(source),
        get(target), constant(featureCount * 8), op.i32Add, set(target),
        get(row), constant(1), op.i32Add, set(row),
      )),
      get(feature), constant(1), op.i32Add, set(feature),
    )),
  );
  return { name: 'stage', parameters: [valueType.i32], results: [], locals: [[4, valueType.i32], [1, valueType.f32]], body };
}

/** The exports of an instantiated forest kernel. */
export interface ForestKernelExports {
  readonly predict: (rows: number, rowCount: number, accumulators: number, groupCount: number) => void;
  readonly stage: (rowCount: number) => void;
}

/** Assembles and instantiates the kernel for one padded forest, with its own memory. */
export function instantiateForestKernel(forest: PaddedForest, featureCount: number): { exports: ForestKernelExports; memory: WasmMemory; layout: KernelLayout } {
  const layout = kernelLayout(forest, featureCount);
  const pages = Math.ceil(layout.bytes / 65_536);
  const binary = assembleModule({ minimumPages: pages }, [predictFunction(forest, featureCount, layout), stageFunction(featureCount, layout)]);
  const memory = createMemory(pages);
  const instance = instantiate(compileModule(binary), memory);
  return { exports: instance.exports as unknown as ForestKernelExports, memory, layout };
}
