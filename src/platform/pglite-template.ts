import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { SerializedPGliteDialect } from './serialized-pglite-dialect.js';
import { migrateToLatest, migrationsDigest } from './migrate.js';
import { installCacheDirectory } from './install-cache.js';

/** The installed PGlite version (its package.json is not exported, so find it beside the entry point). */
function installedPgliteVersion(): string {
  let folder = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  while (!existsSync(join(folder, 'package.json')) && dirname(folder) !== folder) folder = dirname(folder);
  return (JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { version: string }).version;
}

const pgliteVersion = installedPgliteVersion();

/**
 * Where the template of a migrated, empty embedded database is kept. Creating a PGlite cluster
 * runs initdb inside WebAssembly (several seconds); unpacking a template takes a fraction of that,
 * which is what keeps a fresh install's first start and every test database fast. The key changes
 * with the PGlite version and the migrations, so a stale template is never used.
 */
export function templatePath(): string {
  const key = `${pgliteVersion}-${migrationsDigest()}`;
  return join(installCacheDirectory(), `pglite-template-${key}.tar.gz`);
}

/** Builds the template (initdb + migrations) and stores it; returns its bytes. */
export async function buildTemplate(path = templatePath()): Promise<Buffer> {
  const pglite = await PGlite.create();
  const db = new Kysely<never>({ dialect: new SerializedPGliteDialect({ pglite }) });
  await migrateToLatest(db);
  const dump = await pglite.dumpDataDir('gzip');
  const bytes = Buffer.from(await dump.arrayBuffer());
  await db.destroy();
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, path);
  return bytes;
}

/** The template's path, building it on first use (best effort: undefined when it cannot be built). */
export async function ensureTemplate(): Promise<string | undefined> {
  const path = templatePath();
  try {
    if (!existsSync(path)) await buildTemplate(path);
    return path;
  } catch {
    return undefined;
  }
}
