import { sql, type Kysely } from 'kysely';

/**
 * The event API's event row commits with its decision: as migration 0064 did for the webhook
 * deliveries, the decision writer it left (decision rows, then deliveries) keeps its body under the
 * name `sentra_write_decisions_and_deliveries`, and `sentra_write_decisions(doc)` becomes that call
 * followed by one insert of the rows listed in `doc->'merchantEvents'` into `merchant_events`: the
 * same statement and transaction as the decision (before, each answered event waited for a second
 * group commit of its own after the decision's).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER FUNCTION sentra_write_decisions(jsonb) RENAME TO sentra_write_decisions_and_deliveries`.execute(db);
  await sql
    .raw(
      `CREATE FUNCTION sentra_write_decisions(doc jsonb) RETURNS bigint LANGUAGE plpgsql AS $body$
DECLARE
  written bigint;
BEGIN
  written := sentra_write_decisions_and_deliveries(doc);
  IF jsonb_array_length(coalesce(doc->'merchantEvents', '[]'::jsonb)) > 0 THEN
    INSERT INTO merchant_events
    SELECT * FROM jsonb_populate_recordset(NULL::merchant_events, doc->'merchantEvents');
  END IF;
  RETURN written;
END
$body$`,
    )
    .execute(db);
}
