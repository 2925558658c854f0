import { sql, type Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { briefly, createMonthPartition, monthPartitions, monthsAhead, monthStart, partitionOf } from '../platform/month-partitions.js';

export { monthStart } from '../platform/month-partitions.js';

/** What one partition sweep of decisions did. */
export interface DecisionPartitionSweep {
  /** Monthly partitions created (`risk_scores_p2026_01`...). */
  created: string[];
  /** Monthly partitions dropped by retention. */
  dropped: string[];
  /** Decisions older than the retention deleted from the default partition. */
  deletedFromDefault: number;
}

/**
 * The partition maintenance of decisions (migration 0070), run by the worker's sweep: creates the
 * partitions of this month and the next {@link monthsAhead} (so writes never reach the default
 * partition in normal operation) and, with a retention of `retentionMonths` (> 0), drops every
 * monthly partition older than the month `retentionMonths` before this one and deletes such old
 * decisions from the default partition. A decision's month is its payment's `created_at` month
 * (UTC). Several processes may sweep at once: creating a partition takes an advisory lock and
 * skips one that exists, and dropping one that is already gone is skipped. Each statement waits
 * at most 2 s for its locks ({@link briefly}), so it never holds up decision writes for
 * longer; one that times out fails the sweep, and the next sweep does the rest.
 */
export async function maintainDecisionPartitions(db: Kysely<Database>, now: Date, retentionMonths: number): Promise<DecisionPartitionSweep> {
  const sweep: DecisionPartitionSweep = { created: [], dropped: [], deletedFromDefault: 0 };
  for (let offset = 0; offset <= monthsAhead; offset++) {
    const month = monthStart(now, offset);
    if (await createMonthPartition(db, 'risk_scores', month)) sweep.created.push(partitionOf('risk_scores', month));
  }
  if (retentionMonths <= 0) return sweep;
  const cutoff = monthStart(now, -retentionMonths);
  for (const { name, month } of await monthPartitions(db, 'risk_scores')) {
    if (month >= cutoff) continue;
    await briefly(db, (trx) => sql`drop table if exists ${sql.id(name)}`.execute(trx));
    sweep.dropped.push(name);
  }
  const deleted = await sql`delete from risk_scores_default where tx_month < ${cutoff}`.execute(db);
  sweep.deletedFromDefault = Number(deleted.numAffectedRows ?? 0);
  return sweep;
}
