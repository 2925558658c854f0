import { sql, type Kysely } from 'kysely';
import type { Database } from './database-schema.js';

/**
 * Checkpoints of the embedded database. PGlite runs PostgreSQL as a single-user backend, which never
 * checkpoints by itself: the checkpointer is a process of its own, and a standalone backend asks for
 * no checkpoint when WAL passes `max_wal_size` (`XLogWrite` asks only under a postmaster). Without
 * one, `pg_wal` grows by every byte written (about 4 KB a score) until the server stops, a restart
 * after a crash replays all of it, and every 16 MB of it is a new segment that PostgreSQL fills with
 * zeros inside the commit that needs it. A checkpoint flushes the dirty buffers and data files, and
 * lets PostgreSQL recycle the segments before its redo point as the next ones.
 */

/** When a checkpoint is due. */
export interface CheckpointRule {
  /** WAL written since the last checkpoint's redo point that makes one due (bytes). */
  readonly walBytes: number;
  /** Age of the last checkpoint that makes one due when at least {@link minimumWalBytes} were written since. */
  readonly maxAgeSeconds: number;
}

/** An idle server writes a little WAL (its polls): below this, an old checkpoint is not renewed. */
export const minimumWalBytes = 1024 * 1024;

/** WAL written since the last checkpoint's redo point, and that checkpoint's age. */
export interface WalSinceCheckpoint {
  readonly bytes: number;
  readonly ageSeconds: number;
}

/** One checkpoint taken. */
export interface CheckpointPass {
  /** WAL since the previous checkpoint's redo point when it was taken. */
  readonly walBytes: number;
  /** Time in CHECKPOINT: every other query waited as long. */
  readonly seconds: number;
}

export async function walSinceCheckpoint(db: Kysely<Database>): Promise<WalSinceCheckpoint> {
  const result = await sql<{ bytes: number | string; age: number | string }>`
    SELECT pg_current_wal_insert_lsn() - redo_lsn AS bytes, extract(epoch FROM now() - checkpoint_time) AS age
      FROM pg_control_checkpoint()`.execute(db);
  const row = result.rows[0]!;
  return { bytes: Number(row.bytes), ageSeconds: Number(row.age) };
}

/** Whether the rule asks for a checkpoint now. */
export function checkpointDue(since: WalSinceCheckpoint, rule: CheckpointRule): boolean {
  return since.bytes >= rule.walBytes || (since.ageSeconds >= rule.maxAgeSeconds && since.bytes >= minimumWalBytes);
}

/** Takes a checkpoint when the rule says one is due; undefined when none was. */
export async function checkpointIfDue(db: Kysely<Database>, rule: CheckpointRule): Promise<CheckpointPass | undefined> {
  const since = await walSinceCheckpoint(db);
  if (!checkpointDue(since, rule)) return undefined;
  const started = performance.now();
  await sql`CHECKPOINT`.execute(db);
  return { walBytes: since.bytes, seconds: (performance.now() - started) / 1000 };
}
