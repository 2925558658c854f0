import { describe, expect, it } from 'vitest';
import { TransactionMemory } from './transaction-memory.js';

/** The plain reference: a map per tenant and a list in insertion order. */
class ReferenceMemory {
  private readonly entries: { tenantId: string; txId: string; time: number; value: number }[] = [];

  constructor(
    private readonly retentionMs: number,
    private readonly capacity: number,
  ) {}

  recall(tenantId: string, txId: string): number | undefined {
    return this.entries.find((entry) => entry.tenantId === tenantId && entry.txId === txId)?.value;
  }

  remember(tenantId: string, txId: string, value: number, now: number): void {
    if (this.capacity <= 0) return;
    while (this.entries.length > 0 && (this.entries.length >= this.capacity || !(this.entries[0]!.time > now - this.retentionMs))) this.entries.shift();
    this.entries.push({ tenantId, txId, time: now, value });
  }
}

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

describe('TransactionMemory', () => {
  it.each([
    [50, 1000],
    [3, 10_000],
    [5000, 500],
    [0, 1000],
  ])('recalls exactly what a plain list recalls (capacity %i, retention %i ms)', (capacity, retentionMs) => {
    const next = random(capacity + retentionMs);
    const memory = new TransactionMemory(retentionMs, capacity, 2);
    const reference = new ReferenceMemory(retentionMs, capacity);
    const target = new Float64Array(2);
    let now = 0;
    for (let step = 0; step < 20_000; step++) {
      now += Math.floor(next() * 3);
      const tenantId = ['default', 'ab', 'a', ''][Math.floor(next() * 4)]!;
      const txId = tenantId === 'a' && next() < 0.5 ? `btx-${Math.floor(next() * 400)}` : `tx-${Math.floor(next() * 400)}`;
      const expected = reference.recall(tenantId, txId);
      const found = memory.recall(tenantId, txId, target);
      expect(found ? target[0] : undefined).toBe(expected);
      if (!found) {
        memory.remember(tenantId, txId, Float64Array.of(step, -step), now);
        reference.remember(tenantId, txId, step, now);
      }
    }
  });
});
