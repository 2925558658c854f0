import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { SerializedPGliteDialect } from './serialized-pglite-dialect.js';
import { migrateToLatest, migrationsDigest } from './migrate.js';
import { installCacheDirectory } from './install-cache.js';
import { syncPath, syncTree } from './durable-node-fs.js';

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

/**
 * Unpacks the template into `dataPath`, a new cluster's folder, on this thread and streaming.
 * (Opening PGlite on the archive instead grows a WebAssembly memory by the whole tarball, and the
 * thread that did it leaves a 64 MB malloc arena resident after it ends.) The files land in a
 * sibling folder first and are renamed into place once complete, so a start that fails half way
 * never leaves a `pgdata` that looks like a cluster; the next start removes what it left. With
 * `durable`, every file and folder is flushed before the rename and the parent after it. Only
 * folders and regular files are taken; absolute names are made relative and `..` is refused
 * (node-tar's defaults).
 */
export async function unpackTemplate(archive: string, dataPath: string, durable: boolean): Promise<void> {
  const parent = dirname(dataPath);
  const prefix = `${basename(dataPath)}.unpacking-`;
  // What a start killed while unpacking left behind (the data folder's lock keeps out any other).
  for (const name of readdirSync(parent)) if (name.startsWith(prefix)) rmSync(join(parent, name), { recursive: true, force: true });
  const unpacking = join(parent, `${prefix}${process.pid}`);
  mkdirSync(unpacking, { mode: 0o700 });
  try {
    // Any warning but the note that a leading `/` was stripped (an entry not written) fails the start.
    const problems: string[] = [];
    // Loaded here: only a first start needs it, and a restart should not hold it.
    const { extract } = await import('tar');
    await extract({
      file: archive,
      cwd: unpacking,
      filter: (_path, entry) => 'type' in entry && (entry.type === 'File' || entry.type === 'Directory'),
      onwarn: (code, message) => {
        if (code !== 'TAR_ENTRY_INFO') problems.push(`${code}: ${String(message)}`);
      },
    });
    if (problems.length > 0) throw new Error(`the database template ${archive} could not be unpacked: ${problems.slice(0, 3).join('; ')}`);
    if (durable) syncTree(unpacking);
    // `dataPath` holds no PG_VERSION here (the caller checked): nothing of a cluster is lost.
    rmSync(dataPath, { recursive: true, force: true });
    renameSync(unpacking, dataPath);
    if (durable) syncPath(parent);
  } catch (error) {
    rmSync(unpacking, { recursive: true, force: true });
    throw error;
  }
}
