import { describe, expect, it } from 'vitest';
import { idTimePrefix, newId } from './ids.js';

describe('newId', () => {
  it('is a prefixed ULID: 10 time characters, then 16 random ones, Crockford base32', () => {
    const id = newId('dec', Date.UTC(2026, 10, 22));
    expect(id).toMatch(/^dec_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(id.slice(4, 14)).toBe(newId('case', Date.UTC(2026, 10, 22)).slice(5, 15));
  });

  it('sorts by time and never repeats, across many pool refills', () => {
    const ids = Array.from({ length: 5_000 }, (_, index) => newId('x', 1_700_000_000_000 + index));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    const sameMillisecond = Array.from({ length: 5_000 }, () => newId('x', 1_700_000_000_000).slice(12));
    expect(new Set(sameMillisecond).size).toBe(sameMillisecond.length);
  });
});

describe('idTimePrefix', () => {
  it('is the prefix and the 10 time characters of an id made at the same millisecond', () => {
    const at = Date.UTC(2026, 11, 3, 17, 0, 0, 123);
    expect(idTimePrefix('whd', at)).toBe(newId('whd', at).slice(0, 14));
  });
});
