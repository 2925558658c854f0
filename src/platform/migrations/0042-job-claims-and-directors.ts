import { sql, type Kysely } from 'kysely';

/**
 * Two enrichment queries that grew with the store, made index lookups:
 * - claiming due jobs read every due row and sorted them (70 ms with 10,000 queued on PGlite, per
 *   claim): a partial index of the claimable jobs in run_after order lets the claim stop at its limit;
 * - director overlap expanded the director list of every result of the tenant on each job: the
 *   folded director names get a table of their own, keyed for the lookup, filled from the results.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX jobs_due ON jobs (run_after) WHERE status IN ('queued', 'failed', 'running')`.execute(db);
  // The claim's plan needs only a rough picture of these two columns: a 3,000-row sample keeps the
  // statistics refresh (src/jobs/job.repository.ts analyzeJobs) short on the shared database thread.
  await sql`ALTER TABLE jobs ALTER COLUMN status SET STATISTICS 10, ALTER COLUMN run_after SET STATISTICS 10`.execute(db);
  await sql`CREATE TABLE enrichment_directors (
    tenant_id text NOT NULL,
    director_key text NOT NULL,
    entity_id text NOT NULL,
    PRIMARY KEY (tenant_id, director_key, entity_id))`.execute(db);
  await sql`INSERT INTO enrichment_directors (tenant_id, director_key, entity_id)
    SELECT DISTINCT r.tenant_id, d.value, r.entity_id
      FROM enrichment_results r, jsonb_array_elements_text(r.facts->'director_keys') d
    ON CONFLICT DO NOTHING`.execute(db);
}
