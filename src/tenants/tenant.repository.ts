import { sql, type Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { newId } from '../platform/ids.js';
import { hashToken, type Role } from './token.js';

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
  input: { tenantId: string; name: string; role: Role; token: string },
): Promise<string> {
  const id = newId('tok');
  await db
    .insertInto('api_tokens')
    .values({ id, tenant_id: input.tenantId, name: input.name, role: input.role, token_hash: hashToken(input.token), revoked_at: null })
    .execute();
  return id;
}

/**
 * Finds the live token with this hash, or undefined, and records that it was used. The caller
 * caches the answer, so the last-used time moves at most once per cache lifetime per process.
 */
export async function findPrincipalByTokenHash(db: Kysely<Database>, tokenHash: string): Promise<Principal | undefined> {
  const row = await db
    .updateTable('api_tokens')
    .set({ last_used_at: sql<Date>`now()` })
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .returning(['id', 'tenant_id', 'role'])
    .executeTakeFirst();
  return row === undefined ? undefined : { tenantId: row.tenant_id, tokenId: row.id, role: row.role };
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
