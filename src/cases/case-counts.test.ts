import { describe, expect, it } from 'vitest';
import { CaseCountCache, type StatusCounts } from './case-counts.js';

const counts = (open: number): StatusCounts => ({ open, in_review: 0, escalated: 0, resolved: 0 });

describe('CaseCountCache', () => {
  it('counts once per key within its lifetime, and again after it', async () => {
    let now = 0;
    let calls = 0;
    const cache = new CaseCountCache(5_000, 10, () => now);
    const count = () => Promise.resolve(counts(++calls));
    expect((await cache.get('a', count)).open).toBe(1);
    now = 4_999;
    expect((await cache.get('a', count)).open).toBe(1);
    expect((await cache.get('b', count)).open).toBe(2);
    now = 5_000;
    expect((await cache.get('a', count)).open).toBe(3);
  });
  it('does not keep a failed count', async () => {
    const cache = new CaseCountCache(5_000, 10, () => 0);
    await expect(cache.get('a', () => Promise.reject(new Error('store down')))).rejects.toThrow('store down');
    await Promise.resolve();
    expect((await cache.get('a', () => Promise.resolve(counts(7)))).open).toBe(7);
  });
  it('holds at most maxEntries keys, dropping the oldest', async () => {
    let calls = 0;
    const cache = new CaseCountCache(5_000, 2, () => 0);
    const count = () => Promise.resolve(counts(++calls));
    await cache.get('a', count);
    await cache.get('b', count);
    await cache.get('c', count);
    expect((await cache.get('b', count)).open).toBe(2);
    expect((await cache.get('a', count)).open).toBe(4);
  });
});
