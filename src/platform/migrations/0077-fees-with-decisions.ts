import { sql, type Kysely } from 'kysely';

/**
 * A merchant call's fee commits with its decision: `sentra_write_billed_decisions(doc)` first takes
 * every fee listed in `doc->'fees'` with `sentra_charge_fees` (migration 0052: per item the
 * conditional UPDATE balance - fee >= -overdraft, the fee being the merchant's price for the item's
 * service, and the INSERT of its usage line), per merchant in document order and merchants in id
 * order, so two writers never wait for each other's rows the other way round; then writes the
 * decisions with `sentra_write_decisions(doc)` (migrations 0002, 0064 and 0075), in the same
 * statement and transaction. When a fee cannot be covered, it raises SQLSTATE `SN402` whose DETAIL
 * is the JSON array of the request ids that could not pay (every item is tried first), so nothing
 * of the batch is written and the caller can write the rest at once. The answer is `{"written": n,
 * "charged": [{request_id, usage_id, currency, fee_units, balance_units}, …]}`, the balance being
 * the one after that fee.
 *
 * A new name rather than a new body for `sentra_write_decisions`: that one keeps its bigint answer,
 * and `sentra_charge_fees` its own, so a process of the previous version still running while a scaled
 * installation is upgraded keeps writing and charging as it did (fee first, in its own commit).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `CREATE FUNCTION sentra_write_billed_decisions(doc jsonb) RETURNS jsonb LANGUAGE plpgsql AS $body$
DECLARE
  ordered jsonb;
  results jsonb;
  unpaid jsonb := '[]'::jsonb;
  charged jsonb := '[]'::jsonb;
BEGIN
  SELECT coalesce(jsonb_agg(f.value ORDER BY f.value ->> 'merchant_id', f.n), '[]'::jsonb) INTO ordered
    FROM jsonb_array_elements(coalesce(doc->'fees', '[]'::jsonb)) WITH ORDINALITY AS f(value, n);
  IF jsonb_array_length(ordered) > 0 THEN
    results := sentra_charge_fees(ordered);
    SELECT coalesce(jsonb_agg(f.value -> 'request_id') FILTER (WHERE r.value = 'null'::jsonb), '[]'::jsonb),
           coalesce(jsonb_agg(r.value || jsonb_build_object('request_id', f.value -> 'request_id', 'usage_id', f.value -> 'usage_id')) FILTER (WHERE r.value <> 'null'::jsonb), '[]'::jsonb)
      INTO unpaid, charged
      FROM jsonb_array_elements(ordered) WITH ORDINALITY AS f(value, n)
      JOIN jsonb_array_elements(results) WITH ORDINALITY AS r(value, n) USING (n);
  END IF;
  IF jsonb_array_length(unpaid) > 0 THEN
    RAISE EXCEPTION 'merchant fees not covered' USING ERRCODE = 'SN402', DETAIL = unpaid::text;
  END IF;
  RETURN jsonb_build_object('written', sentra_write_decisions(doc), 'charged', charged);
END
$body$`,
    )
    .execute(db);
}
