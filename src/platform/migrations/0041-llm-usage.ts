import { sql, type Kysely } from 'kysely';

/**
 * Tokens each tenant spent with a language-model provider, per UTC day: the per-tenant budget
 * shared by every process that runs enrichment jobs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE llm_usage (
    tenant_id text NOT NULL,
    day date NOT NULL,
    tokens bigint NOT NULL,
    calls integer NOT NULL,
    PRIMARY KEY (tenant_id, day))`.execute(db);
}
