import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../platform/config.js';
import { openDatabase, type DatabaseHandle } from '../platform/database.js';
import { migrateToLatest } from '../platform/migrate.js';
import { systemClock } from '../platform/clock.js';
import { createLogger } from '../platform/logger.js';
import { SentraError } from '../errors/errors.js';
import { bootstrapInstall } from '../tenants/bootstrap.js';
import { fakeS3Credentials, startFakeS3, type FakeS3 } from '../../test/support/fake-s3.js';
import { createArtifactStore } from '../platform/artifacts/create-artifact-store.js';
import { artifactFiles, readArtifactFolder } from './model-artifact.js';
import { defaultModelFolder, ModelRegistry } from './model-registry.js';
import { listModelVersions, readActiveVersions } from './model-version.repository.js';

let fake: FakeS3;
let dataDir: string;
let config: Config;
let database: DatabaseHandle;
const registries: ModelRegistry[] = [];

/** A registry as a freshly started process builds it: its own S3 client, no compiled model cached. */
async function freshRegistry(): Promise<ModelRegistry> {
  const registry = new ModelRegistry(database.db, await createArtifactStore(config, { credentials: fakeS3Credentials }), systemClock, createLogger('silent'));
  registries.push(registry);
  return registry;
}

beforeAll(async () => {
  fake = await startFakeS3({ buckets: ['sentra-models'] });
  dataDir = mkdtempSync(join(tmpdir(), 'sentra-registry-'));
  config = loadConfig({
    SENTRA_DATA_DIR: dataDir,
    SENTRA_ARTIFACT_STORE: 's3',
    SENTRA_S3_BUCKET: 'sentra-models',
    SENTRA_S3_PREFIX: 'prod/sentra',
    SENTRA_S3_ENDPOINT: fake.endpoint,
    SENTRA_S3_FORCE_PATH_STYLE: 'true',
  });
  database = await openDatabase({ databaseUrl: undefined, dataDir, timeoutMs: 5_000, inMemory: true });
  await migrateToLatest(database.db as never);
  await bootstrapInstall(database.db, undefined);
});

afterAll(async () => {
  for (const registry of registries) registry.stop();
  await database.close();
  await fake.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('ModelRegistry on an S3 artifact store', () => {
  it('registers and activates into the bucket; a fresh registry loads the active model from S3', async () => {
    const first = await freshRegistry();
    await first.start();
    const defaultVersion = first.activeVersionOf('default');
    expect(defaultVersion).toBeDefined();

    const artifact = await readArtifactFolder(defaultModelFolder);
    const candidate = await first.register('default', { ...artifact, metadata: { ...artifact.metadata, name: 'candidate' } }, 'test');
    await first.activate('default', candidate, 'test');
    expect(candidate).not.toBe(defaultVersion);

    const rows = await listModelVersions(database.db, 'default');
    expect(rows.find((row) => row.version === candidate)?.artifactUri).toBe(`s3://sentra-models/prod/sentra/models/${candidate}/model.json`);
    for (const file of Object.values(artifactFiles)) expect(fake.objects.has(`sentra-models/prod/sentra/models/${candidate}/${file}`)).toBe(true);
    expect(existsSync(config.artifactDir)).toBe(false);

    fake.requests.length = 0;
    const second = await freshRegistry();
    await second.start();
    expect(second.activeVersionOf('default')).toBe(candidate);
    expect((await second.active('default')).version).toBe(candidate);
    expect(fake.requests.map((request) => `${request.method} ${request.path}`).sort()).toEqual(
      Object.values(artifactFiles)
        .map((file) => `GET /sentra-models/prod/sentra/models/${candidate}/${file}`)
        .sort(),
    );
  });

  it('fails the start with NOT_FOUND naming the object when the active artifact is gone from the bucket', async () => {
    const active = (await readActiveVersions(database.db)).get('default');
    expect(active).toBeDefined();
    fake.objects.delete(`sentra-models/prod/sentra/models/${active}/${artifactFiles.model}`);
    const error = await (await freshRegistry()).start().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(SentraError);
    expect((error as SentraError).code).toBe('SENTRA_ERR_NOT_FOUND');
    expect((error as SentraError).message).toContain(`s3://sentra-models/prod/sentra/models/${active}/model.json`);
  });
});
