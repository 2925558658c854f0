import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import type { JobsTable } from '../platform/tables/job.table.js';
import { jobStatuses, type JobStatus } from '../contract/jobs.js';

/** A stored job. */
export type JobRow = Selectable<JobsTable>;

/** A job as a worker holds it after a claim. */
export interface ClaimedJob {
  readonly id: string;
  readonly tenantId: string;
  readonly kind: string;
  readonly payload: unknown;
  /** This attempt's number, 1 for the first. */
  readonly attempts: number;
  readonly createdAt: Date;
  /** The lease token: the finisher must still hold it. */
  readonly lockedBy: string;
}

/**
 * Leases up to `limit` jobs of the given kinds that are due (queued or failed with run_after past)
 * or whose lease expired (running with run_after past: the worker died). FOR UPDATE SKIP LOCKED lets
 * any number of workers claim side by side without waiting for or taking each other's rows.
 *
 * Each kind is read on its own, walking its due jobs in run_after order on `jobs_due_by_kind` and
 * stopping at the limit; the oldest of those few are taken. One condition on several kinds cannot
 * be walked in order: it read and sorted every due job of those kinds (20,000 due: 21–53 ms a
 * claim on the embedded database, where scoring waits for the connection meanwhile).
 */
export async function claimJobs(
  db: Kysely<Database>,
  options: { kinds: readonly string[]; limit: number; now: Date; leaseMs: number; owner: string },
): Promise<ClaimedJob[]> {
  if (options.kinds.length === 0) return [];
  const leaseUntil = new Date(options.now.getTime() + options.leaseMs);
  const dueOfEachKind = sql.join(
    options.kinds.map(
      (kind) => sql`SELECT id, run_after FROM (SELECT id, run_after FROM jobs
                     WHERE kind = ${kind}
                       AND status IN (${jobStatuses.queued}, ${jobStatuses.failed}, ${jobStatuses.running})
                       AND run_after <= ${options.now}
                     ORDER BY run_after
                     LIMIT ${options.limit}
                     FOR UPDATE SKIP LOCKED) AS of_kind`,
    ),
    sql` UNION ALL `,
  );
  const result = await sql<{ id: string; tenant_id: string; kind: string; payload: unknown; attempts: number; created_at: Date; locked_by: string }>`
    UPDATE jobs AS j
       SET status = ${jobStatuses.running}, attempts = j.attempts + 1, run_after = ${leaseUntil},
           locked_by = ${options.owner}, started_at = ${options.now}, updated_at = ${options.now}
      FROM (SELECT id FROM (${dueOfEachKind}) AS due_of_kinds ORDER BY run_after LIMIT ${options.limit}) AS due
     WHERE j.id = due.id
    RETURNING j.id, j.tenant_id, j.kind, j.payload, j.attempts, j.created_at, j.locked_by`.execute(db);
  return result.rows.map((row) => ({
    id: row.id,
    tenantId: row.tenant_id,
    kind: row.kind,
    payload: typeof row.payload === 'string' ? (JSON.parse(row.payload) as unknown) : row.payload,
    attempts: Number(row.attempts),
    createdAt: new Date(row.created_at),
    lockedBy: row.locked_by,
  }));
}

/**
 * Ends an attempt: `done`, `failed` (runs again at runAfter) or `dead`. Only the lease holder of
 * this very attempt may end it: a worker that overran its lease while another took the job over
 * finds nothing to update and its late answer is ignored. Returns whether the row was updated.
 */
export async function finishAttempt(
  db: Kysely<Database>,
  job: ClaimedJob,
  outcome: { status: Extract<JobStatus, 'done' | 'failed' | 'dead'>; now: Date; runAfter?: Date; error?: string; giveBackAttempt?: boolean },
): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({
      status: outcome.status,
      locked_by: null,
      updated_at: outcome.now,
      last_error: outcome.error ?? null,
      ...(outcome.status === 'failed' ? { run_after: outcome.runAfter ?? outcome.now } : { finished_at: outcome.now }),
      // An attempt the runner itself cut short (it was stopping) does not count against the job.
      ...(outcome.giveBackAttempt === true ? { attempts: job.attempts - 1 } : {}),
    })
    .where('id', '=', job.id)
    .where('status', '=', jobStatuses.running)
    .where('locked_by', '=', job.lockedBy)
    .where('attempts', '=', job.attempts)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A tenant's jobs, newest first, optionally of one status. */
