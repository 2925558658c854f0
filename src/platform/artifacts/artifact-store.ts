import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { SentraError } from '../../errors/errors.js';

/** Where model artifacts live: a local folder by default, S3-compatible storage when configured. */
export interface ArtifactStore {
  /** A URI naming the stored object (`file:///…`, `s3://bucket/key`). */
  uriOf(key: string): string;
  /** Stores the bytes under the key (replacing what was there) and returns the object's URI. */
  put(key: string, bytes: Buffer | string): Promise<string>;
  /**
   * The stored bytes; `SENTRA_ERR_NOT_FOUND` when the key holds nothing, `SENTRA_ERR_MODEL_FORMAT`
   * (before reading it) when the object is larger than maxBytes.
   */
  get(key: string, maxBytes?: number): Promise<Buffer>;
  /** Releases connections; the store is unusable afterwards. */
  close(): void;
}

/** The refusal of an object larger than the store may read. */
export function tooLarge(key: string, size: number, maxBytes: number): SentraError {
  return new SentraError('SENTRA_ERR_MODEL_FORMAT', `Artifact ${key} is ${size} bytes, above the limit of ${maxBytes} (SENTRA_MODEL_MAX_BYTES)`);
}

/**
 * Checks that a key is a relative `/`-separated path with no empty, `.` or `..` part, so it names
 * an object inside the store on every backend (a folder, or a bucket prefix) and the same key can
 * never name two different objects. Returns the key.
 */
export function checkArtifactKey(key: string): string {
  const segments = key.split('/');
  const invalid = key === '' || /[\\\u0000-\u001f\u007f]/.test(key) || segments.some((segment) => segment === '' || segment === '.' || segment === '..');
  if (invalid) throw new SentraError('SENTRA_ERR_VALIDATION', `Artifact key escapes the store or is not a plain relative path: ${JSON.stringify(key)}`);
  return key;
}

/** Artifacts as files under one folder; writes go through a temporary file and a rename. */
export class LocalArtifactStore implements ArtifactStore {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private pathOf(key: string): string {
    const path = resolve(this.root, checkArtifactKey(key));
    if (!path.startsWith(this.root + sep)) throw new SentraError('SENTRA_ERR_VALIDATION', `Artifact key escapes the store: ${key}`);
    return path;
  }

  uriOf(key: string): string {
    return `file://${this.pathOf(key)}`;
  }

  async put(key: string, bytes: Buffer | string): Promise<string> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, path);
    return this.uriOf(key);
  }

  async get(key: string, maxBytes = Number.POSITIVE_INFINITY): Promise<Buffer> {
    const path = this.pathOf(key);
    try {
      const { size } = await stat(path);
      if (size > maxBytes) throw tooLarge(key, size, maxBytes);
      return await readFile(path);
    } catch (error) {
      if (error instanceof SentraError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') {
        throw new SentraError('SENTRA_ERR_NOT_FOUND', `Artifact ${key} is not in the store at ${this.root}`, { cause: error });
      }
      throw new SentraError('SENTRA_ERR_INTERNAL', `Cannot read artifact ${key} at ${path}: ${(error as Error).message}`, { cause: error });
    }
  }

  close(): void {
    // Nothing to release: every call opens and closes its own file.
  }
}
