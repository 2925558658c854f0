import { sql, type Kysely } from 'kysely';

/**
 * A live merchant's `decision.created` deliveries commit with the decision: the decision writer of
 * migration 0002 keeps its body under the name `sentra_write_decision_rows`, and
 * `sentra_write_decisions(doc)` becomes that call followed by one statement that writes, for each
 * decision listed in `doc->'webhooks'`, one delivery per enabled endpoint of its merchant subscribed
 * to the event, with its `webhook.deliver` job, when the merchant is live. Still one call per group
 * commit, one transaction: a decision is never stored without its deliveries, nor they without it.
 * Ids are made here (the caller's time prefix and 16 random hex characters), since the number of
 * endpoints is known only in the statement.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER FUNCTION sentra_write_decisions(jsonb) RENAME TO sentra_write_decision_rows`.execute(db);
  await sql
    .raw(
      `CREATE FUNCTION sentra_write_decisions(doc jsonb) RETURNS bigint LANGUAGE plpgsql AS $body$
DECLARE
  written bigint;
BEGIN
  written := sentra_write_decision_rows(doc);
  IF jsonb_array_length(coalesce(doc->'webhooks', '[]'::jsonb)) = 0 THEN
    RETURN written;
  END IF;
  WITH planned AS MATERIALIZED (
    SELECT w.delivery_prefix || upper(substr(replace(gen_random_uuid()::text, '-', ''), 17, 16)) AS id,
           w.job_prefix || upper(substr(replace(gen_random_uuid()::text, '-', ''), 17, 16)) AS job_id,
           w.tenant_id, w.merchant_id, e.id AS endpoint_id, w.event_type, w.job_kind, w.created, w.created_at, w.data
      FROM jsonb_to_recordset(doc->'webhooks')
        AS w(tenant_id text, merchant_id text, event_type text, job_kind text, delivery_prefix text, job_prefix text, created bigint, created_at timestamptz, data jsonb)
      JOIN merchants AS m ON m.tenant_id = w.tenant_id AND m.id = w.merchant_id AND m.mode = 'live'
      JOIN webhook_endpoints AS e ON e.tenant_id = w.tenant_id AND e.merchant_id = w.merchant_id
       AND e.disabled_at IS NULL AND e.events @> jsonb_build_array(w.event_type)),
  delivery_rows AS (
    INSERT INTO webhook_deliveries (id, tenant_id, merchant_id, endpoint_id, event_type, payload, status, attempts, last_status_code, last_error, created_at, delivered_at)
    SELECT p.id, p.tenant_id, p.merchant_id, p.endpoint_id, p.event_type,
           jsonb_build_object('id', p.id, 'type', p.event_type, 'created', p.created, 'data', p.data),
           'pending', 0, NULL, NULL, p.created_at, NULL
      FROM planned AS p)
  INSERT INTO jobs (id, tenant_id, kind, dedupe_key, payload, status, run_after, last_error, created_at, updated_at)
  SELECT p.job_id, p.tenant_id, p.job_kind, p.id, jsonb_build_object('delivery_id', p.id), 'queued', p.created_at, NULL, p.created_at, p.created_at
    FROM planned AS p;
  RETURN written;
END
$body$`,
    )
    .execute(db);
}
