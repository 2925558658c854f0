import { sql, type Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';

/** Months ahead of the current one whose decision partitions the sweep keeps ready. */
export const monthsAhead = 2;

/** What one partition sweep did. */
export interface DecisionPartitionSweep {
  /** Monthly partitions created (`risk_scores_p2026_01`...). */
  created: string[];
  /** Monthly partitions dropped by retention. */
  dropped: string[];
  /** Decisions older than the retention deleted from the default partition. */
  deletedFromDefault: number;
}

/** The first instant (UTC) of the month `offset` months from the month of `at`. */
export function monthStart(at: Date, offset = 0): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + offset, 1));
}

const partitionName = /^risk_scores_p(\d{4})_(\d{2})$/;

/**
 * Longest wait for a lock by one maintenance statement. Dropping a partition needs an exclusive lock
 * on the decisions table, and attaching one an exclusive lock on the default partition; a statement
 * waiting for such a lock (behind a long read, a backtest or a console export) would queue every
 * decision write behind it. Past this wait it gives up, and the next sweep tries again.
 */
export const maintenanceLockTimeout = '2s';

/** Runs `statement` in a transaction of its own that waits at most {@link maintenanceLockTimeout} for a lock. */
async function briefly<T>(db: Kysely<Database>, statement: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql.raw(`set local lock_timeout = '${maintenanceLockTimeout}'`).execute(trx);
    return statement(trx);
  });
}

/** The monthly partitions of `risk_scores` with the month each holds. */
export async function decisionPartitions(db: Kysely<Database>): Promise<{ name: string; month: Date }[]> {
  const rows = await sql<{ name: string }>`
    select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
     where i.inhparent = 'risk_scores'::regclass order by c.relname`.execute(db);
  return rows.rows.flatMap(({ name }) => {
    const match = partitionName.exec(name);
    return match === null ? [] : [{ name, month: new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)) }];
  });
}

/**
 * The partition maintenance of decisions (migration 0070), run by the worker's sweep: creates the
 * partitions of this month and the next {@link monthsAhead} (so writes never reach the default
 * partition in normal operation) and, with a retention of `retentionMonths` (> 0), drops every
 * monthly partition older than the month `retentionMonths` before this one and deletes such old
 * decisions from the default partition. A decision's month is its payment's `created_at` month
 * (UTC). Several processes may sweep at once: creating a partition takes an advisory lock and
 * skips one that exists, and dropping one that is already gone is skipped. Each statement waits
 * at most {@link maintenanceLockTimeout} for its locks, so it never holds up decision writes for
 * longer; one that times out fails the sweep, and the next sweep does the rest.
 */
export async function maintainDecisionPartitions(db: Kysely<Database>, now: Date, retentionMonths: number): Promise<DecisionPartitionSweep> {
  const sweep: DecisionPartitionSweep = { created: [], dropped: [], deletedFromDefault: 0 };
  for (let offset = 0; offset <= monthsAhead; offset++) {
    const month = monthStart(now, offset);
    const result = await briefly(db, (trx) =>
      sql<{ created: boolean }>`select sentra_month_partition('risk_scores', ${month.toISOString().slice(0, 10)}::date) as created`.execute(trx),
    );
    if (result.rows[0]?.created === true) sweep.created.push(`risk_scores_p${month.toISOString().slice(0, 7).replace('-', '_')}`);
  }
  if (retentionMonths <= 0) return sweep;
  const cutoff = monthStart(now, -retentionMonths);
  for (const { name, month } of await decisionPartitions(db)) {
    if (month >= cutoff) continue;
    await briefly(db, (trx) => sql`drop table if exists ${sql.id(name)}`.execute(trx));
    sweep.dropped.push(name);
  }
  const deleted = await sql`delete from risk_scores_default where tx_created_at < ${cutoff}`.execute(db);
  sweep.deletedFromDefault = Number(deleted.numAffectedRows ?? 0);
  return sweep;
}
