import { sql, type Kysely } from 'kysely';

/**
 * A merchant call's fee commits with its decision: `sentra_write_billed_decisions(doc)` first takes
 * every fee listed in `doc->'fees'` (per merchant in document order, merchants in id order so two
 * writers never wait for each other's rows the other way round), each with the conditional UPDATE of
 * `sentra_charge_fees` (migration 0052: balance - fee >= -overdraft, the fee being the merchant's
 * price for the item's service) and the INSERT of its usage line; then writes the decisions with
 * `sentra_write_decisions(doc)` (migrations 0002, 0064 and 0075), in the same statement and
 * transaction. When a fee cannot be covered, it raises SQLSTATE `SN402` whose DETAIL is the JSON
 * array of the request ids that could not pay, after trying every item, so nothing of the batch is
 * written and the caller can write the rest at once. The answer is `{"written": n, "charged":
 * [{request_id, usage_id, currency, fee_units, balance_units}, …]}`, the balance being the one
 * after that fee.
 *
 * A new name rather than a new body for `sentra_write_decisions`: that one keeps its bigint answer,
 * and `sentra_charge_fees` stays, so a process of the previous version still running while a scaled
 * installation is upgraded keeps writing and charging as it did (fee first, in its own commit).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `CREATE FUNCTION sentra_write_billed_decisions(doc jsonb) RETURNS jsonb LANGUAGE plpgsql AS $body$
DECLARE
  item jsonb;
  charged jsonb := '[]'::jsonb;
  unpaid jsonb := '[]'::jsonb;
  charged_currency text;
  charged_balance bigint;
  charged_fee bigint;
BEGIN
  FOR item IN
    SELECT f.value FROM jsonb_array_elements(coalesce(doc->'fees', '[]'::jsonb)) WITH ORDINALITY AS f(value, position)
      ORDER BY f.value ->> 'merchant_id', f.position
  LOOP
    UPDATE merchants SET balance_units = balance_units - (fees ->> (item ->> 'service'))::bigint
      WHERE id = item ->> 'merchant_id' AND tenant_id = item ->> 'tenant_id'
        AND balance_units - (fees ->> (item ->> 'service'))::bigint >= -overdraft_units
      RETURNING currency, balance_units, (fees ->> (item ->> 'service'))::bigint INTO charged_currency, charged_balance, charged_fee;
    IF FOUND THEN
      INSERT INTO merchant_usage (id, tenant_id, merchant_id, kind, service, reference, amount_units, balance_after_units, actor, created_at)
        VALUES (item ->> 'usage_id', item ->> 'tenant_id', item ->> 'merchant_id', 'charge', item ->> 'service', item ->> 'reference', -charged_fee, charged_balance, item ->> 'actor', (item ->> 'at')::timestamptz);
      charged := charged || jsonb_build_array(jsonb_build_object('request_id', item ->> 'request_id', 'usage_id', item ->> 'usage_id', 'currency', charged_currency, 'balance_units', charged_balance, 'fee_units', charged_fee));
    ELSE
      unpaid := unpaid || jsonb_build_array(item ->> 'request_id');
    END IF;
  END LOOP;
  IF jsonb_array_length(unpaid) > 0 THEN
    RAISE EXCEPTION 'merchant fees not covered' USING ERRCODE = 'SN402', DETAIL = unpaid::text;
  END IF;
  RETURN jsonb_build_object('written', sentra_write_decisions(doc), 'charged', charged);
END
$body$`,
    )
    .execute(db);
}
