import { sql, type Kysely } from 'kysely';

/**
 * The decision writer (migration 0002, `sentra_write_decision_rows` since 0064) points the existing
 * case of every PASS-scored transaction at its latest score, joining the batch's `refreshCases` to
 * the cases table inside the writer's one cached statement. The plan of that join went wrong as the
 * table grew. The planner cannot see how few rows a JSON document holds (it assumes 100), so on a
 * mid-sized table it hashed the batch and read the whole table once per group commit (2–10 ms with
 * 4,000 cases on the embedded database). And a plan kept from when the table was small probed it
 * through any index starting with the tenant (the case queue's, an assignee's, a merchant's), which
 * reads every case of the tenant for each row of the batch.
 *
 * The lookup is now one the planner cannot get wrong, whatever it knows of the table:
 * - the unique (tenant, transaction) constraint becomes a unique index on (transaction, tenant)
 *   (the same uniqueness, and `ON CONFLICT (tenant_id, tx_id)` infers it the same way);
 * - the refresh compares the tenant in a form no index serves (`tenant_id || ''`), so the
 *   transaction id is its only indexable condition and that index the only one that serves it;
 * - hash joins, merge joins and sequential scans are off inside the writer, so each of its joins is
 *   a nested loop over the batch's few rows into an index.
 * The refresh's cost follows the batch, not the table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE UNIQUE INDEX cases_by_transaction ON cases (tx_id, tenant_id)`,
    `ALTER TABLE cases DROP CONSTRAINT cases_tenant_id_tx_id_key`,
    `DO $$
     DECLARE
       definition text := pg_get_functiondef('sentra_write_decision_rows(jsonb)'::regprocedure);
       old_join text := 'AS v
     WHERE c.tenant_id = v.tenant_id AND c.tx_id = v.tx_id';
       new_join text := 'AS v
     WHERE c.tx_id = v.tx_id AND c.tenant_id || '''' = v.tenant_id';
     BEGIN
       IF position(old_join in definition) = 0 THEN
         RAISE EXCEPTION 'sentra_write_decision_rows: the case refresh to change was not found';
       END IF;
       EXECUTE replace(definition, old_join, new_join);
     END $$`,
    `ALTER FUNCTION sentra_write_decision_rows(jsonb) SET enable_hashjoin = off`,
    `ALTER FUNCTION sentra_write_decision_rows(jsonb) SET enable_mergejoin = off`,
    `ALTER FUNCTION sentra_write_decision_rows(jsonb) SET enable_seqscan = off`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
