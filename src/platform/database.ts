import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Database } from './database-schema.js';
import { ConnectionLane, SerializedPGliteDialect } from './serialized-pglite-dialect.js';
import { ensureTemplate, unpackTemplate } from './pglite-template.js';
import { WorkerPGlite } from './pglite-worker-client.js';
import { FsyncCounters } from './durable-node-fs.js';
import { lockDataDir } from './data-dir-lock.js';

/** Which engine holds the data: embedded PGlite in the data folder, or a PostgreSQL server. */
export type StoreKind = 'pglite' | 'postgres';

/** An open database: the typed query builder plus what the runtime needs to know about it. */
export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  /**
   * The same database for short writes that someone is waiting on at the door (a webhook's
   * acknowledgement): on the embedded store its callers take the one connection before the
   * normal callers waiting for it; on PostgreSQL it is `db`.
   */
  readonly urgentDb: Kysely<Database>;
  /**
   * The same database for work nobody waits on (the in-process job runner and its sweeps): on the
   * embedded store its callers take the one connection after every other caller waiting for it, and
   * commit without waiting for a flush (see serialized-pglite-dialect.ts); on PostgreSQL it is `db`.
   */
  readonly backgroundDb: Kysely<Database>;
  readonly kind: StoreKind;
  /** Closes every connection; the handle is unusable afterwards. */
  close(): Promise<void>;
  /**
   * Resolves when the database is gone for good without close(): the embedded database's worker
   * stopped (a crash, its heap limit). Never resolves for PostgreSQL, whose connections reconnect.
   */
  readonly lost: Promise<Error>;
  /** The embedded database's fsync calls and their time so far; undefined when nothing is flushed (PostgreSQL, in memory, fsync off). */
  fsyncs(): { calls: number; seconds: number } | undefined;
  /**
   * True while the API's callers keep the embedded database's one connection busy (held more than
   * 20 ms of about the last second); always false on PostgreSQL, whose connections are many.
   */
  foregroundActive(): boolean;
}

/** Where and how to open the database. */
export interface DatabaseOptions {
  /** PostgreSQL URL; when absent the embedded database in `dataDir/pgdata` is used. */
  databaseUrl: string | undefined;
  /** Folder of the embedded database. Ignored with a databaseUrl. */
  dataDir: string;
  /** Upper bound, in ms, on waiting for a connection or a statement (PostgreSQL). */
  timeoutMs: number;
  /** Pool size for PostgreSQL (default 10). */
  poolSize?: number;
  /** Use an in-memory embedded database (tests). */
  inMemory?: boolean;
  /** Heap limit of the embedded database's worker thread in MB; past it the worker stops (default: Node's). */
  workerHeapMb?: number;
  /** PostgreSQL `shared_buffers` of the embedded database in MB (default PostgreSQL's 128). */
  sharedBuffersMb?: number;
  /** Flush the embedded database to stable storage on every commit (default true; see durable-node-fs.ts). */
  fsync?: boolean;
  /**
   * The most of the embedded database's one connection, 0 to 1, that `backgroundDb` callers hold
   * while other callers are active (default 1: no limit; see background-budget.ts).
   */
  backgroundShare?: number;
}

/**
 * The parser of int8 (bigint) values, which `pg` keeps process-wide: such values (audit sequence
 * numbers, counts) fit in a double for any realistic count. Defined here rather than inside
 * openDatabase, where an arrow function would share the scope's closure context and keep the last
 * database opened reachable from the process-wide parser table after it was closed.
 */
function int8AsNumber(value: string): number {
  return Number(value);
}

/** Opens the database described by the options and checks that it answers. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl !== undefined) {
    // Imported only here: an embedded server does not hold the PostgreSQL client in memory.
    const { default: pg } = await import('pg');
    pg.types.setTypeParser(20, int8AsNumber);
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.timeoutMs,
      query_timeout: options.timeoutMs * 5,
      idleTimeoutMillis: 30_000,
    });
    // A dropped connection must not crash the process: the query in flight already fails with the
    // error (and becomes a 503); the pool discards the client and the next checkout reconnects.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    await sql`select 1`.execute(db);
    return { db, urgentDb: db, backgroundDb: db, kind: 'postgres', close: () => db.destroy(), lost: new Promise<Error>(() => undefined), fsyncs: () => undefined, foregroundActive: () => false };
  }
  let dataPath: string | undefined;
  let lock: { release(): void } | undefined;
  if (options.inMemory !== true) {
    mkdirSync(options.dataDir, { recursive: true });
    lock = lockDataDir(options.dataDir);
    dataPath = join(options.dataDir, 'pgdata');
  }
  try {
    // A new cluster starts from the migrated template instead of running initdb (seconds in WASM).
    const fresh = dataPath === undefined || !existsSync(join(dataPath, 'PG_VERSION'));
    const templatePath = fresh ? await ensureTemplate() : undefined;
    const counters = dataPath !== undefined && options.fsync !== false ? new FsyncCounters() : undefined;
    const setup = { dataPath, sharedBuffersMb: options.sharedBuffersMb, fsyncCounters: counters?.buffer };
    // The unpacked files are written around PostgreSQL's own fsync protocol, so they are flushed
    // here when the database runs durable.
    if (templatePath !== undefined && dataPath !== undefined) await unpackTemplate(templatePath, dataPath, counters !== undefined);
    const pglite = await WorkerPGlite.open({ ...setup, templatePath: dataPath === undefined ? templatePath : undefined }, options.workerHeapMb);
    const lane = new ConnectionLane({ backgroundShare: options.backgroundShare });
    const db = new Kysely<Database>({ dialect: new SerializedPGliteDialect({ pglite, lane }) });
    // Not destroyed on their own: destroying `db` closes the one PGlite they all use.
    const urgentDb = new Kysely<Database>({ dialect: new SerializedPGliteDialect({ pglite, lane, priority: 'urgent' }) });
    const backgroundDb = new Kysely<Database>({ dialect: new SerializedPGliteDialect({ pglite, lane, priority: 'background' }) });
    const close = async () => {
      try {
        await db.destroy();
      } finally {
        lock?.release();
      }
    };
    return { db, urgentDb, backgroundDb, kind: 'pglite', close, lost: pglite.lost, fsyncs: () => counters?.read(), foregroundActive: () => lane.foregroundActive() };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
