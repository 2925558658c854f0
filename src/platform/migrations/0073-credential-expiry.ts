import { sql, type Kysely } from 'kysely';

/**
 * Credentials may expire: a bearer token or a merchant API key created with an expiry stops
 * authenticating at that instant, as a revoked one does (null: it lives until revoked).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE api_tokens ADD COLUMN expires_at timestamptz`.execute(db);
  await sql`ALTER TABLE merchant_keys ADD COLUMN expires_at timestamptz`.execute(db);
}
