import { sql, type Kysely } from 'kysely';

/**
 * Sanctions/PEP lists get a generation, bumped by every import that changes them, and each
 * enrichment result records the generation it was screened against, so a result screened against
 * older lists is known as such and re-screened rather than served as current. Results stored before
 * this migration were screened against unknown lists: when lists exist they start stale (generation
 * 0 against 1), and the worker's sweep queues their re-screen.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE screening_lists (
    id smallint PRIMARY KEY CHECK (id = 1),
    generation integer NOT NULL,
    changed_at timestamptz)`.execute(db);
  await sql`INSERT INTO screening_lists (id, generation, changed_at)
    SELECT 1, CASE WHEN EXISTS (SELECT 1 FROM sanction_entries) THEN 1 ELSE 0 END, (SELECT max(imported_at) FROM sanction_entries)`.execute(db);
  await sql`ALTER TABLE enrichment_results ADD COLUMN screened_generation integer NOT NULL DEFAULT 0`.execute(db);
  // The re-screen reads only stale results: a range of this index, whatever the number stored.
  await sql`CREATE INDEX enrichment_results_screened ON enrichment_results (screened_generation, tenant_id, ref_key)`.execute(db);
}
