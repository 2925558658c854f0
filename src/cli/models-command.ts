import type { Command } from 'commander';
import type { ModelRegistry } from '../registry/model-registry.js';
import type { DatabaseHandle } from '../platform/database.js';
import { cliActor, openConfiguredDatabase } from './import-command.js';
import { usageErrorsExitWithTwo } from './validate-command.js';

interface TenantOption {
  tenant: string;
  json?: boolean;
  /** A running server to go through (its API) instead of opening the data folder. */
  server?: string;
}

/** A version as the server's API lists it. */
interface ServerModelVersion {
  version: string;
  active: boolean;
  registered_at: string;
  registered_by: string;
  metrics: { validation?: { auc?: number; average_precision?: number } } | null;
  created?: boolean;
}

const serverOption = ['--server <url>', `go through a running server's API (e.g. http://127.0.0.1:8080) with the admin token in SENTRA_TOKEN; the tenant is the token's`] as const;

/**
 * Opening the embedded data folder beside the server that holds it is refused: say how the same
 * change goes through that server instead.
 */
async function besideServer<T>(how: string, work: () => Promise<T>): Promise<T> {
  const { SentraError } = await import('../errors/errors.js');
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof SentraError) || error.code !== 'SENTRA_ERR_DATA_DIR_LOCKED') throw error;
    throw new SentraError(
      'SENTRA_ERR_DATA_DIR_LOCKED',
      `${error.message}\nTo do this beside the running server, go through its API: SENTRA_TOKEN=<admin token> ${how} --server http://127.0.0.1:<PORT> ` +
        '(or POST /v1/admin/models, POST /v1/admin/models/{version}/activate, or the console at /admin/models). The server then scores with the new model from its next request.',
    );
  }
}

/** Runs `work` with the configured database and a model registry on the configured artifact store. */
async function withRegistry<T>(work: (registry: ModelRegistry, database: DatabaseHandle) => Promise<T>): Promise<T> {
  const [{ loadConfig }, { ModelRegistry }, { createArtifactStore }, { systemClock }, { createLogger }] = await Promise.all([
    import('../platform/config.js'),
    import('../registry/model-registry.js'),
    import('../platform/artifacts/create-artifact-store.js'),
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
      .option(...serverOption)
      .action(async (options: TenantOption) => {
        if (options.server !== undefined) {
          const { callServer, serverTarget } = await import('./server-api.js');
          const listed = await callServer<{ items: ServerModelVersion[] }>(serverTarget(options.server), 'GET', '/v1/admin/models');
          if (options.json) process.stdout.write(`${JSON.stringify(listed.items, null, 2)}\n`);
          else for (const version of listed.items) process.stdout.write(`${versionLine(version.version, version.active, version.registered_at, version.registered_by, version.metrics)}\n`);
          return;
        }
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
            process.stdout.write(`${versionLine(version.version, version.version === active, version.createdAt.toISOString(), version.createdBy, version.metadata.metrics as ServerModelVersion['metrics'])}\n`);
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
      .option(...serverOption)
      .action(async (dir: string, options: TenantOption & { activate?: boolean }) => {
        const [{ readArtifactFolder }, { loadConfig }] = await Promise.all([import('../registry/model-artifact.js'), import('../platform/config.js')]);
        const artifact = await readArtifactFolder(dir, loadConfig().modelMaxBytes);
        if (options.server !== undefined) {
          const { callServer, serverTarget } = await import('./server-api.js');
          const body = { model_json: artifact.modelJson, feature_schema: artifact.featureSchema, metadata: artifact.metadata, activate: options.activate === true };
          const registered = await callServer<ServerModelVersion>(serverTarget(options.server), 'POST', '/v1/admin/models', body);
          process.stdout.write(`${registered.created === true ? 'registered' : 'already registered'} ${registered.version} on ${options.server}\n`);
          if (registered.active) process.stdout.write(`activated ${registered.version}\n`);
          return;
        }
        await besideServer(`sentra models register ${dir}${options.activate === true ? ' --activate' : ''}`, () => withRegistry(async (registry, database) => {
          await requireTenant(database, options.tenant);
          const version = await registry.register(options.tenant, artifact, cliActor());
          process.stdout.write(`registered ${version} for tenant ${options.tenant}\n`);
          if (options.activate === true) {
            await registry.activate(options.tenant, version, cliActor());
            process.stdout.write(`activated ${version}\n`);
          }
        }));
      }),
  );
  usageErrorsExitWithTwo(
    models
      .command('activate')
      .description("make a registered version the tenant's active model (audited; servers switch within seconds)")
      .argument('<version>', 'a version listed by `sentra models list`')
      .option('--tenant <id>', 'tenant', 'default')
      .option(...serverOption)
      .action(async (version: string, options: TenantOption) => {
        if (options.server !== undefined) {
          const { callServer, serverTarget } = await import('./server-api.js');
          await callServer<ServerModelVersion>(serverTarget(options.server), 'POST', `/v1/admin/models/${encodeURIComponent(version)}/activate`);
          process.stdout.write(`activated ${version} on ${options.server}\n`);
          return;
        }
        await besideServer(`sentra models activate ${version}`, () => withRegistry(async (registry, database) => {
          await requireTenant(database, options.tenant);
          await registry.activate(options.tenant, version, cliActor());
          process.stdout.write(`activated ${version} for tenant ${options.tenant}\n`);
        }));
      }),
  );
}

/** One line of `models list`: * marks the active version, then registration and validation figures. */
function versionLine(version: string, active: boolean, registeredAt: string, registeredBy: string, metrics: ServerModelVersion['metrics'] | undefined): string {
  const validation = metrics?.validation;
  const figures = validation === undefined ? '' : `  valid AUC ${validation.auc ?? 'n/a'} AP ${validation.average_precision ?? 'n/a'}`;
  return `${active ? '*' : ' '} ${version}  ${registeredAt}  by ${registeredBy}${figures}`;
}

async function requireTenant(database: DatabaseHandle, tenantId: string): Promise<void> {
  const tenant = await database.db.selectFrom('tenants').select('id').where('id', '=', tenantId).executeTakeFirst();
  if (tenant === undefined) {
    const { SentraError } = await import('../errors/errors.js');
    throw new SentraError('SENTRA_ERR_NOT_FOUND', `Tenant ${tenantId} does not exist (the server creates "default" on its first start)`);
  }
}
