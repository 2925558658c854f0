/**
 * The bucket entries of rings that outgrew the room their entity record keeps for them (see
 * record-layout.ts), one array each, by spill id. Id 0 means "in the record": a record stores the id
 * of each of its spilled rings, and gives it back when the ring empties or the entity is dropped.
 */
export class RingSpills {
  private readonly arrays: (Float64Array | undefined)[] = [undefined];
  private readonly free: number[] = [];
  private bytes = 0;

  /** The entries of spill `id` (≥ 1). */
  get(id: number): Float64Array {
    return this.arrays[id]!;
  }

  /** Stores `entries` under `id`, or under a new id when `id` is 0; returns the id. */
  put(id: number, entries: Float64Array): number {
    if (id === 0) id = this.free.pop() ?? this.arrays.push(undefined) - 1;
    this.bytes += entries.byteLength - (this.arrays[id]?.byteLength ?? 0);
    this.arrays[id] = entries;
    return id;
  }

  /** Frees spill `id` (≥ 1). */
  release(id: number): void {
    this.bytes -= this.arrays[id]!.byteLength;
    this.arrays[id] = undefined;
    this.free.push(id);
  }

  /** Bytes held by spilled entries. */
  get allocatedBytes(): number {
    return this.bytes;
  }
}
