import { sql, type Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { newId } from '../platform/ids.js';
import { hashToken } from './token.js';
import type { Role } from '../contract/admin.js';

/** Who is calling: the tenant their token belongs to and its role. */
export interface Principal {
  tenantId: string;
  tokenId: string;
  role: Role;
}

/** Creates a tenant; returns its id. */
export async function insertTenant(db: Kysely<Database>, id: string, name: string): Promise<void> {
  await db.insertInto('tenants').values({ id, name }).execute();
}

/** Stores a token (hashed) for a tenant; returns the token id. */
export async function insertToken(
  db: Kysely<Database>,
  input: { tenantId: string; name: string; role: Role; token: string; expiresAt?: Date | null },
): Promise<string> {
  const id = newId('tok');
  await db
    .insertInto('api_tokens')
    .values({ id, tenant_id: input.tenantId, name: input.name, role: input.role, token_hash: hashToken(input.token), revoked_at: null, expires_at: input.expiresAt ?? null })
    .execute();
  return id;
}

/**
 * Finds the live token with this hash (not revoked, not expired at `now`), or undefined, and records that it was used, in one round
 * trip. The caller caches the answer, so the last-used time moves at most once per cache lifetime
 * per process. The touch skips a row another request is touching right now (SKIP LOCKED): a burst
 * of first requests with the same token never queues on that row's lock.
 */
export async function findPrincipalByTokenHash(db: Kysely<Database>, tokenHash: string, now: Date): Promise<(Principal & { expiresAt: Date | null }) | undefined> {
  const result = await sql<{ id: string; tenant_id: string; role: Role; expires_at: Date | null }>`
    with touched as (
      update api_tokens set last_used_at = now()
       where id = (select id from api_tokens where token_hash = ${tokenHash} and revoked_at is null
                      and (expires_at is null or expires_at > ${now}) for update skip locked)
      returning id)
    select id, tenant_id, role, expires_at from api_tokens
     where token_hash = ${tokenHash} and revoked_at is null and (expires_at is null or expires_at > ${now})`.execute(db);
  const row = result.rows[0];
  return row === undefined ? undefined : { tenantId: row.tenant_id, tokenId: row.id, role: row.role, expiresAt: row.expires_at === null ? null : new Date(row.expires_at) };
}

/** The id of the live token with this hash, without recording a use. */
export async function findLiveTokenId(db: Kysely<Database>, tokenHash: string): Promise<string | undefined> {
  const row = await db.selectFrom('api_tokens').select('id').where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).executeTakeFirst();
  return row?.id;
}

/** Number of tenants (zero on a fresh install). */
export async function countTenants(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('tenants').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}
