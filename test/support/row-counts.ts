import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/platform/database-schema.js';
import { writtenTables } from './score-body.js';

/** Rows in each table a scoring request may write, to prove a rejected request wrote nothing. */
export async function rowCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of writtenTables) {
    const result = await sql<{ count: string | number }>`select count(*) as count from ${sql.table(table)}`.execute(db);
    counts[table] = Number(result.rows[0]!.count);
  }
  return counts;
}

/** Rows of `table` read so far by scans and index fetches, from PostgreSQL's statistics (flushed first: a single-user server reports them late). */
export async function tableRowsRead(db: Kysely<Database>, table: string): Promise<number> {
  await sql`select pg_stat_force_next_flush()`.execute(db);
  const row = await sql<{ read: string }>`select coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) as read from pg_stat_user_tables where relname = ${table}`.execute(db);
  return Number(row.rows[0]!.read);
}
