import { sql, type Kysely } from 'kysely';

/** The rows written for each merchant call or feed event, which name both their tenant and their merchant. */
const perCallTables = ['merchant_usage', 'merchant_events', 'feed_inbox'] as const;

/**
 * A merchant call's usage line and event row, and a feed event's inbox row, reference their merchant
 * with one foreign key on (tenant_id, merchant_id) instead of two, one on each column. The pair must
 * now be a merchant of that tenant: before, a row of one tenant could name another tenant's merchant.
 * PostgreSQL checks a foreign key with a query per inserted row, so an event call made four such
 * checks and a confidence call two; they make two and one. A check on the pair costs more than one on
 * a single column, so an event call saves about 28 µs of the embedded database's CPU (docs/scaling.md).
 * The tenant is still a tenant: a merchant's tenant references `tenants`.
 *
 * Each new key is added NOT VALID and then validated, which reads the table without blocking its
 * writers (on a PostgreSQL server), and only then are the two old ones dropped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE UNIQUE INDEX merchants_by_tenant_and_id ON merchants (tenant_id, id)`.execute(db);
  for (const table of perCallTables) {
    const key = `${table}_merchant_of_tenant_fkey`;
    await sql.raw(`ALTER TABLE ${table} ADD CONSTRAINT ${key} FOREIGN KEY (tenant_id, merchant_id) REFERENCES merchants (tenant_id, id) NOT VALID`).execute(db);
    await sql.raw(`ALTER TABLE ${table} VALIDATE CONSTRAINT ${key}`).execute(db);
    await sql.raw(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_tenant_id_fkey, DROP CONSTRAINT ${table}_merchant_id_fkey`).execute(db);
  }
}
