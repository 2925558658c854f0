import { SentraError } from '../../errors/errors.js';
import { compileCalibration, type Calibration } from '../calibration/calibration.js';
import { transformMargin } from '../objective.js';
import type { TreeEnsemble } from '../tree-ensemble.js';
import { flattenForest, forestMargin } from './flat-forest.js';
import { instantiateForestKernel, stagingRows } from './forest-kernel.js';
import { canPad, padForest } from './padded-forest.js';

/** Output of a batch prediction: float32 or float64, one value per row. */
export type PredictionOutput = Float32Array | Float64Array;

/**
 * A model compiled for fast scoring. Rows are numbers in feature order with NaN for missing;
 * values are rounded to float32 before comparison, exactly as XGBoost does.
 */
export interface Predictor {
  /** Number of features a row must have. */
  readonly featureCount: number;
  /** Which implementation runs: the WebAssembly kernel or the general JavaScript path. */
  readonly engine: 'wasm' | 'javascript';
  /** The calibration applied to the probability, when one was given (the margin is always the trees' own). */
  readonly calibration: Calibration | undefined;
  /** The float32 margin (raw score) of one row: the trees' sum, never calibrated. */
  margin(row: ArrayLike<number>): number;
  /**
   * The output for one row: with a calibration, the calibrated probability of the margin (float64);
   * otherwise the objective's output, the float32 sigmoid probability for logistic objectives,
   * exactly as XGBoost predicts it.
   */
  probability(row: ArrayLike<number>): number;
  /** Margins of `rowCount` rows given as feature columns; writes into `output` (allocated when omitted). */
  marginBatch<T extends PredictionOutput = Float64Array>(columns: readonly Float32Array[], rowCount: number, output?: T): T;
  /** Outputs (as {@link probability}) of `rowCount` rows given as feature columns. */
  probabilityBatch<T extends PredictionOutput = Float64Array>(columns: readonly Float32Array[], rowCount: number, output?: T): T;
}

interface MarginEngine {
  readonly name: 'wasm' | 'javascript';
  row(row: ArrayLike<number>): number;
  /** Writes margins of rows [start, start + count) into output[start ..]. */
  columns(columns: readonly Float32Array[], start: number, count: number, output: PredictionOutput): void;
}

function javascriptEngine(model: TreeEnsemble): MarginEngine {
  const forest = flattenForest(model);
  const featureCount = model.featureCount;
  const scratch = new Float32Array(Math.max(featureCount, 1));
  return {
    name: 'javascript',
    row(row) {
      for (let feature = 0; feature < featureCount; feature += 1) scratch[feature] = row[feature] ?? Number.NaN;
      return forestMargin(forest, model.baseMargin, scratch);
    },
    columns(columns, start, count, output) {
      for (let row = start; row < start + count; row += 1) {
        for (let feature = 0; feature < featureCount; feature += 1) scratch[feature] = columns[feature]?.[row] ?? Number.NaN;
        output[row] = forestMargin(forest, model.baseMargin, scratch);
      }
    },
  };
}

function wasmEngine(model: TreeEnsemble): MarginEngine {
  const forest = padForest(model);
  const featureCount = model.featureCount;
  const { exports, memory, layout } = instantiateForestKernel(forest, featureCount);
  const records = new Int32Array(memory.buffer, layout.nodes, forest.nodeOffset.length * 2);
  const thresholds = new Float32Array(memory.buffer, layout.nodes, forest.nodeOffset.length * 2);
  for (let node = 0; node < forest.nodeOffset.length; node += 1) {
    records[2 * node] = forest.nodeOffset[node] ?? 0;
    thresholds[2 * node + 1] = forest.nodeThreshold[node] ?? 0;
  }
  new Float32Array(memory.buffer, layout.leaves, forest.leaves.length).set(forest.leaves);
  const staging = new Float32Array(memory.buffer, layout.staging, featureCount * stagingRows);
  const rows = new Float32Array(memory.buffer, layout.rows, featureCount * 2 * stagingRows);
  const accumulators = new Float32Array(memory.buffer, layout.accumulators, stagingRows);
  const groups = forest.groupCount;
  // Rows are scored in blocks small enough to stay in the L1 cache while every tree group passes.
  const block = 32;
  return {
    name: 'wasm',
    row(row) {
      for (let feature = 0; feature < featureCount; feature += 1) {
        const value = row[feature] ?? Number.NaN;
        const missing = value !== value;
        rows[feature] = missing ? -Infinity : value;
        rows[featureCount + feature] = missing ? Infinity : value;
      }
      accumulators[0] = model.baseMargin;
      exports.predict(layout.rows, 1, layout.accumulators, groups);
      return accumulators[0] ?? 0;
    },
    columns(columns, start, count, output) {
      for (let offset = 0; offset < count; offset += stagingRows) {
        const size = Math.min(stagingRows, count - offset);
        for (let feature = 0; feature < featureCount; feature += 1) {
          const column = columns[feature] ?? new Float32Array(0);
          staging.set(column.subarray(start + offset, start + offset + size), feature * stagingRows);
        }
        exports.stage(size);
        accumulators.fill(model.baseMargin, 0, size);
        for (let first = 0; first < size; first += block) {
          exports.predict(layout.rows + first * featureCount * 8, Math.min(block, size - first), layout.accumulators + first * 4, groups);
        }
        for (let row = 0; row < size; row += 1) output[start + offset + row] = accumulators[row] ?? 0;
      }
    },
  };
}

