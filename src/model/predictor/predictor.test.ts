import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../random.js';
import { randomEnsemble } from '../synthetic/random-ensemble.js';
import { compilePredictor } from './predictor.js';

describe('compiled predictor', () => {
  it('WebAssembly and JavaScript engines agree bit for bit, including values equal to thresholds and missing values', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 1000 }), (treeCount, depth, featureCount, seed) => {
        const model = randomEnsemble({ treeCount, depth, featureCount, earlyLeafChance: 0.2, seed });
        const wasm = compilePredictor(model);
        const javascript = compilePredictor(model, { engine: 'javascript' });
        expect(wasm.engine).toBe('wasm');
        // Draw row values from the model's own thresholds (exact ties), their neighbours and NaN.
        const thresholds = model.trees.flatMap((tree) => Array.from(tree.threshold));
        const random = new SeededRandom(seed + 1);
        const pick = (): number => {
          const roll = random.nextFloat();
          if (roll < 0.15) return Number.NaN;
          const threshold = thresholds[random.nextInt(thresholds.length)] ?? 0;
          return roll < 0.6 ? threshold : threshold + (random.nextFloat() - 0.5) * 1e-6;
        };
        const rowCount = 300;
        const columns = Array.from({ length: featureCount }, () => Float32Array.from({ length: rowCount }, pick));
        const batch = wasm.marginBatch(columns, rowCount, new Float32Array(rowCount));
        const reference = javascript.marginBatch(columns, rowCount, new Float32Array(rowCount));
        expect(Array.from(batch)).toEqual(Array.from(reference));
        for (let row = 0; row < 20; row += 1) {
          const values = columns.map((column) => column[row] ?? Number.NaN);
          expect(wasm.margin(values)).toBe(reference[row]);
          expect(wasm.probability(values)).toBe(javascript.probability(values));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('falls back to the JavaScript engine for trees deeper than the padded layout allows', () => {
    const model = randomEnsemble({ treeCount: 2, depth: 11, featureCount: 3, earlyLeafChance: 0.3, seed: 5 });
    expect(compilePredictor(model).engine).toBe('javascript');
  });

  it('rounds float64 inputs to float32 before comparing, as XGBoost does', () => {
    const model = randomEnsemble({ treeCount: 1, depth: 1, featureCount: 1, seed: 3 });
    const tree = model.trees[0];
    if (tree === undefined) throw new Error('no tree');
    const threshold = tree.threshold[0] ?? 0;
    // A float64 just below the float32 threshold rounds up to it, so it goes right (not < threshold).
    const justBelow = threshold - Math.abs(threshold) * 1e-12;
    expect(justBelow < threshold).toBe(true);
    const predictor = compilePredictor(model);
    expect(predictor.margin([justBelow])).toBe(predictor.margin([threshold]));
    expect(predictor.margin([justBelow])).toBe(model.baseMargin + (tree.leafValue[2] ?? Number.NaN));
  });
});
