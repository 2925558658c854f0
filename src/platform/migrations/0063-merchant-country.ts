import { sql, type Kysely } from 'kysely';

/**
 * A merchant's own country (ISO 3166-1 alpha-2), the receiver country of its feed payments when
 * the PSP's payload does not name one. Null for existing merchants: unknown (`ZZ`) as before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE merchants ADD COLUMN country text`.execute(db);
}