function checkColumns(columns: readonly Float32Array[], rowCount: number, featureCount: number): void {
  if (columns.length !== featureCount) {
    throw new SentraError('SENTRA_ERR_VALIDATION', `Feature count mismatch: the model expects ${featureCount} feature columns, got ${columns.length}.`, {
      details: [{ code: 'feature_count', path: '/columns', message: `expected ${featureCount} columns, got ${columns.length}` }],
    });
  }
  columns.forEach((column, feature) => {
    if (column.length < rowCount) {
      throw new SentraError('SENTRA_ERR_VALIDATION', `Column ${feature} has ${column.length} values, fewer than the ${rowCount} rows requested.`, {
        details: [{ code: 'length', path: `/columns/${feature}`, message: `has ${column.length} values, expected at least ${rowCount}` }],
      });
    }
  });
}

function checkRow(row: ArrayLike<number>, featureCount: number): void {
  if (row.length !== featureCount) {
    throw new SentraError('SENTRA_ERR_VALIDATION', `Feature count mismatch: the model expects ${featureCount} features, the row has ${row.length}.`, {
      details: [{ code: 'feature_count', path: '/row', message: `expected ${featureCount} values, got ${row.length}` }],
    });
  }
}

/** Options of {@link compilePredictor}. */
export interface PredictorOptions {
  /** `javascript` forces the general path (benchmarks and parity tests compare the two). */
  readonly engine?: 'auto' | 'javascript';
  /** A calibration fitted on held-out rows: probabilities become calibrated ones (see docs/models.md). */
  readonly calibration?: Calibration;
}

/**
 * Compiles a model into a {@link Predictor}. Numeric models of depth up to 10 run on a WebAssembly
 * kernel over flat padded trees (eight trees walked at once, branch-free); other models (categorical
 * splits, deeper trees) on flat JavaScript arrays. Both produce bit-identical float32 margins.
 */
export function compilePredictor(model: TreeEnsemble, options: PredictorOptions = {}): Predictor {
  const engine = options.engine !== 'javascript' && canPad(model) && model.trees.length > 0 ? wasmEngine(model) : javascriptEngine(model);
  const featureCount = model.featureCount;
  const allocate = <T extends PredictionOutput>(rowCount: number, output?: T): T => output ?? (new Float64Array(rowCount) as T);
  const calibrated = options.calibration === undefined ? undefined : compileCalibration(options.calibration);
  const outputOf = calibrated ?? ((margin: number) => transformMargin(model.objective, margin));
  return {
    featureCount,
    engine: engine.name,
    calibration: options.calibration,
    margin(row) {
      checkRow(row, featureCount);
      return engine.row(row);
    },
    probability(row) {
      checkRow(row, featureCount);
      return outputOf(engine.row(row));
    },
    marginBatch(columns, rowCount, output) {
      checkColumns(columns, rowCount, featureCount);
      const result = allocate(rowCount, output);
      engine.columns(columns, 0, rowCount, result);
      return result;
    },
    probabilityBatch(columns, rowCount, output) {
      checkColumns(columns, rowCount, featureCount);
      const result = allocate(rowCount, output);
      engine.columns(columns, 0, rowCount, result);
      for (let row = 0; row < rowCount; row += 1) result[row] = outputOf(result[row] ?? 0);
      return result;
    },
  };
}
