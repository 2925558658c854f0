import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../src/platform/database.js';
import { migrateToLatest } from '../src/platform/migrate.js';
import { artifactVersion, readArtifactFolder, writeArtifactFolder } from '../src/registry/model-artifact.js';
import { defaultModelFolder } from '../src/registry/model-registry.js';
import { bootstrapInstall } from '../src/tenants/bootstrap.js';
import { adminToken, freshPostgresSchema, startTestApp, storeKinds } from './support/test-app.js';
import { runCli, spawnCli } from './support/run-cli.js';
import { scoreBody } from './support/score-body.js';

// Each test runs the CLI in several child processes (a few seconds each on a busy machine).
vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

let root: string;
let candidate: string;
let candidateVersion: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sentra-models-cli-'));
  // A second artifact: the default model under another name (another content-derived version).
  const artifact = await readArtifactFolder(defaultModelFolder);
  candidate = join(root, 'candidate');
  await writeArtifactFolder(candidate, { ...artifact, modelJson: artifact.modelJson.replace('"attributes":{}', '"attributes":{"candidate":"1"}'), metadata: { ...artifact.metadata, name: 'candidate' } });
  candidateVersion = artifactVersion(await readArtifactFolder(candidate));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe.each(storeKinds)('sentra models on %s', (store) => {
  let env: Record<string, string>;

  beforeAll(async () => {
    const dataDir = await mkdtemp(join(root, `${store}-`));
    const databaseUrl = store === 'postgres' ? await freshPostgresSchema() : '';
    env = { SENTRA_DATA_DIR: dataDir, DATABASE_URL: databaseUrl };
    const database = await openDatabase({ databaseUrl: databaseUrl === '' ? undefined : databaseUrl, dataDir, timeoutMs: 5000 });
    await migrateToLatest(database.db as never);
    await bootstrapInstall(database.db, adminToken);
    await database.close();
  });

  it('registers, lists and activates versions, audited', async () => {
    const empty = await runCli(['models', 'list'], env);
    expect(empty.code, empty.stderr).toBe(0);
    expect(empty.stdout).toContain('has no registered model');
    const registered = await runCli(['models', 'register', candidate, '--activate'], env);
    expect(registered.stderr).toBe('');
    expect(registered.code, registered.stderr).toBe(0);
    expect(registered.stdout).toContain(`registered ${candidateVersion} for tenant default`);
    expect(registered.stdout).toContain(`activated ${candidateVersion}`);
    const defaultVersion = artifactVersion(await readArtifactFolder(defaultModelFolder));
    expect(await runCli(['models', 'register', defaultModelFolder], env)).toMatchObject({ code: 0, stderr: '' });
    let listed = await runCli(['models', 'list'], env);
    expect(listed.stdout).toContain(`* ${candidateVersion}`);
    expect(listed.stdout).toContain(`  ${defaultVersion}`);
    expect(listed.stdout).toContain('valid AUC 0.92');
    const activated = await runCli(['models', 'activate', defaultVersion], env);
    expect(activated.code, activated.stderr).toBe(0);
    listed = await runCli(['models', 'list', '--json'], env);
    const rows = JSON.parse(listed.stdout) as { version: string; active: boolean }[];
    expect(rows.filter((row) => row.active).map((row) => row.version)).toEqual([defaultVersion]);
    const unknown = await runCli(['models', 'activate', 'no-such-version'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('SENTRA_ERR_NOT_FOUND');
    const otherTenant = await runCli(['models', 'register', candidate, '--tenant', 'nobody'], env);
    expect(otherTenant.code).toBe(2);
    const database = await openDatabase({ databaseUrl: env.DATABASE_URL === '' ? undefined : env.DATABASE_URL, dataDir: env.SENTRA_DATA_DIR!, timeoutMs: 5000 });
    const actions = await database.db.selectFrom('audit_log').select(['action', 'subject', 'actor']).orderBy('seq').execute();
    await database.close();
    expect(actions.map((entry) => `${entry.action} ${entry.subject}`)).toEqual([
      `model.registered ${candidateVersion}`,
      `model.activated ${candidateVersion}`,
      `model.registered ${defaultVersion}`,
      `model.activated ${defaultVersion}`,
    ]);
    expect(actions[1]!.actor).toMatch(/^cli:/);
  });
});

describe.runIf(storeKinds.includes('postgres'))('sentra models activate with a running server', () => {
  it('switches the model the server scores with within its refresh interval, without a restart', async () => {
    const databaseUrl = await freshPostgresSchema();
    const sentra = await startTestApp('postgres', { DATABASE_URL: databaseUrl });
    try {
      const env = { SENTRA_DATA_DIR: sentra.dataDir, DATABASE_URL: databaseUrl, SENTRA_ARTIFACT_DIR: sentra.runtime.config.artifactDir };
      const score = async () =>
        (await sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers: { authorization: `Bearer ${adminToken}` }, payload: scoreBody() })).json().model_version as string;
      expect(await score()).not.toBe(candidateVersion);
      expect(await runCli(['models', 'register', candidate, '--activate'], env)).toMatchObject({ code: 0, stderr: '' });
      const deadline = Date.now() + 10_000;
      let version = await score();
      while (version !== candidateVersion && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        version = await score();
      }
      expect(version).toBe(candidateVersion);
    } finally {
      await sentra.close();
    }
  });
});

