import { sql, type Kysely } from 'kysely';

/**
 * The job runner's lease and bookkeeping columns on the existing `jobs` table, the enrichment
 * results (one per tenant and document key: the cache), and the imported sanctions/PEP lists.
 *
 * A running job's `run_after` holds its lease expiry: one index (status, run_after) then finds both
 * due jobs and jobs whose worker died, and `locked_by` + `attempts` fence a late finisher.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `ALTER TABLE jobs ADD COLUMN locked_by text`,
    `ALTER TABLE jobs ADD COLUMN started_at timestamptz`,
    `ALTER TABLE jobs ADD COLUMN finished_at timestamptz`,
    `CREATE INDEX jobs_by_tenant ON jobs (tenant_id, status, created_at)`,
    `CREATE TABLE enrichment_results (
      tenant_id text NOT NULL,
      ref_key text NOT NULL,
      entity_id text NOT NULL,
      provider text NOT NULL,
      llm_version text NOT NULL,
      signals jsonb NOT NULL,
      evidence jsonb NOT NULL,
      facts jsonb NOT NULL,
      dropped_quotes integer NOT NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (tenant_id, ref_key))`,
    `CREATE INDEX enrichment_results_entity ON enrichment_results (tenant_id, entity_id)`,
    `CREATE TABLE sanction_entries (
      id text PRIMARY KEY,
      schema text NOT NULL,
      name text NOT NULL,
      aliases jsonb NOT NULL,
      birth_date text,
      countries jsonb NOT NULL,
      sanctions text NOT NULL,
      dataset text NOT NULL,
      imported_at timestamptz NOT NULL)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
