import { sql, type Kysely } from 'kysely';

/**
 * The event API's event row commits with its decision: `sentra_write_decisions(doc)` also inserts
 * the rows listed in `doc->'merchantEvents'` into `merchant_events`, in the same statement and
 * transaction as the decision (before, each answered event waited for a second group commit of its
 * own after the decision's). The rest is migration 0064's function as it was: the decision rows,
 * then the `decision.created` deliveries of live merchants' feed payments.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `CREATE OR REPLACE FUNCTION sentra_write_decisions(doc jsonb) RETURNS bigint LANGUAGE plpgsql AS $body$
DECLARE
  written bigint;
BEGIN
  written := sentra_write_decision_rows(doc);
  IF jsonb_array_length(coalesce(doc->'merchantEvents', '[]'::jsonb)) > 0 THEN
    INSERT INTO merchant_events
    SELECT * FROM jsonb_populate_recordset(NULL::merchant_events, doc->'merchantEvents');
  END IF;
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