describe('sentra models beside a running embedded server', () => {
  it('points to the API instead of opening the locked folder, and goes through the API with --server', async () => {
    const dataDir = await mkdtemp(join(root, 'served-'));
    const port = 18_431;
    const url = `http://127.0.0.1:${port}`;
    const server = spawnCli(['serve'], { SENTRA_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: '', REDIS_URL: '', SENTRA_BOOTSTRAP_TOKEN: adminToken });
    let output = '';
    server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const closed = once(server, 'close');
    try {
      const deadline = Date.now() + 90_000;
      while ((await fetch(`${url}/readyz`).then((response) => response.status, () => 0)) !== 200) {
        if (server.exitCode !== null || Date.now() > deadline) throw new Error(`serve did not become ready: ${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const score = async () => {
        const response = await fetch(`${url}/v1/risk/score`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' }, body: JSON.stringify(scoreBody()) });
        return ((await response.json()) as { model_version: string }).model_version;
      };
      const before = await score();
      const env = { SENTRA_DATA_DIR: dataDir, DATABASE_URL: '' };

      // Without --server: refused (the server holds the folder), saying how to do it through the API.
      const refused = await runCli(['models', 'register', candidate, '--activate'], env);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('SENTRA_ERR_DATA_DIR_LOCKED');
      expect(refused.stderr).toContain(`sentra models register ${candidate} --activate --server`);
      expect(refused.stderr).toContain('POST /v1/admin/models/{version}/activate');

      // With --server but no token: a clear error, nothing sent.
      const noToken = await runCli(['models', 'register', candidate, '--activate', '--server', url], { ...env, SENTRA_TOKEN: '' });
      expect(noToken.code).toBe(2);
      expect(noToken.stderr).toContain('SENTRA_TOKEN');

      const registered = await runCli(['models', 'register', candidate, '--activate', '--server', url], { ...env, SENTRA_TOKEN: adminToken });
      expect(registered.stderr).toBe('');
      expect(registered.stdout).toContain(`registered ${candidateVersion} on ${url}`);
      expect(registered.stdout).toContain(`activated ${candidateVersion}`);
      // The server scores with it from its next request, no restart.
      expect(await score()).toBe(candidateVersion);
      const listed = await runCli(['models', 'list', '--server', url], { ...env, SENTRA_TOKEN: adminToken });
      expect(listed.stdout).toContain(`* ${candidateVersion}`);
      expect(listed.stdout).toContain(`  ${before}`);
      const back = await runCli(['models', 'activate', before, '--server', url], { ...env, SENTRA_TOKEN: adminToken });
      expect(back).toMatchObject({ code: 0, stderr: '' });
      expect(await score()).toBe(before);
      const unknown = await runCli(['models', 'activate', 'no-such-version', '--server', url], { ...env, SENTRA_TOKEN: adminToken });
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('SENTRA_ERR_NOT_FOUND');
    } finally {
      server.kill('SIGTERM');
      await closed;
    }
    // Stopped, the server kept what went through it: the folder opens and the registration and activation are there.
    const after = await runCli(['models', 'list'], { SENTRA_DATA_DIR: dataDir, DATABASE_URL: '' });
    expect(after.code, after.stderr).toBe(0);
    expect(after.stdout).toContain(`  ${candidateVersion}`);
    expect(after.stdout).toMatch(/\* sentra-default-/);
  });
});
