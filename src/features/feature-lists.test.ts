import { describe, expect, it } from 'vitest';
import { featuresByName, FeatureLists, packFeatureValues, unpackFeatureValues, type FeatureVector } from './feature-lists.js';

const vector = (features: Record<string, number | null>): FeatureVector => ({ names: Object.keys(features), values: Object.values(features) });

describe('FeatureLists.encode', () => {
  it('gives each list of names, in its order, one id, and the values in that order, whichever list came last', () => {
    const lists = new FeatureLists();
    const model = vector({ a: 1, b: null, c: 0.5 });
    const first = lists.encode(model);
    expect(first.values).toEqual([1, null, 0.5]);
    expect(first.list.names).toEqual(['a', 'b', 'c']);
    expect(first.list.id).toMatch(/^fl_[0-9a-f]{24}$/);
    // The model's next decision shares its names array.
    expect(lists.encode({ names: model.names, values: [2, 2, 2] })).toEqual({ list: first.list, values: [2, 2, 2] });
    const second = lists.encode(vector({ a: 2, b: 3, c: null, kyc_x: 1 }));
    expect(second.values).toEqual([2, 3, null, 1]);
    expect(second.list.id).not.toBe(first.list.id);
    const third = lists.encode(vector({ c: 1, b: 2, a: 3 }));
    expect(third.values).toEqual([1, 2, 3]);
    expect(third.list.names).toEqual(['c', 'b', 'a']);
    expect(new Set([first.list.id, second.list.id, third.list.id]).size).toBe(3);
    // Back to an earlier list by equal names in another array, then a shorter vector with the last list's first names.
    expect(lists.encode(vector({ a: 7, b: 8, c: 9 }))).toEqual({ list: first.list, values: [7, 8, 9] });
    expect(lists.encode(vector({ a: 7, b: 8 })).list.names).toEqual(['a', 'b']);
    // Another process derives the same id from the same names.
    expect(new FeatureLists().encode(vector({ a: 0, b: 0, c: 0 })).list.id).toBe(first.list.id);
  });

  it('remembers only the lists a successful commit held', () => {
    const lists = new FeatureLists();
    const { list } = lists.encode(vector({ a: 1 }));
    expect(lists.isStored(list.id)).toBe(false);
    lists.markStored([list.id]);
    expect(lists.isStored(list.id)).toBe(true);
  });
});

describe('featuresByName', () => {
  it('names every value, or only the names asked for that the vector has', () => {
    const features = vector({ a: 1, b: null, c: 0.5 });
    expect(featuresByName(features)).toEqual({ a: 1, b: null, c: 0.5 });
    expect(featuresByName(features, ['c', 'b', 'missing'])).toEqual({ c: 0.5, b: null });
  });
});

describe('packFeatureValues', () => {
  it('writes each value in the digits JSON writes, an empty place for a missing or non-finite one, and reads back the same doubles', () => {
    const values = [125.5, 0, null, 1.1099999999999999, 1e21, 5e-324, -12.75, Number.NaN, Number.POSITIVE_INFINITY, -0, 0.1 + 0.2, null];
    const packed = packFeatureValues(values);
    expect(packed).toBe('125.5,0,,1.1099999999999999,1e+21,5e-324,-12.75,,,0,0.30000000000000004,');
    expect(packed.split(',').map((part) => (part === '' ? null : Number(part)))).toEqual(JSON.parse(JSON.stringify(values)));
    expect(unpackFeatureValues(packed, values.length)).toEqual([125.5, 0, null, 1.1099999999999999, 1e21, 5e-324, -12.75, null, null, 0, 0.30000000000000004, null]);
  });

  it('keeps the count of a vector that is empty, all missing, or of one value', () => {
    expect(packFeatureValues([])).toBe('');
    expect(unpackFeatureValues('', 0)).toEqual([]);
    expect(packFeatureValues([null, null])).toBe(',');
    expect(unpackFeatureValues(',', 2)).toEqual([null, null]);
    expect(packFeatureValues([null])).toBe('');
    expect(unpackFeatureValues('', 1)).toEqual([null]);
    expect(unpackFeatureValues('7', 1)).toEqual([7]);
  });
});
