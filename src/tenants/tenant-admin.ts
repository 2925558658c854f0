import type { Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { appendAudit } from '../audit/audit.repository.js';
import { SentraError } from '../errors/errors.js';
import { defaultTenantId } from './bootstrap.js';
import { insertToken } from './tenant.repository.js';
import { generateToken } from './token.js';
import type { AdminAct, IssuedToken } from './token-admin.js';

/**
 * The tenant whose admins administer the installation (create tenants): the one the first start
 * created. Every other tenant's admins administer only their own tenant.
 */
export const installationTenantId = defaultTenantId;

/** A tenant just created, with its first admin token (shown once). */
export interface CreatedTenant {
  tenantId: string;
  name: string;
  admin: IssuedToken;
}

/**
 * Creates a tenant and its first admin token in one transaction. The creation is audited twice: in
 * the installation tenant's chain (who created it) and as the first entry of the new tenant's chain.
 */
export async function createTenant(db: Kysely<Database>, input: { tenantId: string; name: string }, act: AdminAct): Promise<CreatedTenant> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('tenants')
      .values({ id: input.tenantId, name: input.name })
      .onConflict((conflict) => conflict.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted === undefined) throw new SentraError('SENTRA_ERR_CONFLICT', `Tenant ${input.tenantId} exists already`);
    const token = generateToken();
    const admin = { tenantId: input.tenantId, name: 'first admin', role: 'admin' as const };
    const tokenId = await insertToken(trx, { ...admin, token });
    const payload = { name: input.name, admin_token_id: tokenId };
    await appendAudit(trx, [
      { tenantId: installationTenantId, at: act.at, actor: act.actor, action: 'tenant.created', subject: input.tenantId, payload },
      { tenantId: input.tenantId, at: act.at, actor: act.actor, action: 'tenant.created', subject: input.tenantId, payload },
    ]);
    return { tenantId: input.tenantId, name: input.name, admin: { tokenId, token, ...admin, expiresAt: null } };
  });
}
