import { describe, expect, it, vi } from 'vitest';
import { GroupCommitter } from './group-commit.js';
import { OverloadedError, StoreUnavailableError } from '../errors/errors.js';

describe('GroupCommitter', () => {
  it('holds an idle commit for the commit delay when items come closer together than it, and never holds a lone item', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'performance'] });
    try {
      const delayed: number[][] = [];
      const undelayed: number[][] = [];
      const committer = new GroupCommitter<number, number>(async (items) => (delayed.push([...items]), items), { commitDelayMs: 20 });
      const plain = new GroupCommitter<number, number>(async (items) => (undelayed.push([...items]), items));
      // Nothing came before the first item: it commits at once.
      const first = committer.write(0);
      await vi.advanceTimersByTimeAsync(0);
      expect(delayed).toEqual([[0]]);
      await first;
      // The next one comes right after it: held for the delay, and the one after joins its commit.
      const second = committer.write(1);
      await vi.advanceTimersByTimeAsync(5);
      expect(delayed).toEqual([[0]]);
      const third = committer.write(2);
      await vi.advanceTimersByTimeAsync(15);
      await Promise.all([second, third]);
      expect(delayed).toEqual([[0], [1, 2]]);
      // After a gap longer than the delay, an item is alone: it is not held.
      await vi.advanceTimersByTimeAsync(100);
      const lone = committer.write(3);
      await vi.advanceTimersByTimeAsync(0);
      expect(delayed).toEqual([[0], [1, 2], [3]]);
      await lone;
      // Without a delay (the default) the same arrivals commit one by one.
      for (const item of [0, 1, 2]) {
        const written = plain.write(item);
        await vi.advanceTimersByTimeAsync(5);
        await written;
      }
      expect(undelayed).toEqual([[0], [1], [2]]);
    } finally {
      vi.useRealTimers();
    }
  });

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

  it('isolates one bad item of 256 by bisection, in about 2·log2(256) transactions', async () => {
    let transactions = 0;
    const written: number[] = [];
    const committer = new GroupCommitter<number, number>(async (items) => {
      transactions += 1;
      if (items.includes(97)) throw new Error('constraint violated');
      written.push(...items);
      return items;
    });
    const items = Array.from({ length: 256 }, (_, index) => index);
    const settled = await Promise.allSettled(items.map((item) => committer.write(item)));
    expect(settled.filter((result) => result.status === 'rejected')).toHaveLength(1);
    expect((settled[97] as PromiseRejectedResult).reason.message).toBe('constraint violated');
    expect(written.sort((a, b) => a - b)).toEqual(items.filter((item) => item !== 97));
    expect(transactions).toBeLessThanOrEqual(1 + 2 * 8);
  });

  it('refuses a write at once when the backlog is full, and accepts again once it drains', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const committer = new GroupCommitter<number, number>(
      async (items) => {
        await gate;
        return items;
      },
      { maxBacklog: 2 },
    );
    const first = committer.write(0);
    await new Promise((resolve) => setImmediate(resolve));
    const queued = [committer.write(1), committer.write(2)];
    expect(committer.full).toBe(true);
    await expect(committer.write(3)).rejects.toBeInstanceOf(OverloadedError);
    release();
    expect(await Promise.all([first, ...queued])).toEqual([0, 1, 2]);
    expect(await committer.write(4)).toBe(4);
  });

  it('never writes an item whose queue deadline passed: its caller hears at the deadline', async () => {
    const written: number[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const committer = new GroupCommitter<number, number>(async (items) => {
      if (items.includes(0)) await gate;
      written.push(...items);
      return items;
    });
    const first = committer.write(0);
    await new Promise((resolve) => setImmediate(resolve));
    const started = performance.now();
    const late = committer.write(1, 30);
    const patient = committer.write(2, 60_000);
    await expect(late).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(committer.backlog).toBe(1);
    release();
    expect(await first).toBe(0);
    expect(await patient).toBe(2);
    await committer.drain();
    expect(written).toEqual([0, 2]);
  });

  it('drops an item whose deadline passed while the event loop was blocked, whichever runs first: its timer or its batch', async () => {
    const written: number[] = [];
    const committer = new GroupCommitter<number, number>(async (items) => {
      written.push(...items);
      return items;
    });
    const late = committer.write(1, 1);
    // Block the event loop past the deadline: the batch is taken before the timer can run.
    const until = performance.now() + 20;
    while (performance.now() < until) {
      // busy
    }
    await expect(late).rejects.toBeInstanceOf(StoreUnavailableError);
    await committer.drain();
    expect(written).toEqual([]);
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
