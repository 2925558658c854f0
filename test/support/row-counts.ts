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
