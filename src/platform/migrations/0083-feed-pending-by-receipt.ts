import { sql, type Kysely } from 'kysely';

/**
 * A claim of the feed processor walks the pending events in event-time order and keeps those that
 * have rested the reorder window (`received_at <= settled_before`). The pending index held only
 * (event_time, id), so each event still inside the window was fetched from the table to read its
 * receipt time and then passed over: a claim made while nothing had settled read every one of them
 * (about rate × window events, 20 times a second at most). The index now holds the receipt time
 * too, so the walk passes over unsettled events inside the index and fetches only those it takes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE INDEX feed_inbox_pending_by_receipt ON feed_inbox (event_time, id, received_at) WHERE status = 'pending'`,
    `DROP INDEX feed_inbox_pending`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
