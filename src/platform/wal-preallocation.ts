import { constants } from 'node:fs';
import { link, open, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Database } from './database-schema.js';
import type { Logger } from './logger.js';

/** Where and how far ahead {@link WalPreallocator} makes WAL segments ready. */
export interface WalPreallocatorOptions {
  /** The data folder's `pg_wal`. */
  readonly walDir: string;
  /** The name of the segment the database inserts into now (`000000010000000000000005`). */
  readonly currentSegment: () => Promise<string>;
  /** `wal_segment_size` in bytes. */
  readonly segmentBytes: number;
  /** Segments kept ready after the current one (default 2). */
  readonly ahead?: number;
  /** Between checks (default 250 ms). */
  readonly intervalMs?: number;
  readonly logger: Logger;
  /** Called once for each segment made ready. */
  readonly prepared?: () => void;
}

const segmentName = /^([0-9A-F]{8})([0-9A-F]{8})([0-9A-F]{8})$/;

/** The name of the segment `steps` after `name` (PostgreSQL's XLogFileName for a segment size). */
export function segmentAfter(name: string, steps: number, segmentBytes: number): string {
  const parts = segmentName.exec(name);
  if (parts === null) throw new Error(`not a WAL segment name: ${name}`);
  const perId = 0x1_0000_0000 / segmentBytes;
  const number = parseInt(parts[2]!, 16) * perId + parseInt(parts[3]!, 16) + steps;
  const hex = (value: number) => value.toString(16).toUpperCase().padStart(8, '0');
  return `${parts[1]}${hex(Math.floor(number / perId))}${hex(number % perId)}`;
}

/** The temporary file a segment is made in before it gets its name. */
export const preparingFile = 'sentra-wal-segment.tmp';

const zeros = Buffer.alloc(1024 * 1024);

async function flushFolder(folder: string): Promise<void> {
  const handle = await open(folder, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * WAL segments of the embedded database made ready ahead of use. When PostgreSQL's WAL reaches a
 * segment file that does not exist, the commit that needs it creates it: 16 MB written as zeros and
 * flushed (so the space is the WAL's before anything is written there), 20 ms and more on this
 * class of disk, with every other statement waiting on the single-user database's one thread. A
 * PostgreSQL server's checkpointer prepares a segment ahead; PGlite has none, and until its first
 * checkpoint can recycle old segments, every segment is made this way (about one every 1.6 s at
 * 1,000 decisions a second).
 *
 * This keeps the next {@link WalPreallocatorOptions.ahead} segments after the one in use ready, made
 * as PostgreSQL makes them but on libuv's threads: a temporary file written with zeros, flushed, given
 * the segment's name by a hard link (which never replaces a file: when PostgreSQL made it first, it
 * stays as made), and the folder flushed. PostgreSQL opens a segment file that exists instead of
 * making it, as it opens the segments its checkpoints recycle. A segment ready ahead holds zeros,
 * which recovery reads as the end of the WAL, exactly like one PostgreSQL made; a crash while one is
 * made leaves at most the temporary file, which the next segment made overwrites and removes. A full disk fails the
 * preparation (logged), and PostgreSQL then meets it itself, as it would without this.
 */
export class WalPreallocator {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private warned = false;

  constructor(private readonly options: WalPreallocatorOptions) {}

  /** Starts the checks; the first runs at once. */
  start(): void {
    if (this.timer !== undefined || this.stopped) return;
    this.tick();
  }

  /** Stops the checks and waits for a segment being made. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Makes ready the segments missing after the current one; answers how many it made. */
  async prepare(): Promise<number> {
    const { walDir, segmentBytes } = this.options;
    const current = await this.options.currentSegment();
    let made = 0;
    for (let step = 1; step <= (this.options.ahead ?? 2) && !this.stopped; step++) {
      if (await this.make(join(walDir, segmentAfter(current, step, segmentBytes)))) made++;
    }
    return made;
  }

  private tick(): void {
    this.running = this.prepare()
      .then(() => {
        this.warned = false;
      })
      .catch((error: unknown) => {
        if (this.warned) return;
        this.warned = true;
        this.options.logger.warn({ err: error }, 'a WAL segment could not be made ready ahead; the database will make it when it needs it');
      })
      .finally(() => {
        if (!this.stopped) this.timer = setTimeout(() => this.tick(), this.options.intervalMs ?? 250);
      });
  }

  /** Makes one segment file unless it exists; true when this made it. */
  private async make(path: string): Promise<boolean> {
    const temporary = join(this.options.walDir, preparingFile);
    try {
      const existing = await open(path, constants.O_RDONLY);
      await existing.close();
      return false;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    let linked = false;
    try {
      const handle = await open(temporary, constants.O_CREAT | constants.O_TRUNC | constants.O_WRONLY, 0o600);
      try {
        for (let offset = 0; offset < this.options.segmentBytes; offset += zeros.length) {
          await handle.write(zeros, 0, Math.min(zeros.length, this.options.segmentBytes - offset), offset);
        }
        await handle.sync();
      } finally {
        await handle.close();
      }
      await link(temporary, path);
      linked = true;
    } catch (error) {
      // EEXIST: PostgreSQL made it meanwhile, and its file stays. Anything else (a full disk) stands.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      // Also after a failed write: a half-made segment must not keep the space it took.
      await unlink(temporary).catch(() => undefined);
    }
    await flushFolder(this.options.walDir);
    if (linked) this.options.prepared?.();
    return linked;
  }
}

/** The segment the embedded database inserts into now. */
export async function currentWalSegment(db: Kysely<Database>): Promise<string> {
  const result = await sql<{ name: string }>`SELECT pg_walfile_name(pg_current_wal_insert_lsn()) AS name`.execute(db);
  return result.rows[0]!.name;
}

/** `wal_segment_size` in bytes. */
export async function walSegmentBytes(db: Kysely<Database>): Promise<number> {
  const result = await sql<{ bytes: number | string }>`SELECT setting::bigint * CASE unit WHEN 'B' THEN 1 WHEN 'kB' THEN 1024 WHEN 'MB' THEN 1048576 ELSE 1 END AS bytes FROM pg_settings WHERE name = 'wal_segment_size'`.execute(db);
  return Number(result.rows[0]!.bytes);
}
