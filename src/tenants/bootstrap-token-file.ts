import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The file a generated bootstrap admin token is written to, inside the data folder. */
export const bootstrapTokenFileName = 'bootstrap-admin-token';

/**
 * Writes a generated admin token to a file only its owner can read (mode 0600, created so, never
 * widened), through a temporary name and a rename; returns its path. The token never goes to
 * standard output, where container runtimes keep it in their logs.
 */
export async function writeBootstrapTokenFile(dataDir: string, token: string): Promise<string> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, bootstrapTokenFileName);
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${token}\n`, { mode: 0o600, flag: 'wx' });
  await rename(temporary, path);
  return path;
}
