import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './database-schema.js';
import { SerializedPGliteDialect } from './serialized-pglite-dialect.js';
import { ensureTemplate } from './pglite-template.js';
import { WorkerPGlite } from './pglite-worker-client.js';

/** Which engine holds the data: embedded PGlite in the data folder, or a PostgreSQL server. */
export type StoreKind = 'pglite' | 'postgres';

/** An open database: the typed query builder plus what the runtime needs to know about it. */
export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly kind: StoreKind;
  /** Closes every connection; the handle is unusable afterwards. */
  close(): Promise<void>;
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
}

// int8 (bigint) values such as audit sequence numbers fit in a double for any realistic count.
pg.types.setTypeParser(20, (value) => Number(value));

/** Opens the database described by the options and checks that it answers. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl !== undefined) {
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
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  let dataPath: string | undefined;
  if (options.inMemory !== true) {
    mkdirSync(options.dataDir, { recursive: true });
    dataPath = join(options.dataDir, 'pgdata');
  }
  // A new cluster starts from the migrated template instead of running initdb (seconds in WASM).
  const fresh = dataPath === undefined || !existsSync(join(dataPath, 'PG_VERSION'));
  const templatePath = fresh ? await ensureTemplate() : undefined;
  const pglite = await WorkerPGlite.open({ dataPath, templatePath });
  const db = new Kysely<Database>({ dialect: new SerializedPGliteDialect({ pglite }) });
  return { db, kind: 'pglite', close: () => db.destroy() };
}
