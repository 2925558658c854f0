import { sql, type Kysely } from 'kysely';

/**
 * Each job runner claims only its own kinds (the enrichment runner `kyc_enrichment`, the webhook
 * runner `webhook.deliver`), but the claimable jobs were indexed by `run_after` alone: a runner
 * whose kind had nothing due read past every due job of the other kind before finding none (about
 * 5 ms per poll with 10,000 documents queued, on the embedded store's one database thread, ten
 * times a second). Indexed by kind first, a claim reads only its own kind's due jobs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX jobs_due_by_kind ON jobs (kind, run_after) WHERE status IN ('queued', 'failed', 'running')`.execute(db);
  await sql`DROP INDEX jobs_due`.execute(db);
  await sql`ALTER TABLE jobs ALTER COLUMN kind SET STATISTICS 10`.execute(db);
}
