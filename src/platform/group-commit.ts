import { OverloadedError, StoreUnavailableError } from '../errors/errors.js';
import { isStoreUnavailable } from './store-errors.js';

/** How a GroupCommitter batches. */
export interface GroupCommitOptions {
  /** Most items written in one transaction (default 256). */
  maxBatch?: number;
  /** Transactions that may be in flight at once: 1 for PGlite, a few for PostgreSQL (default 1). */
  concurrency?: number;
  /** Most items that may wait for a transaction; one more is refused at once with OverloadedError (default unbounded). */
  maxBacklog?: number;
  /**
   * Milliseconds an item that finds no transaction in flight waits for others to join it (default 0:
   * none), when the item before it came less than this long ago. Fewer, larger commits cost the
   * database less CPU per item; a lone item (the one before it came longer ago) is not delayed.
   */
  commitDelayMs?: number;
}

interface Pending<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
  /** performance.now() after which the item may no longer be taken into a transaction. */
  deadline: number;
  timer: NodeJS.Timeout | undefined;
}

/**
 * Group commit: callers hand in items and wait; items that arrive while a transaction is in flight
 * are written together in the next one. Under light load every item commits on its own at once;
 * under heavy load batches grow, which is where the database's throughput is. A caller's promise
 * resolves only after its item's transaction committed, so nothing is answered before it is durable.
 *
 * The backlog is bounded: past `maxBacklog` waiting items a write is refused at once, so overload
 * does not feed itself. A write may carry a queue deadline: an item still waiting when it passes is
 * removed and its caller rejected with StoreUnavailableError, and an item whose deadline passed is
 * never taken into a transaction, so a caller told "unavailable" by the queue is never written.
 * Once taken, an item's caller waits for that transaction's outcome.
 *
 * When a batch fails for a reason other than an unreachable store, it is split in halves and each
 * half retried, down to the item that fails alone: one bad item in n costs about 2·log2(n) extra
 * transactions, and its neighbours are written.
 */
export class GroupCommitter<T, R> {
  private queue: Pending<T, R>[] = [];
  private inFlight = 0;
  private readonly maxBatch: number;
  private readonly concurrency: number;
  private readonly maxBacklog: number;
  private readonly commitDelayMs: number;
  private scheduled = false;
  /** performance.now() when the last item was queued. */
  private lastArrival = Number.NEGATIVE_INFINITY;
  private idleWaiters: (() => void)[] = [];

  /** @param writeBatch writes all items in one transaction and returns one result per item, in order. */
  constructor(
    private readonly writeBatch: (items: T[]) => Promise<R[]>,
    options: GroupCommitOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 256;
    this.concurrency = options.concurrency ?? 1;
    this.maxBacklog = options.maxBacklog ?? Number.POSITIVE_INFINITY;
    this.commitDelayMs = options.commitDelayMs ?? 0;
  }

  /**
   * Queues an item; resolves with its result once committed, rejects if it could not be written.
   * Rejects at once with OverloadedError when the backlog is full, and with StoreUnavailableError
   * when `queueTimeoutMs` passes before a transaction takes the item (it is then never written).
   */
  write(item: T, queueTimeoutMs?: number): Promise<R> {
    if (this.full) return Promise.reject(new OverloadedError());
    return new Promise<R>((resolve, reject) => {
      const pending: Pending<T, R> = { item, resolve, reject, deadline: Number.POSITIVE_INFINITY, timer: undefined };
      if (queueTimeoutMs !== undefined) {
        pending.deadline = performance.now() + queueTimeoutMs;
        pending.timer = setTimeout(() => this.expire(pending), queueTimeoutMs);
      }
      this.queue.push(pending);
      const now = performance.now();
      const gap = now - this.lastArrival;
      this.lastArrival = now;
      this.schedule(this.inFlight === 0 && this.queue.length === 1 && gap < this.commitDelayMs);
    });
  }

  /** Number of items waiting for a transaction. */
  get backlog(): number {
    return this.queue.length;
  }

  /** True when the backlog is full: a write now would be refused. */
  get full(): boolean {
    return this.queue.length >= this.maxBacklog;
  }

  /** Resolves when nothing is queued or in flight (used on shutdown). */
  async drain(): Promise<void> {
    if (this.queue.length === 0 && this.inFlight === 0) return;
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  /** A queued item's deadline passed: it leaves the queue and its caller hears so now. */
  private expire(pending: Pending<T, R>): void {
    const index = this.queue.indexOf(pending);
    if (index < 0) return;
    this.queue.splice(index, 1);
    pending.reject(queueTimeout());
    if (this.queue.length === 0 && this.inFlight === 0) this.notifyIdle();
  }

  private schedule(delay = false): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const start = () => {
      this.scheduled = false;
      this.pump();
    };
    // Let the current tick's requests join the batch before it starts, or wait the commit delay.
    if (delay) setTimeout(start, this.commitDelayMs);
    else setImmediate(start);
  }

  /** Up to maxBatch queued items whose deadline has not passed; late ones are rejected, never written. */
  private take(): Pending<T, R>[] {
    const now = performance.now();
    const batch: Pending<T, R>[] = [];
    let taken = 0;
    while (taken < this.queue.length && batch.length < this.maxBatch) {
      const pending = this.queue[taken++]!;
      clearTimeout(pending.timer);
      if (pending.deadline < now) pending.reject(queueTimeout());
      else batch.push(pending);
    }
    this.queue.splice(0, taken);
    return batch;
  }

  private pump(): void {
    while (this.inFlight < this.concurrency && this.queue.length > 0) {
      const batch = this.take();
      if (batch.length === 0) continue;
      this.inFlight += 1;
      void this.flush(batch).finally(() => {
        this.inFlight -= 1;
        if (this.queue.length > 0) this.pump();
        else if (this.inFlight === 0) this.notifyIdle();
      });
    }
    if (this.queue.length === 0 && this.inFlight === 0) this.notifyIdle();
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private async flush(batch: Pending<T, R>[]): Promise<void> {
    try {
      const results = await this.writeBatch(batch.map((pending) => pending.item));
      batch.forEach((pending, index) => pending.resolve(results[index]!));
    } catch (error) {
      // An unreachable store fails every item alike; splitting the batch would only add waiting.
      if (batch.length === 1 || isStoreUnavailable(error)) {
        for (const pending of batch) pending.reject(error);
        return;
      }
      const middle = batch.length >> 1;
      await this.flush(batch.slice(0, middle));
      await this.flush(batch.slice(middle));
    }
  }
}

function queueTimeout(): StoreUnavailableError {
  return new StoreUnavailableError(new Error('the decision waited in the write queue past its deadline and was not written'));
}
