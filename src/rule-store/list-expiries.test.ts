import { describe, expect, it } from 'vitest';
import { ListExpiries } from './list-expiries.js';

describe('ListExpiries', () => {
  it('removes only the entries due, earliest first, whatever order they were loaded in', () => {
    const entries = new Map([
      ['late', 300],
      ['never', Number.POSITIVE_INFINITY],
      ['early', 100],
      ['middle', 200],
    ]);
    const expiries = new ListExpiries(entries);
    expect(expiries.nextAt).toBe(100);
    expiries.sweep(entries, 99);
    expect([...entries.keys()]).toEqual(['late', 'never', 'early', 'middle']);
    expiries.sweep(entries, 200);
    expect([...entries.keys()]).toEqual(['late', 'never']);
    expect(expiries.nextAt).toBe(300);
    expiries.sweep(entries, 10_000);
    expect([...entries.keys()]).toEqual(['never']);
    expect(expiries.nextAt).toBe(Number.POSITIVE_INFINITY);
  });
});
