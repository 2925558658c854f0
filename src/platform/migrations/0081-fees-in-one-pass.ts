import { sql, type Kysely } from 'kysely';

/**
 * `sentra_charge_fees(doc)` (migrations 0052, 0079) took a group's fees one item at a time: an
 * UPDATE of the merchant's balance and an INSERT of the usage line per call, so a group commit of n
 * calls of one merchant updated that merchant's row n times and ran 2·n statements. On PostgreSQL
 * this was about half of a merchant call's write (`bench/writer-statements.ts` with BENCH_CALLS).
 *
 * It now prices the whole group in one statement first: it locks the group's merchants (in id order,
 * the order the item-by-item path locked them, with the same lock an UPDATE takes), runs each
 * merchant's balance down through its items in document order, and when every item is covered at its
 * turn (`balance − fee ≥ −overdraft`, the condition of the item-by-item UPDATE), writes each merchant's
 * final balance once and every usage line in one INSERT. The answer is the same array as before, the
 * balance after each fee included. When any item is not covered (or names no merchant of its tenant,
 * or a service without a price), nothing of the one-pass statement is written and the group is taken
 * item by item by the previous function, kept as `sentra_charge_fees_one_by_one`, so which calls pay
 * and which do not is decided exactly as it was.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // The item-by-item function stays as it is (migrations 0052, 0079), under a name of its own.
  await sql.raw(`ALTER FUNCTION sentra_charge_fees(jsonb) RENAME TO sentra_charge_fees_one_by_one`).execute(db);
  await sql
    .raw(
      `CREATE FUNCTION sentra_charge_fees(doc jsonb) RETURNS jsonb LANGUAGE plpgsql
  SET enable_hashjoin = off SET enable_mergejoin = off SET enable_seqscan = off AS $body$
DECLARE
  covered boolean;
  results jsonb;
BEGIN
  WITH items AS (
    SELECT f.n, f.value AS item, f.value ->> 'merchant_id' AS merchant_id
      FROM jsonb_array_elements(doc) WITH ORDINALITY AS f(value, n)),
  locked AS MATERIALIZED (
    SELECT m.id, m.tenant_id, m.currency, m.balance_units, m.overdraft_units, m.fees
      FROM merchants AS m WHERE m.id IN (SELECT merchant_id FROM items) ORDER BY m.id FOR NO KEY UPDATE),
  priced AS MATERIALIZED (
    SELECT i.n, i.item, m.id, m.currency, m.overdraft_units, (m.fees ->> (i.item ->> 'service'))::bigint AS fee,
           m.balance_units - sum((m.fees ->> (i.item ->> 'service'))::bigint) OVER (PARTITION BY i.merchant_id ORDER BY i.n) AS balance_after
      FROM items AS i LEFT JOIN locked AS m ON m.id = i.merchant_id AND m.tenant_id = i.item ->> 'tenant_id'),
  verdict AS (
    SELECT coalesce(bool_and(p.id IS NOT NULL AND p.fee IS NOT NULL AND p.balance_after >= -p.overdraft_units), false) AS covered FROM priced AS p),
  balances AS (
    UPDATE merchants AS m SET balance_units = last.balance_after
      FROM (SELECT DISTINCT ON (p.id) p.id, p.balance_after FROM priced AS p ORDER BY p.id, p.n DESC) AS last, verdict
     WHERE verdict.covered AND m.id = last.id
    RETURNING 1),
  lines AS (
    INSERT INTO merchant_usage (id, tenant_id, merchant_id, kind, service, reference, amount_units, balance_after_units, actor, created_at)
    SELECT p.item ->> 'usage_id', p.item ->> 'tenant_id', p.id, 'charge', p.item ->> 'service', p.item ->> 'reference', -p.fee, p.balance_after,
           p.item ->> 'actor', (p.item ->> 'at')::timestamptz
      FROM priced AS p, verdict WHERE verdict.covered
    RETURNING 1)
  -- The UPDATE and the INSERT run whether or not this reads them (and write nothing unless covered).
  SELECT v.covered,
         (SELECT jsonb_agg(jsonb_build_object('currency', p.currency, 'balance_units', p.balance_after, 'fee_units', p.fee) ORDER BY p.n) FROM priced AS p)
    INTO covered, results
    FROM verdict AS v;
  IF covered THEN
    RETURN results;
  END IF;
  RETURN sentra_charge_fees_one_by_one(doc);
END
$body$`,
    )
    .execute(db);
}
