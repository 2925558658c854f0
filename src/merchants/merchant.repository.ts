import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { newId } from '../platform/ids.js';
import { appendAudit } from '../audit/audit.repository.js';
import { SentraError } from '../errors/errors.js';
import type { MerchantFees, MerchantsTable, MerchantThresholds } from '../platform/tables/merchant.table.js';
import { defaultMerchantMode, type MerchantMode } from '../contract/merchant-admin.js';

/** A merchant as the domain holds it (money in 1/10,000 units). */
export interface Merchant {
  merchantId: string;
  tenantId: string;
  name: string;
  mode: MerchantMode;
  currency: string;
  balanceUnits: number;
  overdraftUnits: number;
  fees: MerchantFees;
  thresholds: MerchantThresholds | null;
  rateLimitPerSecond: number | null;
  /** ISO 3166-1 alpha-2 country; null: unknown. The receiver country of its feed payments when the PSP names none. */
  country: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Fees of a new merchant: 0.0500 per confidence or event call, 0.1000 per pipeline call. */
export const defaultFees: Readonly<MerchantFees> = Object.freeze({ SENTRY: 500, EVENTS: 500, PIPELINE: 1000 });

/** Settings a merchant is created or changed with (absent: unchanged, or the default on creation). */
export interface MerchantSettings {
  name?: string;
  mode?: MerchantMode;
  currency?: string;
  overdraftUnits?: number;
  fees?: Partial<MerchantFees>;
  /** null: back to the tenant's thresholds. */
  thresholds?: MerchantThresholds | null;
  /** null: back to the server's default. */
  rateLimitPerSecond?: number | null;
  /** ISO 3166-1 alpha-2; null: unknown. */
  country?: string | null;
}

/** Who changes a merchant, and when (for the audit entry). */
export interface MerchantAct {
  actor: string;
  at: Date;
}

const parse = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));

/** The domain form of a stored row. */
export function merchantOfRow(row: Selectable<MerchantsTable>): Merchant {
  return {
    merchantId: row.id,
    tenantId: row.tenant_id,
    name: row.name,
    mode: row.mode,
    currency: row.currency,
    balanceUnits: Number(row.balance_units),
    overdraftUnits: Number(row.overdraft_units),
    fees: { ...defaultFees, ...parse<Partial<MerchantFees>>(row.fees) },
    thresholds: parse<MerchantThresholds | null>(row.thresholds) ?? null,
    rateLimitPerSecond: row.rate_limit_per_second,
    country: row.country,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Creates a merchant of the tenant with a zero balance, audited in the same transaction. */
export async function createMerchant(db: Kysely<Database>, tenantId: string, settings: MerchantSettings & { name: string }, act: MerchantAct): Promise<Merchant> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('merchants')
      .values({
        id: newId('mer', act.at.getTime()),
        tenant_id: tenantId,
        name: settings.name,
        mode: settings.mode ?? defaultMerchantMode,
        currency: settings.currency ?? 'USD',
        balance_units: 0,
        overdraft_units: settings.overdraftUnits ?? 0,
        fees: JSON.stringify({ ...defaultFees, ...settings.fees }),
        thresholds: JSON.stringify(settings.thresholds ?? null),
        rate_limit_per_second: settings.rateLimitPerSecond ?? null,
        country: settings.country ?? null,
        created_at: act.at,
        updated_at: act.at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, [{ tenantId, at: act.at, actor: act.actor, action: 'merchant.created', subject: row.id, payload: { name: row.name, mode: row.mode, country: row.country } }]);
    return merchantOfRow(row);
  });
}

/** The tenant's merchants, oldest first. */
export async function listMerchants(db: Kysely<Database>, tenantId: string): Promise<Merchant[]> {
  const rows = await db.selectFrom('merchants').selectAll().where('tenant_id', '=', tenantId).orderBy('created_at').orderBy('id').execute();
  return rows.map(merchantOfRow);
}

/** One merchant of the tenant; another tenant's merchant is not found. */
export async function findMerchant(db: Kysely<Database>, tenantId: string, merchantId: string): Promise<Merchant | undefined> {
  const row = await db.selectFrom('merchants').selectAll().where('tenant_id', '=', tenantId).where('id', '=', merchantId).executeTakeFirst();
  return row === undefined ? undefined : merchantOfRow(row);
}

/** One merchant of the tenant, or SENTRA_ERR_NOT_FOUND. */
export async function getMerchant(db: Kysely<Database>, tenantId: string, merchantId: string): Promise<Merchant> {
  const merchant = await findMerchant(db, tenantId, merchantId);
  if (merchant === undefined) throw new SentraError('SENTRA_ERR_NOT_FOUND', `No merchant ${merchantId}.`);
  return merchant;
}

/**
 * Changes a merchant's settings, audited. The balance is never set here (top-ups and charges move
 * it); an overdraft smaller than the debt already run up is refused (409).
 */
export async function updateMerchant(db: Kysely<Database>, tenantId: string, merchantId: string, settings: MerchantSettings, act: MerchantAct): Promise<Merchant> {
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('merchants').selectAll().where('tenant_id', '=', tenantId).where('id', '=', merchantId).forUpdate().executeTakeFirst();
    if (current === undefined) throw new SentraError('SENTRA_ERR_NOT_FOUND', `No merchant ${merchantId}.`);
    const merchant = merchantOfRow(current);
    const overdraft = settings.overdraftUnits ?? merchant.overdraftUnits;
    if (merchant.balanceUnits < -overdraft) {
      throw new SentraError('SENTRA_ERR_CONFLICT', 'The overdraft cannot be lowered below the debt the balance already carries; top the balance up first.');
    }
    const row = await trx
      .updateTable('merchants')
      .set({
        name: settings.name ?? merchant.name,
        mode: settings.mode ?? merchant.mode,
        currency: settings.currency ?? merchant.currency,
        overdraft_units: overdraft,
        fees: JSON.stringify({ ...merchant.fees, ...settings.fees }),
        thresholds: JSON.stringify(settings.thresholds === undefined ? merchant.thresholds : settings.thresholds),
        rate_limit_per_second: settings.rateLimitPerSecond === undefined ? merchant.rateLimitPerSecond : settings.rateLimitPerSecond,
        country: settings.country === undefined ? merchant.country : settings.country,
        updated_at: act.at,
      })
      .where('id', '=', merchantId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const changed = Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
    await appendAudit(trx, [{ tenantId, at: act.at, actor: act.actor, action: 'merchant.updated', subject: merchantId, payload: changed }]);
    return merchantOfRow(row);
  });
}
