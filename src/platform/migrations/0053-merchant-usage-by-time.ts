import { sql, type Kysely } from 'kysely';

/** Usage lines by time across merchants: the start-up check for fees without a decision reads recent charges only. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`CREATE INDEX merchant_usage_by_time ON merchant_usage (created_at) WHERE kind = 'charge'`).execute(db);
}
