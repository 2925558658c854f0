import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildApp, type SentraApp } from '../src/app.js';
import { ManualClock } from '../src/platform/clock.js';
import { loadConfig } from '../src/platform/config.js';
import { newId } from '../src/platform/ids.js';
import { adminToken, freshPostgresSchema, storeKinds } from './support/test-app.js';
import { eventually } from './support/enrichment.js';

const admin = { authorization: `Bearer ${adminToken}` };
const day = 86_400_000;

/** `sentra_jobs{status}` as /metrics shows it, zeros left out. */
async function scraped(sentra: SentraApp): Promise<Record<string, number>> {
  const body = (await sentra.app.inject({ method: 'GET', url: '/metrics' })).body;
  const counts: Record<string, number> = {};
  for (const [, status, value] of body.matchAll(/^sentra_jobs\{status="(\w+)"\} (\d+)$/gm)) if (Number(value) > 0) counts[status!] = Number(value);
  return counts;
}

/** The jobs table counted directly, per status. */
async function counted(sentra: SentraApp): Promise<Record<string, number>> {
  const rows = await sql<{ status: string; count: string | number }>`select status, count(*) as count from jobs group by status`.execute(sentra.runtime.database.db);
  return Object.fromEntries(rows.rows.map((row) => [row.status, Number(row.count)]));
}

/**
 * Done jobs are deleted once older than SENTRA_JOB_DONE_RETENTION_DAYS by the worker's sweep (at
 * start and every 10 minutes); dead ones stay until retried. The metric's counts, maintained by the
 * database, equal the table's through inserts, claims, ends, deletions and retries.
 */
describe.each(storeKinds)('done-job retention and job counts on %s', (store) => {
  const dataDirs: string[] = [];
  afterAll(() => {
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('deletes done jobs past the retention at the sweep, keeps younger done jobs, dead and queued ones, and counts them right', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sentra-job-retention-'));
    dataDirs.push(dataDir);
    const databaseUrl = store === 'postgres' ? await freshPostgresSchema() : undefined;
    const clock = new ManualClock(Date.now());
    const start = (worker: 'in-process' | 'off') =>
      buildApp(
        loadConfig({ SENTRA_DATA_DIR: dataDir, SENTRA_BOOTSTRAP_TOKEN: adminToken, LOG_LEVEL: 'silent', SENTRA_WORKER: worker, SENTRA_JOB_DONE_RETENTION_DAYS: '7', ...(databaseUrl === undefined ? {} : { DATABASE_URL: databaseUrl }) }),
        { clock },
      );

    let sentra = await start('off');
    const jobs: Record<string, string> = {};
    const put = async (name: string, status: string, finishedDaysAgo: number | null) => {
      const at = new Date(clock.now() - 30 * day);
      const finishedAt = finishedDaysAgo === null ? null : new Date(clock.now() - finishedDaysAgo * day);
      jobs[name] = newId('job', at.getTime());
      await sentra.runtime.database.db
        .insertInto('jobs')
        // A kind no runner takes: the jobs stay as they are put.
        .values({ id: jobs[name], tenant_id: 'default', kind: 'test.parked', dedupe_key: name, payload: JSON.stringify({}), status, attempts: 1, run_after: at, last_error: null, created_at: at, updated_at: at, finished_at: finishedAt })
        .execute();
    };
    await put('old-done', 'done', 8);
    await put('older-done', 'done', 40);
    await put('young-done', 'done', 6);
    await put('old-dead', 'dead', 40);
    await put('old-queued', 'queued', null);
    expect(await scraped(sentra)).toEqual({ done: 3, dead: 1, queued: 1 });
    await sentra.close();

    sentra = await start('in-process');
    try {
      const remaining = async () => (await sentra.runtime.database.db.selectFrom('jobs').select('id').execute()).map((row) => row.id).sort();
      await eventually(async () => ((await remaining()).length === 3 ? true : undefined), 10_000, 'the sweep to delete the done jobs past 7 days');
      expect(await remaining()).toEqual([jobs['young-done'], jobs['old-dead'], jobs['old-queued']].sort());
      // The sweep also vacuums the count changes (PGlite has no autovacuum to reuse their space).
      const vacuumed = sql<{ at: Date | null }>`select last_vacuum as at from pg_stat_user_tables where relname = 'job_count_changes' and schemaname = current_schema()`;
      await eventually(async () => ((await vacuumed.execute(sentra.runtime.database.db)).rows[0]?.at ? true : undefined), 10_000, 'the count changes to be vacuumed');
      expect(await scraped(sentra)).toEqual({ done: 1, dead: 1, queued: 1 });

      // A dead job stays until an admin retries it; the counts follow every change.
      const retried = await sentra.app.inject({ method: 'POST', url: `/v1/admin/jobs/${jobs['old-dead']}/retry`, headers: admin });
      expect(retried.statusCode, retried.body).toBe(200);
      expect(await scraped(sentra)).toEqual({ done: 1, queued: 2 });
      await sentra.runtime.database.db.updateTable('jobs').set({ status: 'running' }).where('status', '=', 'queued').execute();
      await sentra.runtime.database.db.deleteFrom('jobs').where('id', '=', jobs['young-done']!).execute();
      expect(await scraped(sentra)).toEqual({ running: 2 });
      expect(await scraped(sentra)).toEqual(await counted(sentra));
    } finally {
      await sentra.close();
    }
  }, 120_000);
});
