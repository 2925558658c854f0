import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Redis } from 'ioredis';
import { buildApp, type AppOptions, type SentraApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config.js';
import { insertTenant, insertToken } from '../../src/tenants/tenant.repository.js';
import type { Role } from '../../src/contract/admin.js';
import { testAppLogger } from './test-log.js';

/** The admin token every test app is bootstrapped with. */
export const adminToken = 'test-admin-token-0123456789abcdef';

/** The stores a persistence suite runs against: PGlite always, PostgreSQL when DATABASE_URL is set. */
export const storeKinds: readonly ('pglite' | 'postgres')[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/** A running test app and what a test needs around it. */
export interface TestApp extends SentraApp {
  readonly dataDir: string;
  readonly store: 'pglite' | 'postgres';
  /** Creates another tenant with a token of the given role; returns the token. */
  addTenant(tenantId: string, role?: Role): Promise<string>;
  /** Adds a token of a role to an existing tenant; returns the token. */
  addToken(tenantId: string, role: Role): Promise<string>;
}

let schemaCounter = 0;

/** A fresh PostgreSQL schema in DATABASE_URL's database; returns a URL whose search_path is that schema. */
export async function freshPostgresSchema(): Promise<string> {
  const base = process.env.DATABASE_URL;
  if (base === undefined) throw new Error('DATABASE_URL is not set');
  const schema = `t_${process.pid}_${Date.now().toString(36)}_${schemaCounter++}`;
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  await client.query(`create schema ${schema}`);
  await client.end();
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/** Removes a test's Redis keys. */
export async function deleteKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Builds an app on an in-memory PGlite (or a fresh PostgreSQL schema) with a known admin token. */
export async function startTestApp(
  store: 'pglite' | 'postgres' = 'pglite',
  env: Record<string, string> = {},
  options: AppOptions = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sentra-test-'));
  const databaseUrl = store === 'postgres' ? await freshPostgresSchema() : undefined;
  const config = loadConfig({
    SENTRA_DATA_DIR: dataDir,
    SENTRA_BOOTSTRAP_TOKEN: adminToken,
    LOG_LEVEL: 'silent',
    // The PostgreSQL variant is the scaled mode: PostgreSQL plus the shared Redis profile store.
    ...(databaseUrl === undefined ? {} : { DATABASE_URL: databaseUrl }),
    ...(databaseUrl !== undefined && process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL, SENTRA_REDIS_PREFIX: `test:${new URL(databaseUrl).searchParams.get('options')?.split('=')[1] ?? Date.now()}` } : {}),
    ...env,
  });
  const logger = options.logger ?? testAppLogger(env.LOG_LEVEL);
  const sentra = await buildApp(config, { inMemoryDatabase: true, ...(logger === undefined ? {} : { logger }), ...options });
  const db = sentra.runtime.database.db;
  let tokenCounter = 0;
  const addToken = async (tenantId: string, role: Role) => {
    const token = `test-${tenantId}-${role}-${tokenCounter++}-token-value`;
    await insertToken(db, { tenantId, name: `${role} token`, role, token });
    return token;
  };
  return {
    ...sentra,
    dataDir,
    store,
    addToken,
    async addTenant(tenantId, role = 'analyst') {
      await insertTenant(db, tenantId, tenantId);
      return addToken(tenantId, role);
    },
    async close() {
      await sentra.close();
      rmSync(dataDir, { recursive: true, force: true });
      if (config.redisUrl !== undefined) await deleteKeys(config.redisUrl, config.redisKeyPrefix);
    },
  };
}
