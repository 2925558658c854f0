import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatasetFileName } from '../contract/datasets.js';

/** One file of an uploaded dataset: its contract file name and its text. */
export interface UploadedFile {
  readonly name: DatasetFileName;
  readonly content: string;
}

/**
 * Lays an uploaded dataset out as a folder in the system's temporary directory, so the validator and
 * the importer read it exactly as they read a folder given to the CLI, runs `use` on it and removes
 * the folder afterwards, whatever happens. File names come from the contract's closed list, never
 * from the client as paths.
 */
export async function withUploadedDataset<T>(files: readonly UploadedFile[], use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'sentra-upload-'));
  try {
    for (const file of files) await writeFile(join(dir, file.name), file.content, 'utf8');
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
