import { sql, type Kysely } from 'kysely';

/**
 * A retried request answers its stored decision: `first_of_request` marks the decision that answers
 * a (tenant, tx_id, request digest), and a partial unique index keeps one such decision per request,
 * so two processes retrying the same request at once cannot both write. Decisions already stored
 * get the mark on the first of each request (earlier duplicates stay, unmarked, as they were).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `ALTER TABLE risk_scores ADD COLUMN first_of_request boolean`,
    `UPDATE risk_scores SET first_of_request = true WHERE id IN (
       SELECT DISTINCT ON (tenant_id, tx_id, request_digest) id FROM risk_scores
        ORDER BY tenant_id, tx_id, request_digest, scored_at, id)`,
    `CREATE UNIQUE INDEX risk_scores_request ON risk_scores (tenant_id, tx_id, request_digest) WHERE first_of_request`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
