import { sql, type Kysely } from 'kysely';

/**
 * `sentra_write_decisions(doc)`: writes one group commit of decisions in one call. The batch comes
 * as a JSON document; data-modifying CTEs spread it over the tables. As a PL/pgSQL function its
 * plan is cached per connection, so a batch costs one round trip and no planning. The audit chain
 * is extended optimistically: each tenant's head moves only from the head the caller chained from;
 * if another writer moved it first, the whole call fails with SQLSTATE 40001 and nothing is written.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `CREATE FUNCTION sentra_write_decisions(doc jsonb) RETURNS bigint LANGUAGE plpgsql AS $body$
DECLARE
  written bigint;
  moved bigint;
BEGIN
  WITH entity_rows AS (
    INSERT INTO entities (tenant_id, entity_id, entity_type, country, name, created_at, first_seen_at, last_seen_at)
    SELECT e.tenant_id, e.entity_id, NULL, e.country, NULL, NULL, e.first_seen_at, e.last_seen_at
      FROM jsonb_to_recordset(doc->'entities')
        AS e(tenant_id text, entity_id text, country text, first_seen_at timestamptz, last_seen_at timestamptz)
    ON CONFLICT (tenant_id, entity_id) DO UPDATE SET
      first_seen_at = least(entities.first_seen_at, excluded.first_seen_at),
      last_seen_at = greatest(entities.last_seen_at, excluded.last_seen_at),
      country = coalesce(entities.country, excluded.country)
    RETURNING 1),
  transaction_rows AS (
    INSERT INTO transactions
    SELECT * FROM jsonb_populate_recordset(NULL::transactions, doc->'transactions')
    ON CONFLICT (tenant_id, tx_id) DO UPDATE SET
      created_at = excluded.created_at, amount = excluded.amount, currency = excluded.currency, fx_rate = excluded.fx_rate,
      direction = excluded.direction, channel = excluded.channel, psp = excluded.psp, route_id = excluded.route_id,
      status = excluded.status, status_reason = excluded.status_reason, fee_total = excluded.fee_total,
      sender_entity_id = excluded.sender_entity_id, receiver_entity_id = excluded.receiver_entity_id,
      sender_country = excluded.sender_country, receiver_country = excluded.receiver_country, user_id = excluded.user_id,
      merchant_id = excluded.merchant_id, ip_hash = excluded.ip_hash, device_id_hash = excluded.device_id_hash,
      session_id = excluded.session_id, user_agent = excluded.user_agent, overrides = excluded.overrides,
      network = excluded.network, source = excluded.source, updated_at = excluded.updated_at
    RETURNING 1),
  kyc_rows AS (
    INSERT INTO kyc_refs
    SELECT * FROM jsonb_populate_recordset(NULL::kyc_refs, doc->'kycRefs')
    ON CONFLICT (tenant_id, entity_id, ref_key) DO UPDATE SET
      doc_hash = coalesce(excluded.doc_hash, kyc_refs.doc_hash),
      doc_s3_url = coalesce(excluded.doc_s3_url, kyc_refs.doc_s3_url),
      text_blob = coalesce(excluded.text_blob, kyc_refs.text_blob),
      updated_at = excluded.updated_at
    RETURNING 1),
  opened_cases AS (
    INSERT INTO cases
    SELECT * FROM jsonb_populate_recordset(NULL::cases, doc->'openCases')
    ON CONFLICT (tenant_id, tx_id) DO UPDATE SET
      decision = excluded.decision, risk_score = excluded.risk_score,
      latest_score_id = excluded.latest_score_id, updated_at = excluded.updated_at
    RETURNING 1),
  refreshed_cases AS (
    UPDATE cases AS c SET decision = v.decision, risk_score = v.risk_score, latest_score_id = v.latest_score_id, updated_at = v.updated_at
      FROM jsonb_populate_recordset(NULL::cases, doc->'refreshCases') AS v
     WHERE c.tenant_id = v.tenant_id AND c.tx_id = v.tx_id
    RETURNING 1),
  score_rows AS (
    INSERT INTO risk_scores
    SELECT * FROM jsonb_populate_recordset(NULL::risk_scores, doc->'scores')
    RETURNING 1),
  job_rows AS (
    INSERT INTO jobs
    SELECT * FROM jsonb_populate_recordset(NULL::jobs, doc->'jobs')
    ON CONFLICT (tenant_id, kind, dedupe_key) DO NOTHING
    RETURNING 1),
  audit_rows AS (
    INSERT INTO audit_log
    SELECT * FROM jsonb_populate_recordset(NULL::audit_log, doc->'audit')
    ON CONFLICT (tenant_id, seq) DO NOTHING
    RETURNING 1),
  head_rows AS (
    UPDATE audit_heads AS h SET seq = v.seq, hash = v.hash
      FROM jsonb_to_recordset(doc->'heads') AS v(tenant_id text, seq bigint, hash text, previous_seq bigint, previous_hash text)
     WHERE h.tenant_id = v.tenant_id AND h.seq = v.previous_seq AND h.hash = v.previous_hash
    RETURNING 1)
  SELECT (SELECT count(*) FROM score_rows), (SELECT count(*) FROM head_rows) INTO written, moved;
  IF moved <> jsonb_array_length(doc->'heads') THEN
    RAISE EXCEPTION 'audit chain head moved: another writer appended first' USING ERRCODE = '40001';
  END IF;
  RETURN written;
END
$body$`,
    )
    .execute(db);
}
