import type { Command } from 'commander';
import type { ModelRegistry } from '../registry/model-registry.js';
import type { DatabaseHandle } from '../platform/database.js';
import { cliActor, openConfiguredDatabase } from './import-command.js';
import { usageErrorsExitWithTwo } from './validate-command.js';

interface TenantOption {
  tenant: string;
  json?: boolean;
}

/** Runs `work` with the configured database and a model registry on the configured artifact store. */
async function withRegistry<T>(work: (registry: ModelRegistry, database: DatabaseHandle) => Promise<T>): Promise<T> {
  const [{ loadConfig }, { ModelRegistry }, { createArtifactStore }, { systemClock }, { createLogger }] = await Promise.all([
    import('../platform/config.js'),
    import('../registry/model-registry.js'),
    import('../registry/create-artifact-store.js'),
    import('../platform/clock.js'),
    import('../platform/logger.js'),
  ]);
  const config = loadConfig();
  const store = await createArtifactStore(config);
  const database = await openConfiguredDatabase();
  const registry = new ModelRegistry(database.db, store, systemClock, createLogger('silent'), 2_000, config.modelMaxBytes);
  try {
    return await work(registry, database);
  } finally {
    registry.stop();
    await database.close();
  }
}

/**
 * `sentra models list|register|activate`: the model registry from the command line. Versions are
 * content-derived; activation is audited and running servers pick it up within their refresh
 * interval (2 s), without a restart.
 */
export function registerModelsCommand(program: Command): void {
  const models = program.command('models').description('list, register and activate model versions (per tenant)');
  usageErrorsExitWithTwo(
    models
      .command('list')
      .description("a tenant's registered versions, newest first; * marks the active one")
      .option('--tenant <id>', 'tenant', 'default')
      .option('--json', 'print as JSON')
      .action(async (options: TenantOption) => {
        const { listModelVersions, readActiveVersions } = await import('../registry/model-version.repository.js');
        await withRegistry(async (_registry, database) => {
          const versions = await listModelVersions(database.db, options.tenant);
          const active = (await readActiveVersions(database.db)).get(options.tenant);
          if (options.json) {
            const rows = versions.map((version) => ({ version: version.version, active: version.version === active, created_at: version.createdAt.toISOString(), created_by: version.createdBy, metadata: version.metadata }));
            process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
            return;
          }
          if (versions.length === 0) process.stdout.write(`tenant ${options.tenant} has no registered model (the server installs the default model on start)\n`);
          for (const version of versions) {
            const metrics = (version.metadata.metrics as { validation?: { auc?: number; average_precision?: number } } | null | undefined)?.validation;
            const figures = metrics === undefined ? '' : `  valid AUC ${metrics.auc ?? 'n/a'} AP ${metrics.average_precision ?? 'n/a'}`;
            process.stdout.write(`${version.version === active ? '*' : ' '} ${version.version}  ${version.createdAt.toISOString()}  by ${version.createdBy}${figures}\n`);
          }
        });
      }),
  );
  usageErrorsExitWithTwo(
    models
      .command('register')
      .description('store an artifact folder and register its version (idempotent)')
      .argument('<dir>', 'artifact folder: model.json, feature_schema.json, metadata.json')
      .option('--tenant <id>', 'tenant', 'default')
      .option('--activate', 'also make it the active model')
      .action(async (dir: string, options: TenantOption & { activate?: boolean }) => {
        const [{ readArtifactFolder }, { loadConfig }] = await Promise.all([import('../registry/model-artifact.js'), import('../platform/config.js')]);
        const artifact = await readArtifactFolder(dir, loadConfig().modelMaxBytes);
        await withRegistry(async (registry, database) => {
          await requireTenant(database, options.tenant);
          const version = await registry.register(options.tenant, artifact, cliActor());
          process.stdout.write(`registered ${version} for tenant ${options.tenant}\n`);
          if (options.activate === true) {
            await registry.activate(options.tenant, version, cliActor());
            process.stdout.write(`activated ${version}\n`);
          }
        });
      }),
  );
  usageErrorsExitWithTwo(
    models
      .command('activate')
      .description("make a registered version the tenant's active model (audited; servers switch within seconds)")
      .argument('<version>', 'a version listed by `sentra models list`')
      .option('--tenant <id>', 'tenant', 'default')
      .action(async (version: string, options: TenantOption) => {
        await withRegistry(async (registry, database) => {
          await requireTenant(database, options.tenant);
          await registry.activate(options.tenant, version, cliActor());
          process.stdout.write(`activated ${version} for tenant ${options.tenant}\n`);
        });
      }),
  );
}

async function requireTenant(database: DatabaseHandle, tenantId: string): Promise<void> {
  const tenant = await database.db.selectFrom('tenants').select('id').where('id', '=', tenantId).executeTakeFirst();
  if (tenant === undefined) {
    const { SentraError } = await import('../errors/errors.js');
    throw new SentraError('SENTRA_ERR_NOT_FOUND', `Tenant ${tenantId} does not exist (the server creates "default" on its first start)`);
  }
}
