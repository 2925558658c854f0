import type { Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { appendAudit } from '../audit/audit.repository.js';
import { SentraError } from '../errors/errors.js';
import { insertToken } from './tenant.repository.js';
import { generateToken } from './token.js';
import type { Role } from '../contract/admin.js';

/** A token as it is issued: the secret is in this answer and nowhere else, ever. */
export interface IssuedToken {
  tokenId: string;
  token: string;
  tenantId: string;
  name: string;
  role: Role;
  /** When it stops authenticating; null: until revoked. */
  expiresAt: Date | null;
}

/** A token as it is listed: never the secret. */
export interface TokenSummary {
  tokenId: string;
  name: string;
  role: Role;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date | null;
}

/** Who changes credentials, and when (for the audit entry). */
export interface AdminAct {
  actor: string;
  at: Date;
}

/** Issues a new token of a role in a tenant, stored hashed and audited in the same transaction. */
export async function issueToken(db: Kysely<Database>, input: { tenantId: string; name: string; role: Role; expiresAt?: Date | null }, act: AdminAct): Promise<IssuedToken> {
  const expiresAt = input.expiresAt ?? null;
  return db.transaction().execute(async (trx) => {
    const token = generateToken();
    const tokenId = await insertToken(trx, { ...input, token, expiresAt });
    await appendAudit(trx, [
      {
        tenantId: input.tenantId,
        at: act.at,
        actor: act.actor,
        action: 'token.created',
        subject: tokenId,
        payload: { name: input.name, role: input.role, ...(expiresAt === null ? {} : { expires_at: expiresAt.toISOString() }) },
      },
    ]);
    return { tokenId, token, tenantId: input.tenantId, name: input.name, role: input.role, expiresAt };
  });
}

/** The tenant's tokens, newest first, revoked ones included (with their revocation time). */
export async function listTokens(db: Kysely<Database>, tenantId: string): Promise<TokenSummary[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'role', 'created_at', 'last_used_at', 'revoked_at', 'expires_at'])
    .where('tenant_id', '=', tenantId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((row) => ({ tokenId: row.id, name: row.name, role: row.role, createdAt: row.created_at, lastUsedAt: row.last_used_at, revokedAt: row.revoked_at, expiresAt: row.expires_at }));
}

/**
 * Revokes a live token of the tenant, audited. Another tenant's token, an unknown id and an already
 * revoked token are all "not found", so ids of other tenants cannot be probed.
 */
export async function revokeToken(db: Kysely<Database>, tenantId: string, tokenId: string, act: AdminAct): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const revoked = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: act.at })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', tokenId)
      .where('revoked_at', 'is', null)
      .returning(['name', 'role'])
      .executeTakeFirst();
    if (revoked === undefined) throw new SentraError('SENTRA_ERR_NOT_FOUND', `No live token ${tokenId} in this tenant`);
    await appendAudit(trx, [{ tenantId, at: act.at, actor: act.actor, action: 'token.revoked', subject: tokenId, payload: { name: revoked.name, role: revoked.role } }]);
  });
}
