import { hash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { newId } from '../platform/ids.js';
import { appendAudit } from '../audit/audit.repository.js';
import { SentraError } from '../errors/errors.js';
import type { MerchantAct } from './merchant.repository.js';

/** A fresh merchant API key: `smk_` + 32 random bytes, base64url. Shown once, stored only hashed. */
export function generateMerchantKey(): string {
  return `smk_${randomBytes(32).toString('base64url')}`;
}

/** The stored form of a key: 256 random bits need no salt, and one indexed read finds it. */
export function hashMerchantKey(key: string): string {
  return hash('sha256', key, 'hex');
}

/** A key as issued: the secret is in this answer only. */
export interface IssuedMerchantKey {
  keyId: string;
  apiKey: string;
  name: string;
  createdAt: Date;
  /** When it stops authenticating; null: until revoked. */
  expiresAt: Date | null;
}

/** A key as listed (never the secret). */
export interface MerchantKeySummary {
  keyId: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date | null;
}

/** What a key authenticates as, and until when. */
export interface MerchantKeyOwner {
  keyId: string;
  tenantId: string;
  merchantId: string;
  expiresAt: Date | null;
}

/** Issues a key for a merchant of the tenant (not found for another tenant's merchant), audited. */
export async function issueMerchantKey(
  db: Kysely<Database>,
  tenantId: string,
  merchantId: string,
  key: { name: string; expiresAt: Date | null },
  act: MerchantAct,
): Promise<IssuedMerchantKey> {
  const { name, expiresAt } = key;
  return db.transaction().execute(async (trx) => {
    const merchant = await trx.selectFrom('merchants').select('id').where('tenant_id', '=', tenantId).where('id', '=', merchantId).executeTakeFirst();
    if (merchant === undefined) throw new SentraError('SENTRA_ERR_NOT_FOUND', `No merchant ${merchantId}.`);
    const apiKey = generateMerchantKey();
    const keyId = newId('mkey', act.at.getTime());
    await trx
      .insertInto('merchant_keys')
      .values({ id: keyId, tenant_id: tenantId, merchant_id: merchantId, name, key_hash: hashMerchantKey(apiKey), created_at: act.at, last_used_at: null, revoked_at: null, expires_at: expiresAt })
      .execute();
    const payload = { merchant_id: merchantId, name, ...(expiresAt === null ? {} : { expires_at: expiresAt.toISOString() }) };
    await appendAudit(trx, [{ tenantId, at: act.at, actor: act.actor, action: 'merchant_key.created', subject: keyId, payload }]);
    return { keyId, apiKey, name, createdAt: act.at, expiresAt };
  });
}

/** A merchant's keys, newest first, revoked ones included. */
export async function listMerchantKeys(db: Kysely<Database>, tenantId: string, merchantId: string): Promise<MerchantKeySummary[]> {
  const rows = await db
    .selectFrom('merchant_keys')
    .select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at', 'expires_at'])
    .where('tenant_id', '=', tenantId)
    .where('merchant_id', '=', merchantId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((row) => ({ keyId: row.id, name: row.name, createdAt: row.created_at, lastUsedAt: row.last_used_at, revokedAt: row.revoked_at, expiresAt: row.expires_at }));
}

/** Revokes a live key of the merchant, audited; an unknown, foreign or already revoked key is not found. */
export async function revokeMerchantKey(db: Kysely<Database>, tenantId: string, merchantId: string, keyId: string, act: MerchantAct): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const revoked = await trx
      .updateTable('merchant_keys')
      .set({ revoked_at: act.at })
      .where('tenant_id', '=', tenantId)
      .where('merchant_id', '=', merchantId)
      .where('id', '=', keyId)
      .where('revoked_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (revoked === undefined) throw new SentraError('SENTRA_ERR_NOT_FOUND', `No live key ${keyId} for merchant ${merchantId}.`);
    await appendAudit(trx, [{ tenantId, at: act.at, actor: act.actor, action: 'merchant_key.revoked', subject: keyId, payload: { merchant_id: merchantId } }]);
  });
}

/** The owner of a live key (by its hash); undefined for an unknown, revoked or (at `now`) expired key. */
export async function findLiveMerchantKey(db: Kysely<Database>, keyHash: string, now: Date): Promise<MerchantKeyOwner | undefined> {
  const row = await db
    .selectFrom('merchant_keys')
    .select(['id', 'tenant_id', 'merchant_id', 'expires_at'])
    .where('key_hash', '=', keyHash)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .executeTakeFirst();
  return row === undefined ? undefined : { keyId: row.id, tenantId: row.tenant_id, merchantId: row.merchant_id, expiresAt: row.expires_at };
}

/** Stamps the key's last use (called at most once per authentication cache lifetime). */
export async function touchMerchantKey(db: Kysely<Database>, keyId: string, at: Date): Promise<void> {
  await db.updateTable('merchant_keys').set({ last_used_at: at }).where('id', '=', keyId).execute();
}
