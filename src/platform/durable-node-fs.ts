/**
 * Power-loss durability for the embedded database. PGlite starts PostgreSQL with `-F` (fsync off),
 * and its file layer (Emscripten's NODEFS) has no fsync: PostgreSQL's `fsync()` reaches a stub that
 * returns success, and `fdatasync()` is a no-op too. A committed decision then sits in the operating
 * system's page cache, safe from a crash of Sentra but not from a power loss.
 *
 * Here the NODEFS stream gets a real fsync (Node's `fsyncSync` on the file's descriptor), PostgreSQL
 * runs with fsync on, and WAL is flushed with `fsync` (`wal_sync_method=fsync`, since fdatasync
 * cannot be routed). PostgreSQL's own protocol then applies unchanged: a commit returns only after
 * its WAL is on stable storage, checkpoints flush data files before WAL is recycled, and a start
 * after a crash syncs the data folder before recovery.
 */
import { closeSync, fsyncSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

/** The fsync calls made, and the time they took (shared with the main thread for metrics). */
export class FsyncCounters {
  /** [calls, total microseconds]. */
  private readonly cells: BigInt64Array;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(16)) {
    this.cells = new BigInt64Array(buffer);
  }

  record(micros: number): void {
    Atomics.add(this.cells, 0, 1n);
    Atomics.add(this.cells, 1, BigInt(Math.round(micros)));
  }

  read(): { calls: number; seconds: number } {
    return { calls: Number(Atomics.load(this.cells, 0)), seconds: Number(Atomics.load(this.cells, 1)) / 1e6 };
  }
}

/** What Emscripten hands the file system's pre-run hook: the module with its NODEFS driver. */
interface EmscriptenModule {
  NODEFS: { stream_ops: { fsync?: (stream: { nfd: number }) => number } };
}

/** NodeFS whose streams flush to stable storage when PostgreSQL asks. */
export class DurableNodeFS extends NodeFS {
  constructor(
    dataDir: string,
    private readonly counters: FsyncCounters,
  ) {
    super(dataDir);
  }

  override async init(...args: Parameters<NodeFS['init']>): ReturnType<NodeFS['init']> {
    const result = await super.init(...args);
    const preRun = (result.emscriptenOpts.preRun ?? []) as Array<(module: EmscriptenModule) => void>;
    const counters = this.counters;
    preRun.unshift((module) => {
      module.NODEFS.stream_ops.fsync = (stream) => {
        const started = performance.now();
        fsyncSync(stream.nfd);
        counters.record((performance.now() - started) * 1000);
        return 0;
      };
    });
    result.emscriptenOpts.preRun = preRun;
    return result;
  }
}

/** PostgreSQL's start parameters with fsync on and WAL flushed by fsync (see the file comment). */
export function durableStartParams(): string[] {
  return [...PGlite.defaultStartParams.filter((parameter) => parameter !== '-F'), '-c', 'wal_sync_method=fsync'];
}

/**
 * Flushes every file and folder under `root` (and `root` itself) to stable storage: a data folder
 * unpacked from the template was written around PostgreSQL, so its fsync protocol never saw it.
 */
export function syncTree(root: string): number {
  let flushed = 0;
  const flush = (path: string) => {
    syncPath(path);
    flushed++;
  };
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) flush(path);
    }
    flush(folder);
  };
  walk(root);
  return flushed;
}

/** Flushes one file or folder to stable storage. */
export function syncPath(path: string): void {
  const descriptor = openSync(path, 'r');
  try {
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}
