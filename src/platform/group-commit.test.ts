import { describe, expect, it } from 'vitest';
import { GroupCommitter } from './group-commit.js';
import { StoreUnavailableError } from '../errors/errors.js';

describe('GroupCommitter', () => {
  it('writes items that arrive together in one batch and resolves each with its own result', async () => {
    const batches: number[][] = [];
    const committer = new GroupCommitter<number, number>(async (items) => {
      batches.push([...items]);
      return items.map((item) => item * 10);
    });
    const results = await Promise.all([1, 2, 3, 4].map((item) => committer.write(item)));
    expect(results).toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([[1, 2, 3, 4]]);
  });

  it('batches what arrives while a transaction is in flight, and caps batch size', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const committer = new GroupCommitter<number, number>(
      async (items) => {
        batches.push([...items]);
        if (batches.length === 1) await gate;
        return items;
      },
      { maxBatch: 3 },
    );
    const first = committer.write(0);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [1, 2, 3, 4, 5].map((item) => committer.write(item));
    expect(committer.backlog).toBe(5);
    release();
    await Promise.all([first, ...later]);
    expect(batches).toEqual([[0], [1, 2, 3], [4, 5]]);
  });

  it('retries a failed batch item by item so one bad item fails alone', async () => {
    const committer = new GroupCommitter<number, number>(async (items) => {
      if (items.includes(13)) throw new Error('constraint violated');
      return items;
    });
    const settled = await Promise.allSettled([12, 13, 14].map((item) => committer.write(item)));
    expect(settled.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('fails every item at once when the store is unreachable', async () => {
    let calls = 0;
    const committer = new GroupCommitter<number, number>(async () => {
      calls += 1;
      throw new StoreUnavailableError();
    });
    const settled = await Promise.allSettled([1, 2, 3].map((item) => committer.write(item)));
    expect(settled.every((result) => result.status === 'rejected')).toBe(true);
    expect(calls).toBe(1);
  });

  it('drain waits for queued and in-flight writes', async () => {
    const written: number[] = [];
    const committer = new GroupCommitter<number, number>(async (items) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      written.push(...items);
      return items;
    });
    void committer.write(1);
    void committer.write(2);
    await committer.drain();
    expect(written).toEqual([1, 2]);
  });
});
