import { sql, type Kysely } from 'kysely';

/**
 * `sentra_charge_fees(doc)`: takes the fees of a batch of merchant calls in one statement (one round
 * trip for a whole group commit instead of one per call). Items are charged in order, each with
 * the same conditional UPDATE as a single charge (balance - fee >= -overdraft) and its usage line;
 * the answer lists, per item, the balance after it and the fee, or null when the balance could not
 * cover it. Rows of one merchant serialize on its row lock, across processes too.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `CREATE FUNCTION sentra_charge_fees(doc jsonb) RETURNS jsonb LANGUAGE plpgsql AS $body$
DECLARE
  item jsonb;
  results jsonb := '[]'::jsonb;
  charged_currency text;
  charged_balance bigint;
  charged_fee bigint;
BEGIN
  FOR item IN SELECT value FROM jsonb_array_elements(doc) LOOP
    UPDATE merchants SET balance_units = balance_units - (fees ->> (item ->> 'service'))::bigint
      WHERE id = item ->> 'merchant_id' AND tenant_id = item ->> 'tenant_id'
        AND balance_units - (fees ->> (item ->> 'service'))::bigint >= -overdraft_units
      RETURNING currency, balance_units, (fees ->> (item ->> 'service'))::bigint INTO charged_currency, charged_balance, charged_fee;
    IF FOUND THEN
      INSERT INTO merchant_usage (id, tenant_id, merchant_id, kind, service, reference, amount_units, balance_after_units, actor, created_at)
        VALUES (item ->> 'usage_id', item ->> 'tenant_id', item ->> 'merchant_id', 'charge', item ->> 'service', item ->> 'reference', -charged_fee, charged_balance, item ->> 'actor', (item ->> 'at')::timestamptz);
      results := results || jsonb_build_array(jsonb_build_object('currency', charged_currency, 'balance_units', charged_balance, 'fee_units', charged_fee));
    ELSE
      results := results || jsonb_build_array('null'::jsonb);
    END IF;
  END LOOP;
  RETURN results;
END
$body$`,
    )
    .execute(db);
}
