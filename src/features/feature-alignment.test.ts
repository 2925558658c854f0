import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { featureIndexByName, featureNames } from './catalogue/feature-catalogue.js';
import { alignFeatures } from './feature-alignment.js';
import { buildFeatureSchema } from './feature-schema.js';

function catalogueValues(values: Record<string, number>): Float64Array {
  const vector = new Float64Array(featureNames.length).fill(Number.NaN);
  for (const [name, value] of Object.entries(values)) vector[featureIndexByName.get(name)!] = value;
  return vector;
}

describe('alignFeatures', () => {
  const values = catalogueValues({ amount_usd: 250, sender_tx_count_1h: 3, ip_is_hosting: Number.NaN });

  it('maps catalogue values to the model order and takes other names from the overrides', () => {
    const aligner = alignFeatures(['sender_tx_count_1h', 'response_time_ms', 'amount_usd']);
    expect(Array.from(aligner.catalogueIndex)).toEqual([featureIndexByName.get('sender_tx_count_1h'), -1, 0]);
    expect(Array.from(aligner.align(values, { response_time_ms: 117, unused_extra: 5 }))).toEqual([3, 117, 250]);
  });

  it('fills what is still missing with NaN or 0.0 per policy', () => {
    expect(Array.from(alignFeatures(['ip_is_hosting', 'duplicate_order_count']).align(values, undefined))).toEqual([Number.NaN, Number.NaN]);
    expect(Array.from(alignFeatures(['ip_is_hosting', 'duplicate_order_count'], 'zero').align(values, {}))).toEqual([0, 0]);
  });

  it('lets an override fill a missing catalogue value but never replace a computed one', () => {
    const aligner = alignFeatures(['ip_is_hosting', 'amount_usd']);
    expect(Array.from(aligner.align(values, { ip_is_hosting: 1, amount_usd: 1 }))).toEqual([1, 250]);
  });

  it('ignores non-numeric and non-finite overrides and reuses a target row', () => {
    const aligner = alignFeatures(buildFeatureSchema({ names: ['is_extreme_amount', 'amount_usd'], missing: 'zero' }));
    const target = new Float64Array(2);
    const overrides = { is_extreme_amount: Number.POSITIVE_INFINITY } as Record<string, number>;
    expect(aligner.align(values, overrides, target)).toBe(target);
    expect(Array.from(target)).toEqual([0, 250]);
    expect(Array.from(alignFeatures(['constructor', 'toString'], 'zero').align(values, {}))).toEqual([0, 0]);
  });

  it('gives what looking every missing feature up by name gives, for any names, duplicates and overrides', () => {
    const pool = ['amount_usd', 'ip_is_hosting', 'sender_tx_count_1h', 'custom_a', 'custom_b', 'constructor', 'toString'];
    const reference = (names: string[], fill: number, row: Float64Array, overrides: Record<string, unknown> | undefined): number[] =>
      names.map((name) => {
        const index = featureIndexByName.get(name);
        let value = index === undefined ? Number.NaN : row[index]!;
        const override = overrides?.[name];
        if (Number.isNaN(value) && typeof override === 'number' && Number.isFinite(override)) value = override;
        return Number.isNaN(value) ? fill : value;
      });
    const numbers = fc.oneof(fc.double(), fc.constant(Number.NaN), fc.constant(Number.POSITIVE_INFINITY), fc.constant(-0));
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 10 }),
        fc.boolean(),
        fc.dictionary(fc.constantFrom('amount_usd', 'ip_is_hosting', 'sender_tx_count_1h'), numbers),
        fc.option(fc.dictionary(fc.constantFrom(...pool, 'unused'), fc.oneof(numbers, fc.constant('1'), fc.constant(null)))),
        (names, zero, known, overrides) => {
          const row = catalogueValues(known);
          const actual = Array.from(alignFeatures(names, zero ? 'zero' : 'nan').align(row, (overrides ?? undefined) as Record<string, number> | undefined));
          expect(actual).toEqual(reference(names, zero ? 0 : Number.NaN, row, overrides ?? undefined));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
