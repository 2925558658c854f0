/**
 * A bounded map that forgets its least recently used entry when full. A JavaScript Map keeps
 * insertion order, so re-inserting on every read keeps the oldest-used entry first; eviction is
 * one entry at a time, never a wholesale clear that would drop every hot entry at once.
 */
export class LruCache<Key, Value> {
  private readonly entries = new Map<Key, Value>();

  constructor(private readonly maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError(`maxEntries must be a positive integer, got ${maxEntries}`);
  }

  /** The value, marked as just used; undefined when absent. */
  get(key: Key): Value | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Stores the value as the most recently used, evicting the least recently used when full. */
  set(key: Key, value: Value): void {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as Key);
    this.entries.set(key, value);
  }

  /** Removes one entry. */
  delete(key: Key): void {
    this.entries.delete(key);
  }

  /** Removes every entry. */
  clear(): void {
    this.entries.clear();
  }

  /** Number of entries. */
  get size(): number {
    return this.entries.size;
  }
}