export async function listJobs(
  db: Kysely<Database>,
  tenantId: string,
  options: { status?: JobStatus; limit: number },
): Promise<JobRow[]> {
  let query = db.selectFrom('jobs').selectAll().where('tenant_id', '=', tenantId);
  if (options.status !== undefined) query = query.where('status', '=', options.status);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
}

/** One job of a tenant. */
export async function findJob(db: Kysely<Database>, tenantId: string, id: string): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

/**
 * Sends a failed or dead job back to the queue with a fresh attempt budget. The status check is in
 * the statement, so a job that changed meanwhile is left alone. Returns the row when it moved.
 */
export async function requeueJob(db: Kysely<Database>, tenantId: string, id: string, now: Date): Promise<JobRow | undefined> {
  return db
    .updateTable('jobs')
    .set({ status: jobStatuses.queued, attempts: 0, run_after: now, updated_at: now, finished_at: null, locked_by: null })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('status', 'in', [jobStatuses.failed, jobStatuses.dead])
    .returningAll()
    .executeTakeFirst();
}

/**
 * Number of jobs per status, across tenants (for the metrics), without counting the jobs table: the
 * sum of the per-statement changes the jobs triggers append to `job_count_changes` (migration 0043).
 * The caller that gets the lock also folds those changes into one row per status, so the table stays
 * a handful of rows; another process folding at the same moment just reads the sums.
 */
export async function countJobsByStatus(db: Kysely<Database>): Promise<Map<string, number>> {
  const rows = await db.transaction().execute(async (trx) => {
    const lock = await sql<{ locked: boolean }>`SELECT pg_try_advisory_xact_lock(hashtext('sentra_job_count_changes')) AS locked`.execute(trx);
    if (lock.rows[0]?.locked !== true) {
      return (await sql<{ status: string; count: number | string }>`SELECT status, sum(n) AS count FROM job_count_changes GROUP BY status`.execute(trx)).rows;
    }
    const folded = await sql<{ status: string; count: number | string }>`
      WITH changes AS (DELETE FROM job_count_changes RETURNING status, n)
      INSERT INTO job_count_changes (status, n)
      SELECT status, sum(n) FROM changes GROUP BY status HAVING sum(n) <> 0
      RETURNING status, n AS count`.execute(trx);
    return folded.rows;
  });
  return new Map(rows.map((row) => [row.status, Number(row.count)]));
}

/**
 * Folds the job count changes (as a scrape does) and vacuums their table, so the space of the
 * folded rows is reused: embedded PGlite runs no autovacuum, and without this the table would grow
 * by every statement that ever wrote jobs. For the retention sweep.
 */
export async function compactJobCounts(db: Kysely<Database>): Promise<void> {
  await countJobsByStatus(db);
  await sql`VACUUM job_count_changes`.execute(db);
}

/** Rows one pruning statement deletes at most, so a large backlog of old jobs never holds a long lock. */
const pruneBatch = 5_000;

/**
 * Deletes done jobs that finished before `before` (the retention sweep), a batch at a time through
 * the `jobs_done` index; returns how many. Dead jobs are kept: only an admin retry moves them.
 */
export async function pruneDoneJobs(db: Kysely<Database>, before: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const result = await db
      .deleteFrom('jobs')
      .where('id', 'in', (eb) => eb.selectFrom('jobs').select('id').where('status', '=', jobStatuses.done).where('finished_at', '<', before).orderBy('finished_at').limit(pruneBatch))
      .executeTakeFirst();
    const deleted = Number(result.numDeletedRows);
    total += deleted;
    if (deleted < pruneBatch) return total;
  }
}

/**
 * Refreshes the planner's statistics of the jobs table. PGlite runs no autovacuum: planned on
 * statistics from when the queue was small, a claim reads and sorts every due job (70 ms with
 * 10,000 queued) instead of taking the first few from the jobs_due_by_kind index (under 1 ms).
 */
export async function analyzeJobs(db: Kysely<Database>): Promise<void> {
  await sql`ANALYZE jobs (status, kind, run_after)`.execute(db);
}
