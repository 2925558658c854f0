import { sql, type Kysely } from 'kysely';

/**
 * Job counts per status without counting the jobs table: each statement that inserts, updates or
 * deletes jobs appends its net change per status to `job_count_changes` (a statement trigger over
 * its transition tables: one small insert per statement, and no shared counter row that concurrent
 * writers would queue on). `sentra_jobs{status}` sums that table and folds it into one row per
 * status (src/jobs/job.repository.ts, `jobCountsByStatus`); it starts from the jobs there are now.
 * The partial index `jobs_done` lets the retention sweep find done jobs past their retention.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TABLE job_count_changes (status text NOT NULL, n bigint NOT NULL)`,
    `CREATE FUNCTION sentra_count_job_changes() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO job_count_changes (status, n) SELECT status, count(*) FROM new_jobs GROUP BY status;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO job_count_changes (status, n) SELECT status, -count(*) FROM old_jobs GROUP BY status;
  ELSE
    INSERT INTO job_count_changes (status, n)
    SELECT status, sum(n) FROM (SELECT status, 1 AS n FROM new_jobs UNION ALL SELECT status, -1 FROM old_jobs) AS moved
     GROUP BY status HAVING sum(n) <> 0;
  END IF;
  RETURN NULL;
END
$body$`,
    `CREATE TRIGGER jobs_counted_insert AFTER INSERT ON jobs REFERENCING NEW TABLE AS new_jobs
       FOR EACH STATEMENT EXECUTE FUNCTION sentra_count_job_changes()`,
    `CREATE TRIGGER jobs_counted_update AFTER UPDATE ON jobs REFERENCING OLD TABLE AS old_jobs NEW TABLE AS new_jobs
       FOR EACH STATEMENT EXECUTE FUNCTION sentra_count_job_changes()`,
    `CREATE TRIGGER jobs_counted_delete AFTER DELETE ON jobs REFERENCING OLD TABLE AS old_jobs
       FOR EACH STATEMENT EXECUTE FUNCTION sentra_count_job_changes()`,
    `INSERT INTO job_count_changes (status, n) SELECT status, count(*) FROM jobs GROUP BY status`,
    `CREATE INDEX jobs_done ON jobs (finished_at) WHERE status = 'done'`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
