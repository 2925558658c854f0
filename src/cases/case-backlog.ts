import { sql, type Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { caseStatuses, type CaseStatus } from '../contract/cases.js';

const hourMs = 3_600_000;

/** The age bins of the review backlog: hours since a case opened, [from, to). */
export const backlogAgeBins = [
  { label: 'under 1 h', fromHours: 0, toHours: 1 },
  { label: '1–4 h', fromHours: 1, toHours: 4 },
  { label: '4–24 h', fromHours: 4, toHours: 24 },
  { label: '1–3 days', fromHours: 24, toHours: 72 },
  { label: '3–7 days', fromHours: 72, toHours: 168 },
  { label: 'over 7 days', fromHours: 168, toHours: null },
] as const;

/** Unresolved cases opened in one age bin, and how many of them are past their SLA due time. */
export interface BacklogAgeBin {
  label: string;
  fromHours: number;
  toHours: number | null;
  cases: number;
  overdue: number;
}

/** The review backlog of a tenant at one moment. */
export interface ReviewBacklog {
  /** Cases not resolved yet (open, in review, escalated); shadow cases are not in the queue and not counted. */
  unresolved: number;
  /** Of those, the ones whose SLA due time has passed. */
  overdue: number;
  byStatus: Record<Exclude<CaseStatus, 'resolved'>, number>;
  byAge: BacklogAgeBin[];
  oldestOpenedAt: Date | null;
}

/**
 * The tenant's unresolved cases by status and by age, each with its SLA breaches (due time passed at
 * `now`), in one aggregate query over the unresolved cases (never the resolved history).
 */
export async function reviewBacklog(db: Kysely<Database>, tenantId: string, now: Date): Promise<ReviewBacklog> {
  const opened = (hours: number) => new Date(now.getTime() - hours * hourMs);
  const bins = backlogAgeBins.slice(0, -1).map((bin, index) => sql`when created_at > ${opened(bin.toHours!)} then ${sql.lit(index)}`);
  const rows = await sql<{ status: string; bin: number | string; n: number | string; overdue: number | string; oldest: Date | string | null }>`
    select status, case ${sql.join(bins, sql` `)} else ${sql.lit(backlogAgeBins.length - 1)} end as bin,
           count(*) as n, count(*) filter (where sla_due_at < ${now}) as overdue, min(created_at) as oldest
    from cases
    where tenant_id = ${tenantId} and status <> ${caseStatuses.resolved} and not shadow
    group by 1, 2`.execute(db);
  const byAge: BacklogAgeBin[] = backlogAgeBins.map((bin) => ({ label: bin.label, fromHours: bin.fromHours, toHours: bin.toHours, cases: 0, overdue: 0 }));
  const byStatus = { open: 0, in_review: 0, escalated: 0 };
  let oldest: number | undefined;
  for (const row of rows.rows) {
    const bin = byAge[Number(row.bin)]!;
    bin.cases += Number(row.n);
    bin.overdue += Number(row.overdue);
    if (row.status in byStatus) byStatus[row.status as keyof typeof byStatus] += Number(row.n);
    if (row.oldest !== null) oldest = Math.min(oldest ?? Infinity, new Date(row.oldest).getTime());
  }
  return {
    unresolved: byAge.reduce((sum, bin) => sum + bin.cases, 0),
    overdue: byAge.reduce((sum, bin) => sum + bin.overdue, 0),
    byStatus,
    byAge,
    oldestOpenedAt: oldest === undefined ? null : new Date(oldest),
  };
}
