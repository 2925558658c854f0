import { sql, type Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { newId } from '../platform/ids.js';
import { appendAudit } from '../audit/audit.repository.js';
import { SentraError } from '../errors/errors.js';
import type { BillableService, UsageKind } from '../contract/merchant-admin.js';
import type { MerchantAct } from './merchant.repository.js';

/** A charge that went through (with its decision, migration 0077): what was taken and what is left. */
export interface Charge {
  usageId: string;
  service: BillableService;
  currency: string;
  feeUnits: number;
  balanceAfterUnits: number;
}

/** Who paid for which call (what a refund names). */
interface ChargeRequest {
  tenantId: string;
  merchantId: string;
  service: BillableService;
  /** The event / transaction id the call is about (a refund names the same). */
  reference: string;
  /** The merchant key id. */
  actor: string;
  at: Date;
}

/** Gives a charge back, recording a refund line that names the same reference. Answers the balance after it. */
async function refundCharge(db: Kysely<Database>, request: ChargeRequest, charge: Charge): Promise<number | undefined> {
  const result = await sql<{ balance_after_units: number | string }>`
    with refunded as (
      update merchants set balance_units = balance_units + ${charge.feeUnits}
      where id = ${request.merchantId} and tenant_id = ${request.tenantId}
      returning id, tenant_id, balance_units
    )
    insert into merchant_usage (id, tenant_id, merchant_id, kind, service, reference, amount_units, balance_after_units, actor, created_at)
    select ${newId('use', request.at.getTime())}, tenant_id, id, 'refund', ${charge.service}, ${request.reference}, ${charge.feeUnits}, balance_units, ${request.actor}, ${request.at}
    from refunded
    returning balance_after_units`.execute(db);
  const balance = result.rows[0]?.balance_after_units;
  return balance === undefined ? undefined : Number(balance);
}

/** The merchant's balance in units (and its currency); undefined for an unknown merchant. */
export async function balanceOf(db: Kysely<Database>, tenantId: string, merchantId: string): Promise<{ currency: string; balanceUnits: number } | undefined> {
  const row = await db.selectFrom('merchants').select(['currency', 'balance_units']).where('tenant_id', '=', tenantId).where('id', '=', merchantId).executeTakeFirst();
  return row === undefined ? undefined : { currency: row.currency, balanceUnits: Number(row.balance_units) };
}

/** Adds money to a merchant's prepaid balance, recorded as a usage line and audited. Answers the new balance. */
export async function topUp(db: Kysely<Database>, tenantId: string, merchantId: string, amountUnits: number, act: MerchantAct): Promise<{ currency: string; balanceUnits: number }> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('merchants')
      .set({ balance_units: sql`balance_units + ${amountUnits}`, updated_at: act.at })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', merchantId)
      .returning(['currency', 'balance_units'])
      .executeTakeFirst();
    if (row === undefined) throw new SentraError('SENTRA_ERR_NOT_FOUND', `No merchant ${merchantId}.`);
    const balanceUnits = Number(row.balance_units);
    await trx
      .insertInto('merchant_usage')
      .values({ id: newId('use', act.at.getTime()), tenant_id: tenantId, merchant_id: merchantId, kind: 'top_up', service: null, reference: null, amount_units: amountUnits, balance_after_units: balanceUnits, actor: act.actor, created_at: act.at })
      .execute();
    await appendAudit(trx, [{ tenantId, at: act.at, actor: act.actor, action: 'merchant.balance_topped_up', subject: merchantId, payload: { amount_units: amountUnits, balance_units: balanceUnits } }]);
    return { currency: row.currency, balanceUnits };
  });
}

/** One usage line as reports show it. */
export interface UsageLine {
  usageId: string;
  kind: UsageKind;
  service: BillableService | null;
  reference: string | null;
  amountUnits: number;
  balanceAfterUnits: number;
  createdAt: Date;
}

/** The merchant's usage lines in [from, to), oldest first, at most `limit`. */
export async function usageLines(db: Kysely<Database>, tenantId: string, merchantId: string, from: Date, to: Date, limit: number): Promise<UsageLine[]> {
  const rows = await db
    .selectFrom('merchant_usage')
    .select(['id', 'kind', 'service', 'reference', 'amount_units', 'balance_after_units', 'created_at'])
    .where('tenant_id', '=', tenantId)
    .where('merchant_id', '=', merchantId)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    usageId: row.id,
    kind: row.kind,
    service: row.service,
    reference: row.reference,
    amountUnits: Number(row.amount_units),
    balanceAfterUnits: Number(row.balance_after_units),
    createdAt: row.created_at,
  }));
}

/** Calls paid (charges less refunds) and the net amount per service in [from, to). */
export async function usageTotals(db: Kysely<Database>, tenantId: string, merchantId: string, from: Date, to: Date): Promise<{ service: BillableService; calls: number; amountUnits: number }[]> {
  const rows = await db
    .selectFrom('merchant_usage')
    .select(['service', sql<string>`sum(case when kind = 'charge' then 1 else -1 end)`.as('calls'), sql<string>`sum(-amount_units)`.as('amount')])
    .where('tenant_id', '=', tenantId)
    .where('merchant_id', '=', merchantId)
    .where('kind', 'in', ['charge', 'refund'])
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .groupBy('service')
    .orderBy('service')
    .execute();
  return rows.flatMap((row) => (row.service === null ? [] : [{ service: row.service, calls: Number(row.calls), amountUnits: Number(row.amount) }]));
}

/**
 * Gives back fees that paid for no stored decision: charges in [from, to) whose reference has no
 * transaction and no refund yet. Since migration 0077 a fee commits with its decision and none is
 * left behind; versions before it took the fee in a commit of its own, and one that stopped before
 * committing the decision (a crash, a kill) left such a charge, which an upgraded installation may
 * still hold (and, scaled, a process of the previous version still running during the upgrade may
 * still leave). Every start refunds them; `to` leaves calls that may still be in flight in other
 * processes alone. Answers how many were refunded.
 */
export async function refundOrphanCharges(db: Kysely<Database>, from: Date, to: Date, at: Date): Promise<number> {
  const orphans = await sql<{ tenant_id: string; merchant_id: string; service: BillableService; reference: string; amount_units: number | string; currency: string }>`
    select u.tenant_id, u.merchant_id, u.service, u.reference, u.amount_units, m.currency
    from merchant_usage u join merchants m on m.id = u.merchant_id
    where u.kind = 'charge' and u.created_at >= ${from} and u.created_at < ${to}
      and not exists (select 1 from transactions t where t.tenant_id = u.tenant_id and t.tx_id = u.reference)
      and not exists (select 1 from merchant_usage r where r.merchant_id = u.merchant_id and r.reference = u.reference and r.kind = 'refund')`.execute(db);
  for (const orphan of orphans.rows) {
    const request: ChargeRequest = { tenantId: orphan.tenant_id, merchantId: orphan.merchant_id, service: orphan.service, reference: orphan.reference, actor: 'system', at };
    await refundCharge(db, request, { usageId: '', service: orphan.service, currency: orphan.currency, feeUnits: -Number(orphan.amount_units), balanceAfterUnits: 0 });
  }
  return orphans.rows.length;
}
