import type { Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { newId } from '../platform/ids.js';
import { appendAudit } from '../audit/audit.repository.js';
import { SentraError } from '../errors/errors.js';
import { merchantOfRow, type Merchant, type MerchantAct } from '../merchants/merchant.repository.js';
import type { MerchantMode } from '../contract/merchant-admin.js';

/** One change of a merchant's mode. */
export interface ModeChange {
  mode: MerchantMode;
  changedAt: Date;
  actor: string;
}

/**
 * Switches a merchant to `mode` (promotion to live, or demotion back to shadow) with the same
 * endpoints, keys and feed secrets: recorded with its time for the evaluation report and audited
 * (`merchant.promoted` / `merchant.demoted`) in one transaction. A merchant already in that mode is
 * a conflict (409), so a repeated click records nothing.
 */
export async function changeMerchantMode(db: Kysely<Database>, tenantId: string, merchantId: string, mode: MerchantMode, act: MerchantAct): Promise<Merchant> {
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('merchants').selectAll().where('tenant_id', '=', tenantId).where('id', '=', merchantId).forUpdate().executeTakeFirst();
    if (current === undefined) throw new SentraError('SENTRA_ERR_NOT_FOUND', `No merchant ${merchantId}.`);
    if (current.mode === mode) throw new SentraError('SENTRA_ERR_CONFLICT', `Merchant ${merchantId} is already ${mode}.`);
    const row = await trx.updateTable('merchants').set({ mode, updated_at: act.at }).where('id', '=', merchantId).returningAll().executeTakeFirstOrThrow();
    await trx.insertInto('merchant_mode_changes').values({ id: newId('mode', act.at.getTime()), tenant_id: tenantId, merchant_id: merchantId, mode, changed_at: act.at, actor: act.actor }).execute();
    await appendAudit(trx, [{ tenantId, at: act.at, actor: act.actor, action: mode === 'live' ? 'merchant.promoted' : 'merchant.demoted', subject: merchantId, payload: { from: current.mode, to: mode } }]);
    return merchantOfRow(row);
  });
}

/** A merchant's mode changes, oldest first. */
export async function modeChanges(db: Kysely<Database>, tenantId: string, merchantId: string): Promise<ModeChange[]> {
  const rows = await db.selectFrom('merchant_mode_changes').select(['mode', 'changed_at', 'actor']).where('tenant_id', '=', tenantId).where('merchant_id', '=', merchantId).orderBy('changed_at').orderBy('id').execute();
  return rows.map((row) => ({ mode: row.mode as MerchantMode, changedAt: row.changed_at, actor: row.actor }));
}
