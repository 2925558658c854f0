import {
  PGliteDialect,
  type DatabaseConnection,
  type Driver,
  type TransactionSettings,
  type PGliteDialectConfig,
  type QueryCompiler,
} from 'kysely';

/**
 * The one connection's turn: callers take it one at a time, in arrival order, except that an
 * urgent caller goes before every normal one still waiting (never before the one holding it).
 * Several dialects over the same PGlite share one lane. (Kysely itself queues the callers of one
 * instance before they reach the lane, so each instance has at most one caller waiting here: the
 * urgent instance's next caller goes as soon as the holder releases.)
 */
export class ConnectionLane {
  private held = false;
  private readonly urgent: Array<() => void> = [];
  private readonly normal: Array<() => void> = [];

  /** Resolves when the caller holds the connection; it must call the returned release exactly once. */
  acquire(urgent: boolean): Promise<() => void> {
    return new Promise((resolve) => {
      const grant = () => {
        this.held = true;
        resolve(() => this.next());
      };
      if (!this.held) grant();
      else (urgent ? this.urgent : this.normal).push(grant);
    });
  }

  private next(): void {
    this.held = false;
    (this.urgent.shift() ?? this.normal.shift())?.();
  }
}

/** A PGlite dialect config with the lane it shares and whether its callers are urgent. */
export interface SerializedPGliteDialectConfig extends PGliteDialectConfig {
  lane?: ConnectionLane;
  /** Urgent callers go before normal ones waiting on the same lane (see {@link ConnectionLane}). */
  urgent?: boolean;
}

/**
 * PGlite is one connection. Kysely's PGlite driver hands the same connection to every caller, so
 * two interleaved transactions (or a query issued while another caller's transaction is open)
 * would run inside each other. This dialect lends the connection to one caller at a time, which
 * gives each Kysely transaction the isolation it has on a real pool.
 */
export class SerializedPGliteDialect extends PGliteDialect {
  private readonly lane: ConnectionLane;
  private readonly urgent: boolean;

  constructor(config: SerializedPGliteDialectConfig) {
    super(config);
    this.lane = config.lane ?? new ConnectionLane();
    this.urgent = config.urgent ?? false;
  }

  override createDriver(): Driver {
    return new SerializedDriver(super.createDriver(), this.lane, this.urgent);
  }
}

class SerializedDriver implements Driver {
  private release: (() => void) | undefined;

  constructor(
    private readonly inner: Driver,
    private readonly lane: ConnectionLane,
    private readonly urgent: boolean,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    this.release = await this.lane.acquire(this.urgent);
    return this.inner.acquireConnection();
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
    const release = this.release;
    this.release = undefined;
    release?.();
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}
