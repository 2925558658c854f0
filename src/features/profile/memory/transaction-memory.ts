/**
 * Remembers, per tenant and txId, the snapshot of a transaction's first observation for a bounded
 * time and count, so a re-score (a status update, a client retry) returns the same behavioural
 * aggregates and is never folded twice. Entries live in a circular buffer in insertion order and
 * leave from its tail: when older than `retentionMs` of event time, or when `capacity` is reached.
 */
export class TransactionMemory {
  private readonly index = new Map<string, Map<string, number>>();
  private tenants: (string | undefined)[] = [];
  private transactions: (string | undefined)[] = [];
  private times = new Float64Array(0);
  private snapshots = new Float64Array(0);
  private tail = 0;
  private count = 0;

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
    const slot = this.index.get(tenantId)?.get(txId);
    if (slot === undefined) return false;
    target.set(this.snapshots.subarray(slot * this.snapshotLength, (slot + 1) * this.snapshotLength));
    return true;
  }

  /** Remembers a copy of `snapshot`, first forgetting what is due at `now`. */
  remember(tenantId: string, txId: string, snapshot: Float64Array, now: number): void {
    if (this.capacity <= 0) return;
    const forgetBefore = now - this.retentionMs;
    while (this.count > 0 && (this.count >= this.capacity || !(this.times[this.tail]! > forgetBefore))) this.forgetOldest();
    if (this.count === this.times.length) this.grow();
    const slot = (this.tail + this.count) % this.times.length;
    this.tenants[slot] = tenantId;
    this.transactions[slot] = txId;
    this.times[slot] = now;
    this.snapshots.set(snapshot, slot * this.snapshotLength);
    let transactions = this.index.get(tenantId);
    if (transactions === undefined) {
      transactions = new Map();
      this.index.set(tenantId, transactions);
    }
    transactions.set(txId, slot);
    this.count++;
  }

  private forgetOldest(): void {
    const tenantId = this.tenants[this.tail]!;
    const transactions = this.index.get(tenantId);
    transactions?.delete(this.transactions[this.tail]!);
    if (transactions?.size === 0) this.index.delete(tenantId);
    this.tenants[this.tail] = undefined;
    this.transactions[this.tail] = undefined;
    this.tail = (this.tail + 1) % this.times.length;
    this.count--;
  }

  /** Doubles the buffer (up to capacity), unrolling it so the tail is slot 0 again. */
  private grow(): void {
    const size = Math.min(this.capacity, Math.max(1024, this.times.length * 2));
    const order = Array.from({ length: this.count }, (_, index) => (this.tail + index) % this.times.length);
    const times = new Float64Array(size);
    const snapshots = new Float64Array(size * this.snapshotLength);
    const tenants: (string | undefined)[] = new Array<string | undefined>(size);
    const transactions: (string | undefined)[] = new Array<string | undefined>(size);
    order.forEach((slot, position) => {
      times[position] = this.times[slot]!;
      snapshots.set(this.snapshots.subarray(slot * this.snapshotLength, (slot + 1) * this.snapshotLength), position * this.snapshotLength);
      tenants[position] = this.tenants[slot];
      transactions[position] = this.transactions[slot];
      this.index.get(this.tenants[slot]!)?.set(this.transactions[slot]!, position);
    });
    this.times = times;
    this.snapshots = snapshots;
    this.tenants = tenants;
    this.transactions = transactions;
    this.tail = 0;
  }
}
