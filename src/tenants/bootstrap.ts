import type { Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { countTenants, findLiveTokenId, insertToken } from './tenant.repository.js';
import { generateToken, hashToken } from './token.js';

/** The tenant a fresh install creates. */
export const defaultTenantId = 'default';

/** What the first start created: the admin token is returned only when Sentra generated it. */
export interface BootstrapResult {
  created: boolean;
  tenantId: string;
  generatedToken: string | undefined;
  /**
   * True when SENTRA_BOOTSTRAP_TOKEN is set but the installation existed already and that value is
   * not one of its live tokens: the variable was ignored, and the caller should say so.
   */
  bootstrapTokenIgnored: boolean;
}

/**
 * On a fresh install (no tenant yet) creates the default tenant and its first admin token: the
 * configured bootstrap token, or a generated one that the caller prints once. Later starts do
 * nothing. Two processes starting together create one tenant and one token.
 */
export async function bootstrapInstall(db: Kysely<Database>, bootstrapToken: string | undefined): Promise<BootstrapResult> {
  return db.transaction().execute(async (trx) => {
    const ignored = async () => bootstrapToken !== undefined && (await findLiveTokenId(trx, hashToken(bootstrapToken))) === undefined;
    const nothing = async () => ({ created: false, tenantId: defaultTenantId, generatedToken: undefined, bootstrapTokenIgnored: await ignored() });
    if ((await countTenants(trx)) > 0) return nothing();
    // A concurrent first start of another process may have won the race: then do nothing.
    const inserted = await trx
      .insertInto('tenants')
      .values({ id: defaultTenantId, name: 'Default tenant' })
      .onConflict((conflict) => conflict.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted === undefined) return nothing();
    const token = bootstrapToken ?? generateToken();
    await insertToken(trx, { tenantId: defaultTenantId, name: 'bootstrap admin', role: 'admin', token });
    return { created: true, tenantId: defaultTenantId, generatedToken: bootstrapToken === undefined ? token : undefined, bootstrapTokenIgnored: false };
  });
}
