import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, type TestApp } from './support/test-app.js';
import { scoreBody } from './support/score-body.js';
import { artifactVersion, readArtifactFolder } from '../src/registry/model-artifact.js';
import { defaultModelFolder, ModelRegistry } from '../src/registry/model-registry.js';
import { writeActiveVersion } from '../src/registry/model-version.repository.js';
import { createArtifactStore } from '../src/platform/artifacts/create-artifact-store.js';
import { createLogger } from '../src/platform/logger.js';
import { systemClock } from '../src/platform/clock.js';
import { SentraError } from '../src/errors/errors.js';
import { secretPatterns } from './support/log-scan.js';

describe('model artifacts on load', () => {
  let sentra: TestApp;
  /** The app's log (warnings and errors), kept here to find the detail a client is not told. */
  const logLines: string[] = [];
  beforeAll(async () => {
    sentra = await startTestApp('pglite', {}, { logger: createLogger('warn', 'sentra', { write: (line: string) => void logLines.push(line) }) });
  });
  afterAll(async () => {
    await sentra.close();
    // This app's log is kept here rather than in the run's scanned folder: scan it the same way.
    for (const { name, pattern } of secretPatterns) expect(logLines.filter((line) => pattern.test(line)), name).toEqual([]);
  });

  /** Registers a renamed copy of the default model for a new tenant, then lets `change` edit its stored files and activates it behind the registry's back (as another process would). */
  async function tenantWithStoredModel(tenantId: string, change: (folder: string) => void): Promise<string> {
    const token = await sentra.addTenant(tenantId, 'analyst');
    const artifact = await readArtifactFolder(defaultModelFolder);
    artifact.metadata = { ...artifact.metadata, name: tenantId };
    const version = await sentra.runtime.models.register(tenantId, artifact, 'test');
    change(join(sentra.runtime.config.artifactDir, 'models', version));
    await writeActiveVersion(sentra.runtime.database.db, tenantId, version, 'test', new Date());
    return token;
  }

  const score = (token: string) =>
    sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers: { authorization: `Bearer ${token}` }, payload: scoreBody() });

  function expectGenericUnavailable(response: Awaited<ReturnType<typeof score>>): void {
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBeDefined();
    const { error } = response.json();
    expect(error.code).toBe('SENTRA_ERR_MODEL_UNAVAILABLE');
    for (const leak of [sentra.dataDir, 'models/', 'JSON', 'ENOENT', '.json']) expect(response.body).not.toContain(leak);
  }

  it('refuses a stored model whose files were swapped after registration, and never scores with it', async () => {
    const token = await tenantWithStoredModel('swapped', (folder) => {
      const path = join(folder, 'model.json');
      const original = readFileSync(path, 'utf8');
      const swapped = original.replace(/"base_score":"[^"]*"/, '"base_score":"0.9"');
      expect(swapped).not.toBe(original);
      writeFileSync(path, swapped);
    });
    expectGenericUnavailable(await score(token));
    // The operator is told what the client is not: which version, and that its files were changed.
    const logged = logLines.filter((line) => line.includes('the active model cannot be loaded') && line.includes('"tenantId":"swapped"'));
    expect(logged.length).toBeGreaterThan(0);
    expect(logged[0]).toMatch(/its files were changed after registration/);
    // The default tenant's untouched model keeps scoring.
    expect((await score(adminToken)).statusCode).toBe(200);
  });

  it('answers a corrupt metadata.json with a generic 503, not as if the request body were bad JSON', async () => {
    const token = await tenantWithStoredModel('corrupt', (folder) => writeFileSync(join(folder, 'metadata.json'), '{"name": "corr'));
    expectGenericUnavailable(await score(token));
  });

  it('answers a missing artifact file with the same generic 503', async () => {
    const token = await tenantWithStoredModel('missing', (folder) => writeFileSync(join(folder, 'feature_schema.json'), ''));
    expectGenericUnavailable(await score(token));
  });

  it('refuses artifact files above the size cap before reading them', async () => {
    const small = new ModelRegistry(
      sentra.runtime.database.db,
      await createArtifactStore(sentra.runtime.config),
      systemClock,
      createLogger('silent'),
      60_000,
      1024,
    );
    const failure = await small.active('default').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SentraError);
    expect((failure as SentraError).code).toBe('SENTRA_ERR_MODEL_UNAVAILABLE');
    const folderFailure = await readArtifactFolder(defaultModelFolder, 1024).catch((error: unknown) => error);
    expect((folderFailure as SentraError).code).toBe('SENTRA_ERR_MODEL_FORMAT');
    expect((folderFailure as SentraError).message).toContain('above the limit of 1024');
    small.stop();
  });

  it('still loads an untouched stored artifact under its content-derived version', async () => {
    const token = await tenantWithStoredModel('intact', () => undefined);
    const response = await score(token);
    expect(response.statusCode).toBe(200);
    const artifact = await readArtifactFolder(defaultModelFolder);
    expect(response.json().model_version).toBe(artifactVersion({ ...artifact, metadata: { ...artifact.metadata, name: 'intact' } }));
  });
});
