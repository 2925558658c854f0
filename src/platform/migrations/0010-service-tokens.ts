import { sql, type Kysely } from 'kysely';

/**
 * Credentials for more than one user: the `service` role (a payment platform that scores and reads
 * its own decisions), the last time each token was used, and which token asked for each score (so
 * a service token reads only its own decisions).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `ALTER TABLE api_tokens DROP CONSTRAINT api_tokens_role_check`,
    `ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_role_check CHECK (role IN ('service', 'analyst', 'admin'))`,
    `ALTER TABLE api_tokens ADD COLUMN last_used_at timestamptz`,
    `CREATE INDEX api_tokens_by_tenant ON api_tokens (tenant_id, created_at)`,
    `ALTER TABLE risk_scores ADD COLUMN created_by text`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
