import { InvalidArgumentError, type Command } from 'commander';
import type { Role } from '../contract/admin.js';
import type { DatabaseHandle } from '../platform/database.js';
import { cliActor, openConfiguredDatabase } from './import-command.js';
import { usageErrorsExitWithTwo } from './validate-command.js';

interface TenantOption {
  tenant: string;
  json?: boolean;
}

const roleNames: readonly string[] = ['service', 'analyst', 'admin'];

function parseRole(value: string): Role {
  if (!roleNames.includes(value)) throw new InvalidArgumentError(`expected one of ${roleNames.join(', ')}.`);
  return value as Role;
}

async function withDatabase<T>(tenantId: string, work: (database: DatabaseHandle) => Promise<T>): Promise<T> {
  const database = await openConfiguredDatabase();
  try {
    const tenant = await database.db.selectFrom('tenants').select('id').where('id', '=', tenantId).executeTakeFirst();
    if (tenant === undefined) {
      const { SentraError } = await import('../errors/errors.js');
      throw new SentraError('SENTRA_ERR_NOT_FOUND', `Tenant ${tenantId} does not exist (the server creates "default" on its first start)`);
    }
    return await work(database);
  } finally {
    await database.close();
  }
}

const act = () => ({ actor: cliActor(), at: new Date() });

/**
 * `sentra tokens create|list|revoke`: a tenant's credentials from the command line, against the
 * configured store (the embedded data folder, or DATABASE_URL). Same rules and audit entries as
 * `/v1/admin/tokens`. With the embedded store, stop the server first (one process owns the folder).
 */
export function registerTokensCommand(program: Command): void {
  const tokens = program.command('tokens').description("create, list and revoke a tenant's API tokens");
  usageErrorsExitWithTwo(
    tokens
      .command('create')
      .description('issue a token; its secret is printed once and stored only hashed')
      .requiredOption('--name <name>', 'who or what uses it')
      .requiredOption('--role <role>', 'service | analyst | admin', parseRole)
      .option('--tenant <id>', 'tenant', 'default')
      .option('--expires-at <date-time>', 'when it stops authenticating (ISO 8601, in the future); default: until revoked')
      .option('--json', 'print as JSON')
      .action(async (options: TenantOption & { name: string; role: Role; expiresAt?: string }) => {
        const { issueToken } = await import('../tenants/token-admin.js');
        const { credentialExpiry } = await import('../tenants/credential-expiry.js');
        const expiresAt = credentialExpiry(options.expiresAt, Date.now(), '--expires-at');
        await withDatabase(options.tenant, async (database) => {
          const issued = await issueToken(database.db, { tenantId: options.tenant, name: options.name, role: options.role, expiresAt }, act());
          const expires = issued.expiresAt?.toISOString() ?? null;
          if (options.json) {
            process.stdout.write(`${JSON.stringify({ token_id: issued.tokenId, token: issued.token, name: issued.name, role: issued.role, tenant_id: issued.tenantId, expires_at: expires })}\n`);
            return;
          }
          const until = expires === null ? '' : ` (expires ${expires})`;
          process.stdout.write(`created ${issued.role} token ${issued.tokenId} "${issued.name}" for tenant ${issued.tenantId}${until}; shown only this once:\n\n  ${issued.token}\n\n`);
        });
      }),
  );
  usageErrorsExitWithTwo(
    tokens
      .command('list')
      .description("the tenant's tokens with their last use (never the secret)")
      .option('--tenant <id>', 'tenant', 'default')
      .option('--json', 'print as JSON')
      .action(async (options: TenantOption) => {
        const { listTokens } = await import('../tenants/token-admin.js');
        await withDatabase(options.tenant, async (database) => {
          const list = await listTokens(database.db, options.tenant);
          if (options.json) {
            process.stdout.write(`${JSON.stringify(list.map((token) => ({ token_id: token.tokenId, name: token.name, role: token.role, created_at: token.createdAt, last_used_at: token.lastUsedAt, revoked_at: token.revokedAt, expires_at: token.expiresAt })))}\n`);
            return;
          }
          for (const token of list) {
            const used = `last used ${token.lastUsedAt?.toISOString() ?? 'never'}`;
            const expiry = token.expiresAt === null ? '' : `, ${token.expiresAt.getTime() <= Date.now() ? 'expired' : 'expires'} ${token.expiresAt.toISOString()}`;
            const state = token.revokedAt === null ? `${used}${expiry}` : `revoked ${token.revokedAt.toISOString()}`;
            process.stdout.write(`${token.tokenId}  ${token.role.padEnd(7)}  ${token.name}  (${state})\n`);
          }
        });
      }),
  );
  usageErrorsExitWithTwo(
    tokens
      .command('revoke')
      .description('revoke a token (servers stop accepting it within 5 s)')
      .argument('<token_id>', 'an id listed by `sentra tokens list`')
      .option('--tenant <id>', 'tenant', 'default')
      .action(async (tokenId: string, options: TenantOption) => {
        const { revokeToken } = await import('../tenants/token-admin.js');
        await withDatabase(options.tenant, async (database) => {
          await revokeToken(database.db, options.tenant, tokenId, act());
          process.stdout.write(`revoked ${tokenId}\n`);
        });
      }),
  );
}
