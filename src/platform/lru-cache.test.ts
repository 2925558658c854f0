import { describe, expect, it } from 'vitest';
import { LruCache } from './lru-cache.js';

describe('LruCache', () => {
  it('evicts the least recently used entry, one at a time', () => {
    const cache = new LruCache<string, number>(3);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect(cache.get('a')).toBe(1);
    cache.set('d', 4);
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('a'), cache.get('c'), cache.get('d')]).toEqual([1, 3, 4]);
    expect(cache.size).toBe(3);
  });

  it('keeps an entry in use through a flood of new keys', () => {
    const cache = new LruCache<string, string>(100);
    cache.set('hot', 'valid');
    for (let index = 0; index < 10_000; index++) {
      cache.set(`cold-${index}`, 'x');
      if (index % 50 === 0) expect(cache.get('hot')).toBe('valid');
    }
    expect(cache.get('hot')).toBe('valid');
  });
});
