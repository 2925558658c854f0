import { sql, type Kysely } from 'kysely';
import { replaceInFunction } from './function-edit.js';

/**
 * The two lookups of a merchant by id inside the decision writer's functions, made the way 0078 made
 * the case refresh: ones the planner cannot get wrong, whatever it knows of the table.
 * - `sentra_charge_fees` (migration 0052) takes each fee with `UPDATE merchants … WHERE id = … AND
 *   tenant_id = …`. Its plan is kept for the session. Made while the table held a few merchants, it
 *   probed `merchants_by_tenant` (tenant, created_at) and read every merchant of the tenant for each
 *   fee: 5,002 rows read for one call once the tenant had 5,000 merchants, until the next ANALYZE.
 * - `sentra_write_decisions_and_deliveries` (migration 0064) joins each outbound webhook to its
 *   live merchant on the same two columns. Its kept plan put `merchants` first and scanned the whole
 *   table for each group commit with webhooks (5,009 rows read for one payment).
 * The fee's update now compares the tenant as `tenant_id || ''`, which no index serves, so the
 * merchant id is its only indexable condition and the primary key the only index that serves it. The
 * webhook's merchant is a lateral subquery kept apart from the join (`OFFSET 0`), so the batch's rows
 * come first and each probes the primary key. Sequential scans, hash and merge joins are off inside
 * both functions (a plan made on a one-page table would otherwise scan it). The tenant is still
 * checked on every row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    replaceInFunction(
      'sentra_charge_fees(jsonb)',
      `WHERE id = item ->> 'merchant_id' AND tenant_id = item ->> 'tenant_id'`,
      `WHERE id = item ->> 'merchant_id' AND tenant_id || '' = item ->> 'tenant_id'`,
    ),
    replaceInFunction(
      'sentra_write_decisions_and_deliveries(jsonb)',
      `JOIN merchants AS m ON m.tenant_id = w.tenant_id AND m.id = w.merchant_id AND m.mode = 'live'`,
      `JOIN LATERAL (SELECT FROM merchants AS m WHERE m.id = w.merchant_id AND m.tenant_id || '' = w.tenant_id AND m.mode = 'live' OFFSET 0) AS m ON true`,
    ),
  ];
  for (const fn of ['sentra_charge_fees(jsonb)', 'sentra_write_decisions_and_deliveries(jsonb)']) {
    for (const setting of ['enable_hashjoin', 'enable_mergejoin', 'enable_seqscan']) statements.push(`ALTER FUNCTION ${fn} SET ${setting} = off`);
  }
  for (const statement of statements) await sql.raw(statement).execute(db);
}
