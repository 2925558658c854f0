import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/platform/config.js';
import { openDatabase } from '../src/platform/database.js';
import { migrateToLatest } from '../src/platform/migrate.js';
import { bootstrapInstall } from '../src/tenants/bootstrap.js';
import { adminToken, freshPostgresSchema, storeKinds } from './support/test-app.js';
import { runCli } from './support/run-cli.js';
import { scoreBody } from './support/score-body.js';
import { serve } from './support/serve-process.js';

vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sentra-tokens-cli-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The status of a score request with this token against a server built on the same store. */
async function scoreStatus(env: Record<string, string>, token: string): Promise<number> {
  const { DATABASE_URL: databaseUrl, ...rest } = env;
  const sentra = await buildApp(loadConfig({ ...rest, LOG_LEVEL: 'silent', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) }));
  try {
    const response = await sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers: { authorization: `Bearer ${token}` }, payload: scoreBody() });
    return response.statusCode;
  } finally {
    await sentra.close();
  }
}

describe.each(storeKinds)('sentra tokens on %s', (store) => {
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

  it('creates a token the server accepts, lists it without the secret, revokes it', async () => {
    const created = await runCli(['tokens', 'create', '--name', 'checkout', '--role', 'service', '--json'], env);
    expect(created.code, created.stderr).toBe(0);
    const issued = JSON.parse(created.stdout);
    expect(issued).toMatchObject({ name: 'checkout', role: 'service', tenant_id: 'default' });
    expect(await scoreStatus(env, issued.token)).toBe(200);
    const listed = await runCli(['tokens', 'list'], env);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain(issued.token_id);
    expect(listed.stdout).not.toContain(issued.token);
    expect(listed.stdout).toMatch(new RegExp(`${issued.token_id}\\s+service\\s+checkout\\s+\\(last used \\d{4}-`));
    const revoked = await runCli(['tokens', 'revoke', issued.token_id], env);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(await scoreStatus(env, issued.token)).toBe(401);
    const again = await runCli(['tokens', 'revoke', issued.token_id], env);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('SENTRA_ERR_NOT_FOUND');
  });

  it('refuses an unknown role and an unknown tenant, writing nothing', async () => {
    const role = await runCli(['tokens', 'create', '--name', 'x', '--role', 'root'], env);
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('expected one of service, analyst, admin');
    const tenant = await runCli(['tokens', 'create', '--name', 'x', '--role', 'admin', '--tenant', 'nowhere'], env);
    expect(tenant.code).toBe(2);
    expect(tenant.stderr).toContain('SENTRA_ERR_NOT_FOUND');
    const past = await runCli(['tokens', 'create', '--name', 'x', '--role', 'admin', '--expires-at', '2020-01-01T00:00:00Z'], env);
    expect(past.code).toBe(2);
    expect(past.stderr).toContain('--expires-at: range: expires_at must be in the future');
    const listed = await runCli(['tokens', 'list', '--json'], env);
    expect(JSON.parse(listed.stdout).map((token: { name: string }) => token.name)).not.toContain('x');
  });

  it('creates a token with an expiry, and lists when it expires', async () => {
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const created = await runCli(['tokens', 'create', '--name', 'contractor', '--role', 'analyst', '--expires-at', expiresAt, '--json'], env);
    expect(created.code, created.stderr).toBe(0);
    const issued = JSON.parse(created.stdout);
    expect(issued).toMatchObject({ name: 'contractor', role: 'analyst', expires_at: expiresAt });
    const listed = await runCli(['tokens', 'list'], env);
    expect(listed.stdout).toMatch(new RegExp(`${issued.token_id}\\s+analyst\\s+contractor\\s+\\(last used never, expires ${expiresAt.replace(/\./g, '\\.')}\\)`));
    expect(await scoreStatus(env, issued.token)).toBe(200);
  });
});

describe('the README tour, in the order written', () => {
  it('warns when SENTRA_BOOTSTRAP_TOKEN is set for an existing installation, and a CLI admin token then creates a service token that scores', async () => {
    const dataDir = await mkdtemp(join(root, 'tour-'));
    // "The two commands": npm start creates the installation with a generated token.
    const first = await serve(dataDir, 18_311);
    expect(await first.stop()).toBe(0);
    // The tour then sets SENTRA_BOOTSTRAP_TOKEN: ignored, and now said so.
    const second = await serve(dataDir, 18_312, { SENTRA_BOOTSTRAP_TOKEN: 'demo-admin-token-0123456789' });
    expect(await second.stop()).toBe(0);
    expect(second.errors()).toContain('SENTRA_BOOTSTRAP_TOKEN is set, but this installation was created before');
    expect(second.errors()).toContain('sentra tokens create');
    // The way out the warning names: an admin token from the CLI, then a service token from the API.
    const created = await runCli(['tokens', 'create', '--name', 'tour', '--role', 'admin', '--json'], { SENTRA_DATA_DIR: dataDir, DATABASE_URL: '' });
    expect(created.code, created.stderr).toBe(0);
    const admin = JSON.parse(created.stdout).token as string;
    const third = await serve(dataDir, 18_313, { SENTRA_BOOTSTRAP_TOKEN: admin });
    const headers = { authorization: `Bearer ${admin}`, 'content-type': 'application/json' };
    const service = await fetch('http://127.0.0.1:18313/v1/admin/tokens', { method: 'POST', headers, body: JSON.stringify({ name: 'checkout', role: 'service' }) });
    expect(service.status).toBe(201);
    const token = ((await service.json()) as { token: string }).token;
    const scored = await fetch('http://127.0.0.1:18313/v1/risk/score', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(scoreBody()),
    });
    expect(scored.status).toBe(200);
    expect(await third.stop()).toBe(0);
    expect(third.errors()).not.toContain('SENTRA_BOOTSTRAP_TOKEN is set');
  });
});
