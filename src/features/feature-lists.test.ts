import { describe, expect, it } from 'vitest';
import { FeatureLists } from './feature-lists.js';

describe('FeatureLists.encode', () => {
  it('gives each list of names, in its order, one id, and the values in that order, whichever list came last', () => {
    const lists = new FeatureLists();
    const model = { a: 1, b: null, c: 0.5 };
    const withKyc = { a: 2, b: 3, c: null, kyc_x: 1 };
    const reordered = { c: 1, b: 2, a: 3 };
    const first = lists.encode(model);
    expect(first.values).toEqual([1, null, 0.5]);
    expect(first.list.names).toEqual(['a', 'b', 'c']);
    expect(first.list.id).toMatch(/^fl_[0-9a-f]{24}$/);
    const second = lists.encode(withKyc);
    expect(second.values).toEqual([2, 3, null, 1]);
    expect(second.list.id).not.toBe(first.list.id);
    const third = lists.encode(reordered);
    expect(third.values).toEqual([1, 2, 3]);
    expect(third.list.names).toEqual(['c', 'b', 'a']);
    expect(new Set([first.list.id, second.list.id, third.list.id]).size).toBe(3);
    // Back to an earlier list, then a shorter object with the last list's first names.
    expect(lists.encode({ a: 7, b: 8, c: 9 })).toEqual({ list: first.list, values: [7, 8, 9] });
    expect(lists.encode({ a: 7, b: 8 }).list.names).toEqual(['a', 'b']);
    // Another process derives the same id from the same names.
    expect(new FeatureLists().encode({ a: 0, b: 0, c: 0 }).list.id).toBe(first.list.id);
  });

  it('remembers only the lists a successful commit held', () => {
    const lists = new FeatureLists();
    const { list } = lists.encode({ a: 1 });
    expect(lists.isStored(list.id)).toBe(false);
    lists.markStored([list.id]);
    expect(lists.isStored(list.id)).toBe(true);
  });
});
