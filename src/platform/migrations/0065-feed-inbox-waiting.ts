import { sql, type Kysely } from 'kysely';

/**
 * Labels waiting for their payment get an index of their own, as pending events have (migration
 * 0060): `sentra_feed_inbox_open{status="waiting"}` counts them at every scrape, and a scored payment
 * wakes its waiting labels by merchant and transaction. Without it both read every event the
 * merchant's feed ever delivered.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX feed_inbox_waiting ON feed_inbox (merchant_id, tx_id) WHERE status = 'waiting'`.execute(db);
}
