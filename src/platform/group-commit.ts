import { isStoreUnavailable } from './store-errors.js';

/** How a GroupCommitter batches. */
export interface GroupCommitOptions {
  /** Most items written in one transaction (default 256). */
  maxBatch?: number;
  /** Transactions that may be in flight at once: 1 for PGlite, a few for PostgreSQL (default 1). */
  concurrency?: number;
}

interface Pending<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: callers hand in items and wait; items that arrive while a transaction is in flight
 * are written together in the next one. Under light load every item commits on its own at once;
 * under heavy load batches grow, which is where the database's throughput is. A caller's promise
 * resolves only after its item's transaction committed, so nothing is answered before it is durable.
 *
 * When a batch fails for a reason other than an unreachable store, its items are retried one by one,
 * so one bad item cannot fail its neighbours.
 */
export class GroupCommitter<T, R> {
  private queue: Pending<T, R>[] = [];
  private inFlight = 0;
  private readonly maxBatch: number;
  private readonly concurrency: number;
  private scheduled = false;
  private idleWaiters: (() => void)[] = [];

  /** @param writeBatch writes all items in one transaction and returns one result per item, in order. */
  constructor(
    private readonly writeBatch: (items: T[]) => Promise<R[]>,
    options: GroupCommitOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 256;
    this.concurrency = options.concurrency ?? 1;
  }

  /** Queues an item; resolves with its result once committed, rejects if it could not be written. */
  write(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Number of items waiting for a transaction. */
  get backlog(): number {
    return this.queue.length;
  }

  /** Resolves when nothing is queued or in flight (used on shutdown). */
  async drain(): Promise<void> {
    if (this.queue.length === 0 && this.inFlight === 0) return;
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // Let the current tick's requests join the batch before it starts.
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.concurrency && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.inFlight += 1;
      void this.flush(batch).finally(() => {
        this.inFlight -= 1;
        if (this.queue.length > 0) this.pump();
        else if (this.inFlight === 0) this.notifyIdle();
      });
    }
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
      return;
    } catch (error) {
      // An unreachable store fails every item alike; retrying them one by one would only add waiting.
      if (batch.length === 1 || isStoreUnavailable(error)) {
        for (const pending of batch) pending.reject(error);
        return;
      }
    }
    for (const pending of batch) {
      try {
        const [result] = await this.writeBatch([pending.item]);
        pending.resolve(result!);
      } catch (error) {
        pending.reject(error);
      }
    }
  }
}
