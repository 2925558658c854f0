import {
  PGliteDialect,
  type DatabaseConnection,
  type Driver,
  type TransactionSettings,
  type PGliteDialectConfig,
  type QueryCompiler,
} from 'kysely';
import { setTimeout as sleep } from 'node:timers/promises';
import { BackgroundBudget } from './background-budget.js';

/**
 * Who waits for the connection: `urgent` callers (a webhook's acknowledgement) go before `normal`
 * ones (the API, scoring commits), which go before `background` ones (the in-process job runner and
 * its sweeps).
 */
export type LanePriority = 'urgent' | 'normal' | 'background';

const priorities: readonly LanePriority[] = ['urgent', 'normal', 'background'];

/**
 * A background caller that waited this long goes before the other waiters: under a steady stream of
 * foreground callers that never leaves the connection free, background work still moves (slowly)
 * instead of timing out.
 */
const backgroundMaxWaitMs = 250;

/**
 * The one connection's turn: callers take it one at a time, in arrival order within a priority, and
 * a waiting caller of a higher priority goes before every lower one still waiting (never before the
 * one holding it). Several dialects over the same PGlite share one lane. (Kysely itself queues the
 * callers of one instance before they reach the lane, so each instance has at most one caller
 * waiting here: the urgent instance's next caller goes as soon as the holder releases.)
 *
 * Background callers also wait for their {@link BackgroundBudget}: while foreground callers are
 * active, background holders keep the connection at most their share of the time. A background
 * caller that waited 250 ms for the connection goes first, so it never starves.
 */
export class ConnectionLane {
  private held = false;
  private readonly waiting: Record<LanePriority, Array<{ grant: () => void; since: number }>> = { urgent: [], normal: [], background: [] };
  private readonly budget: BackgroundBudget;

  /** `backgroundShare`: the most of the connection's time background holders take while the foreground is active (default 1: no limit). */
  constructor(options: { backgroundShare?: number } = {}) {
    this.budget = new BackgroundBudget(options.backgroundShare ?? 1);
  }

  /** True while foreground callers (the API, scoring) are using the connection (see BackgroundBudget). */
  foregroundActive(): boolean {
    return this.budget.foregroundActive();
  }

  /** Resolves when the caller holds the connection; it must call the returned release exactly once. */
  async acquire(priority: LanePriority): Promise<() => void> {
    if (priority === 'background') {
      for (let wait = this.budget.delayMs(); wait > 0; wait = this.budget.delayMs()) await sleep(Math.ceil(wait));
    }
    await new Promise<void>((resolve) => {
      const grant = () => {
        this.held = true;
        resolve();
      };
      if (!this.held) grant();
      else this.waiting[priority].push({ grant, since: performance.now() });
    });
    const heldFrom = performance.now();
    return () => {
      const heldMs = performance.now() - heldFrom;
      if (priority === 'background') this.budget.spent(heldMs);
      else this.budget.foreground(heldMs);
      this.next();
    };
  }

  private next(): void {
    this.held = false;
    const oldestBackground = this.waiting.background[0];
    if (oldestBackground !== undefined && performance.now() - oldestBackground.since > backgroundMaxWaitMs) {
      return this.waiting.background.shift()!.grant();
    }
    for (const priority of priorities) {
      const waiter = this.waiting[priority].shift();
      if (waiter !== undefined) return waiter.grant();
    }
  }
}

/** A database that can commit without waiting for the flush (the worker-thread PGlite). */
interface CommitMode {
  setSynchronousCommit(on: boolean): void;
}

/** A PGlite dialect config with the lane it shares and its callers' priority. */
export interface SerializedPGliteDialectConfig extends PGliteDialectConfig {
  lane?: ConnectionLane;
  /** Where this dialect's callers wait on the lane (default `normal`; see {@link ConnectionLane}). */
  priority?: LanePriority;
  /**
   * Whether this dialect's commits wait for their flush to stable storage (default: all but
   * background callers; see below).
   */
  synchronousCommit?: boolean;
}

/**
 * PGlite is one connection. Kysely's PGlite driver hands the same connection to every caller, so
 * two interleaved transactions (or a query issued while another caller's transaction is open)
 * would run inside each other. This dialect lends the connection to one caller at a time, which
 * gives each Kysely transaction the isolation it has on a real pool.
 *
 * Background callers commit with `synchronous_commit = off` (on the worker-thread PGlite, which
 * switches the setting in the same message as the query): their commits do not wait for an fsync,
 * which on the embedded store blocks the one database thread that scoring commits need. Their work
 * reaches stable storage with the next flushing commit (any other caller's) or checkpoint; a power
 * loss before that can lose the background work of the last moments, never a flushed commit after
 * it (the WAL is one sequence), and the job runner's work is at least once: an unrecorded outcome
 * is run again when its lease expires. The same holds for a write that a flushing commit always
 * follows before anyone is answered (a merchant's fee, taken before its decision is committed):
 * the decision's flush carries the fee's commit to stable storage with it.
 */
export class SerializedPGliteDialect extends PGliteDialect {
  private readonly lane: ConnectionLane;
  private readonly priority: LanePriority;

  constructor(config: SerializedPGliteDialectConfig) {
    super(config);
    this.lane = config.lane ?? new ConnectionLane();
    this.priority = config.priority ?? 'normal';
    this.synchronousCommit = config.synchronousCommit ?? this.priority !== 'background';
    this.commitMode = 'setSynchronousCommit' in config.pglite ? (config.pglite as unknown as CommitMode) : undefined;
  }

  private readonly commitMode: CommitMode | undefined;
  private readonly synchronousCommit: boolean;

  override createDriver(): Driver {
    return new SerializedDriver(super.createDriver(), this.lane, this.priority, this.synchronousCommit, this.commitMode);
  }
}

class SerializedDriver implements Driver {
  private release: (() => void) | undefined;

  constructor(
    private readonly inner: Driver,
    private readonly lane: ConnectionLane,
    private readonly priority: LanePriority,
    private readonly synchronousCommit: boolean,
    private readonly commitMode: CommitMode | undefined,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    this.release = await this.lane.acquire(this.priority);
    // Every query sent while this holder has the connection commits as this dialect wants.
    this.commitMode?.setSynchronousCommit(this.synchronousCommit);
    try {
      return await this.inner.acquireConnection();
    } catch (error) {
      this.releaseLane();
      throw error;
    }
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.inner.beginTransaction(connection, settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(connection);
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(connection);
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await this.inner.savepoint?.(connection, name, compile);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await this.inner.rollbackToSavepoint?.(connection, name, compile);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await this.inner.releaseSavepoint?.(connection, name, compile);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    await this.inner.releaseConnection(connection);
    this.releaseLane();
  }

  private releaseLane(): void {
    const release = this.release;
    this.release = undefined;
    release?.();
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}
