import { sql, type Kysely } from 'kysely';

/**
 * The decision writer (migration 0002, `sentra_write_decision_rows` since 0064) points the existing
 * case of every PASS-scored transaction at its latest score with an UPDATE joined to the batch's
 * `refreshCases`. The planner cannot see how many rows a JSON document holds (it assumes 100), so
 * while the cases table is small to mid-sized it hashed the batch and read every case: a sequential
 * scan of the whole table per group commit, 2–10 ms with 4,000 cases on the embedded database and
 * growing with each escalated payment. Hash and merge joins are off inside the writer, so each of its
 * joins (the batch against cases and against the audit heads) is a nested loop over the batch's few
 * rows, probing the tables' unique indexes: the cost follows the batch, not the tables.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER FUNCTION sentra_write_decision_rows(jsonb) SET enable_hashjoin = off`.execute(db);
  await sql`ALTER FUNCTION sentra_write_decision_rows(jsonb) SET enable_mergejoin = off`.execute(db);
}
