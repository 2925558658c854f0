/**
 * Remembers, per tenant and txId, the snapshot of a transaction's first observation for a bounded
 * time and count, so a re-score (a status update, a client retry) returns the same behavioural
 * aggregates and is never folded twice. Entries live in a circular buffer in insertion order and
 * leave from its tail: when older than `retentionMs` of event time, or when `capacity` is reached.
 * They are found through an open-addressing hash table of buffer slots (linear probing, deletion
 * by backward shift) keyed by tenant and txId, so the constant turnover allocates nothing.
 */
export class TransactionMemory {
  private tenants: (string | undefined)[] = [];
  private transactions: (string | undefined)[] = [];
  private hashes = new Int32Array(0);
  private times = new Float64Array(0);
  private snapshots = new Float64Array(0);
  /** Slot + 1 per table position, 0 when free. */
  private table = new Int32Array(0);
  private mask = -1;
  private tail = 0;
  private count = 0;
  private lastTenant = '';
  private lastTenantHash = hashText(2166136261, '');

  constructor(
    readonly retentionMs: number,
    readonly capacity: number,
    private readonly snapshotLength: number,
  ) {}

  /** Number of remembered transactions. */
  get size(): number {
    return this.count;
  }

  /** Copies the remembered snapshot of a transaction into `target`; false when not remembered. */
  recall(tenantId: string, txId: string, target: Float64Array): boolean {
    if (this.count === 0) return false;
    const slot = this.find(tenantId, txId, this.hashOf(tenantId, txId));
    if (slot < 0) return false;
    target.set(this.snapshots.subarray(slot * this.snapshotLength, (slot + 1) * this.snapshotLength));
    return true;
  }

  /** Remembers a copy of `snapshot` (of a transaction not remembered yet), first forgetting what is due at `now`. */
  remember(tenantId: string, txId: string, snapshot: Float64Array, now: number): void {
    if (this.capacity <= 0) return;
    const forgetBefore = now - this.retentionMs;
    while (this.count > 0 && (this.count >= this.capacity || !(this.times[this.tail]! > forgetBefore))) this.forgetOldest();
    if (this.count === this.times.length) this.grow();
    const slot = (this.tail + this.count) % this.times.length;
    const hash = this.hashOf(tenantId, txId);
    this.tenants[slot] = tenantId;
    this.transactions[slot] = txId;
    this.hashes[slot] = hash;
    this.times[slot] = now;
    this.snapshots.set(snapshot, slot * this.snapshotLength);
    this.insert(slot, hash);
    this.count++;
  }

  private hashOf(tenantId: string, txId: string): number {
    if (tenantId !== this.lastTenant) {
      this.lastTenant = tenantId;
      // Length first, so ("ab", "c") and ("a", "bc") hash apart.
      this.lastTenantHash = hashText(Math.imul(2166136261 ^ tenantId.length, 16777619), tenantId);
    }
    return hashText(this.lastTenantHash, txId);
  }

  private find(tenantId: string, txId: string, hash: number): number {
    const table = this.table;
    for (let position = hash & this.mask; ; position = (position + 1) & this.mask) {
      const entry = table[position]!;
      if (entry === 0) return -1;
      const slot = entry - 1;
      if (this.hashes[slot] === hash && this.transactions[slot] === txId && this.tenants[slot] === tenantId) return slot;
    }
  }

  private insert(slot: number, hash: number): void {
    let position = hash & this.mask;
    while (this.table[position] !== 0) position = (position + 1) & this.mask;
    this.table[position] = slot + 1;
  }

  private forgetOldest(): void {
    const slot = this.tail;
    const table = this.table;
    const mask = this.mask;
    let position = this.hashes[slot]! & mask;
    while (table[position] !== slot + 1) position = (position + 1) & mask;
    // Backward shift: move later entries of the probe run into the hole when their home allows it.
    for (let next = (position + 1) & mask; table[next] !== 0; next = (next + 1) & mask) {
      const home = this.hashes[table[next]! - 1]! & mask;
      if (((next - home) & mask) >= ((next - position) & mask)) {
        table[position] = table[next]!;
        position = next;
      }
    }
    table[position] = 0;
    this.tenants[slot] = undefined;
    this.transactions[slot] = undefined;
    this.tail = (this.tail + 1) % this.times.length;
    this.count--;
  }

  /** Doubles the buffer (up to capacity), unrolling it so the tail is slot 0 again, and rebuilds the table. */
  private grow(): void {
    const size = Math.min(this.capacity, Math.max(1024, this.times.length * 2));
    const times = new Float64Array(size);
    const hashes = new Int32Array(size);
    const snapshots = new Float64Array(size * this.snapshotLength);
    const tenants: (string | undefined)[] = new Array<string | undefined>(size);
    const transactions: (string | undefined)[] = new Array<string | undefined>(size);
    for (let position = 0; position < this.count; position++) {
      const slot = (this.tail + position) % this.times.length;
      times[position] = this.times[slot]!;
      hashes[position] = this.hashes[slot]!;
      snapshots.set(this.snapshots.subarray(slot * this.snapshotLength, (slot + 1) * this.snapshotLength), position * this.snapshotLength);
      tenants[position] = this.tenants[slot];
      transactions[position] = this.transactions[slot];
    }
    this.times = times;
    this.hashes = hashes;
    this.snapshots = snapshots;
    this.tenants = tenants;
    this.transactions = transactions;
    this.tail = 0;
    let tableSize = 1;
    while (tableSize < size * 2) tableSize *= 2;
    this.table = new Int32Array(tableSize);
    this.mask = tableSize - 1;
    for (let slot = 0; slot < this.count; slot++) this.insert(slot, hashes[slot]!);
  }
}

/** FNV-1a over UTF-16 code units, continuing from `hash`. */
function hashText(hash: number, text: string): number {
  let value = hash;
  for (let index = 0; index < text.length; index++) value = Math.imul(value ^ text.charCodeAt(index), 16777619);
  return value | 0;
}
