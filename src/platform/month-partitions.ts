import { sql, type Kysely } from 'kysely';
import type { Database } from './database-schema.js';

/** Months ahead of the current one whose partitions the sweep keeps ready. */
export const monthsAhead = 2;

/**
 * Longest wait for a lock by one maintenance statement. Dropping a partition needs an exclusive lock
 * on its table, and attaching one an exclusive lock on the default partition; a statement waiting
 * for such a lock (behind a long read, a backtest or a console export) would queue every write to the
 * table behind it. Past this wait it gives up, and the next sweep tries again.
 */
export const maintenanceLockTimeout = '2s';

/** The first instant (UTC) of the month `offset` months from the month of `at`. */
export function monthStart(at: Date, offset = 0): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + offset, 1));
}

/** The name of a month's partition: `risk_scores_p2026_01`. */
export function partitionOf(parent: string, month: Date): string {
  return `${parent}_p${month.toISOString().slice(0, 7).replace('-', '_')}`;
}

/** Runs `work` in a transaction of its own that waits at most {@link maintenanceLockTimeout} for a lock. */
export async function briefly<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql.raw(`set local lock_timeout = '${maintenanceLockTimeout}'`).execute(trx);
    return work(trx);
  });
}

/** The monthly partitions of a table partitioned by migration 0070's scheme, oldest first, with the month each holds. */
export async function monthPartitions(db: Kysely<Database>, parent: 'risk_scores' | 'audit_log'): Promise<{ name: string; month: Date }[]> {
  const rows = await sql<{ name: string }>`
    select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
     where i.inhparent = ${parent}::regclass order by c.relname`.execute(db);
  const pattern = new RegExp(`^${parent}_p(\\d{4})_(\\d{2})$`);
  return rows.rows.flatMap(({ name }) => {
    const match = pattern.exec(name);
    return match === null ? [] : [{ name, month: new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)) }];
  });
}

/**
 * Creates a month's partition (`sentra_month_partition`, migration 0070); false when it exists. The
 * new partition takes its parent's per-column statistics targets (migration 0072), which a table
 * created LIKE its parent does not inherit.
 */
export async function createMonthPartition(db: Kysely<Database>, parent: 'risk_scores' | 'audit_log', month: Date): Promise<boolean> {
  return briefly(db, async (trx) => {
    const result = await sql<{ created: boolean }>`select sentra_month_partition(${parent}, ${month.toISOString().slice(0, 10)}::date) as created`.execute(trx);
    if (result.rows[0]?.created !== true) return false;
    // attstattarget is NULL (PostgreSQL 17+) or -1 (before) for the default.
    const targets = await sql<{ column: string; target: number }>`
      select attname as column, attstattarget::int as target from pg_attribute
       where attrelid = ${parent}::regclass and attnum > 0 and not attisdropped and attstattarget >= 0`.execute(trx);
    const partition = partitionOf(parent, month);
    for (const { column, target } of targets.rows) {
      await sql`alter table ${sql.table(partition)} alter column ${sql.ref(column)} set statistics ${sql.raw(String(target))}`.execute(trx);
    }
    return true;
  });
}
