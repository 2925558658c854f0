import { labelSources, type LabelSource } from '../contract/enums.js';

const sourceBits: Readonly<Record<LabelSource, number>> = Object.fromEntries(
  labelSources.map((source, index) => [source, 1 << index]),
) as Record<LabelSource, number>;

/**
 * What the validator remembers of every transaction to check labels against them: tx_id → slot,
 * and per slot the created_at, the line and which label sources were seen. Slots live in typed
 * arrays so 2,000,000 transactions cost the Map of ids plus ~13 bytes each, not an object per row.
 */
export class TransactionIndex {
  // A V8 Map holds at most 2^24 entries; spreading ids over shards lifts that ceiling.
  private readonly shards = Array.from({ length: 64 }, () => new Map<string, number>());
  private count = 0;
  private createdAt = new Float64Array(1 << 16);
  private lines = new Uint32Array(1 << 16);
  private labelSourceMask = new Uint8Array(1 << 16);

  /** Number of distinct tx_ids. */
  get size(): number {
    return this.count;
  }

  /** Adds a transaction; returns the line of the earlier row when the tx_id is already known. */
  add(txId: string, createdAt: number, line: number): number | undefined {
    const shard = this.shardOf(txId);
    const existing = shard.get(txId);
    if (existing !== undefined) return this.lines[existing];
    const slot = this.count++;
    if (slot === this.createdAt.length) this.grow();
    shard.set(txId, slot);
    this.createdAt[slot] = createdAt;
    this.lines[slot] = line;
    return undefined;
  }

  /** created_at (ms) of a known transaction, or undefined. */
  createdAtOf(txId: string): number | undefined {
    const slot = this.shardOf(txId).get(txId);
    return slot === undefined ? undefined : this.createdAt[slot];
  }

  /** Marks that a label from `source` exists for the tx; returns false when one was already marked. */
  markLabel(txId: string, source: LabelSource): boolean {
    const slot = this.shardOf(txId).get(txId);
    if (slot === undefined) return true;
    const mask = this.labelSourceMask[slot]!;
    if ((mask & sourceBits[source]) !== 0) return false;
    this.labelSourceMask[slot] = mask | sourceBits[source];
    return true;
  }

  private shardOf(txId: string): Map<string, number> {
    const code = txId.length === 0 ? 0 : txId.charCodeAt(txId.length - 1) * 7 + txId.charCodeAt(txId.length >> 1);
    return this.shards[code & 63]!;
  }

  private grow(): void {
    const capacity = this.createdAt.length * 2;
    const createdAt = new Float64Array(capacity);
    createdAt.set(this.createdAt);
    const lines = new Uint32Array(capacity);
    lines.set(this.lines);
    const labelSourceMask = new Uint8Array(capacity);
    labelSourceMask.set(this.labelSourceMask);
    this.createdAt = createdAt;
    this.lines = lines;
    this.labelSourceMask = labelSourceMask;
  }
}
