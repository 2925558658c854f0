import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Registry } from 'prom-client';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import { ManualClock } from '../src/platform/clock.js';
import { createLogger } from '../src/platform/logger.js';
import { newId } from '../src/platform/ids.js';
import { SentraError } from '../src/errors/errors.js';
import { JobRunner, type JobHandler } from '../src/jobs/job-runner.js';
import { registerJobMetrics, type JobMetrics } from '../src/jobs/job-metrics.js';
import { claimJobs, finishAttempt } from '../src/jobs/job.repository.js';
import { scoreBody } from './support/score-body.js';
import { tableRowsRead } from './support/row-counts.js';
import { sql } from 'kysely';

const auth = (token: string) => ({ authorization: `Bearer ${token}` });
// The manual clock starts at the real time: the retry route stamps with the app's (real) clock.
const start = Date.now();

describe.each(storeKinds)('job runner on %s', (store) => {
  let sentra: TestApp;
  let analystToken: string;
  const clock = new ManualClock(start);

  beforeAll(async () => {
    // The app's own runner is off: these tests drive runners by hand, on a manual clock.
    sentra = await startTestApp(store, { SENTRA_WORKER: 'off' });
    analystToken = await sentra.addToken('default', 'analyst');
  });
  afterAll(async () => {
    await sentra.close();
  });

  const db = () => sentra.runtime.database.db;
  const enqueue = async (kind: string, tenantId = 'default') => {
    const id = newId('job');
    const at = new Date(clock.now());
    await db()
      .insertInto('jobs')
      .values({ id, tenant_id: tenantId, kind, dedupe_key: id, payload: JSON.stringify({ n: 1 }), status: 'queued', attempts: 0, run_after: at, last_error: null, created_at: at, updated_at: at })
      .execute();
    return id;
  };
  const job = (id: string) => db().selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const runner = (kind: string, handler: JobHandler, options: { owner?: string; attemptTimeoutMs?: number; maxAttempts?: number; shouldYield?: () => boolean; stopGraceMs?: number; metrics?: JobMetrics } = {}) =>
    new JobRunner({
      db: db(),
      clock,
      logger: createLogger('silent'),
      metrics: options.metrics ?? registerJobMetrics(new Registry(), db()),
      handlers: { [kind]: handler },
      concurrency: 4,
      pollIntervalMs: 10,
      attemptTimeoutMs: options.attemptTimeoutMs ?? 1_000,
      maxAttempts: options.maxAttempts ?? 3,
      backoff: { baseMs: 1_000, maxMs: 60_000 },
      owner: options.owner,
      ...(options.shouldYield === undefined ? {} : { shouldYield: options.shouldYield }),
      ...(options.stopGraceMs === undefined ? {} : { stopGraceMs: options.stopGraceMs }),
    });

  it('takes again a job whose worker died, once its lease expired, and ignores the dead worker if it comes back', async () => {
    const id = await enqueue('lease_test');
    const crashed = runner('lease_test', async () => undefined, { owner: 'crashed-worker' });
    // The first worker claims the job, then dies before recording anything.
    const [taken] = await claimJobs(db(), { kinds: ['lease_test'], limit: 1, now: new Date(clock.now()), leaseMs: crashed.leaseMs, owner: 'crashed-worker' });
    expect(taken).toMatchObject({ id, attempts: 1 });
    const survivor = runner('lease_test', async () => undefined, { owner: 'survivor' });
    expect(await survivor.runDue()).toBe(0); // leased: nobody else may take it
    clock.advance(survivor.leaseMs + 1);
    expect(await survivor.runDue()).toBe(1);
    expect(await job(id)).toMatchObject({ status: 'done', attempts: 2, locked_by: null });
    // The first worker was only slow: its late outcome changes nothing.
    expect(await finishAttempt(db(), taken!, { status: 'failed', now: new Date(clock.now()), error: 'late' })).toBe(false);
    expect((await job(id)).status).toBe('done');
  });

  it('retries a failing job with growing, jittered delays and dead-letters it after the last attempt', async () => {
    const id = await enqueue('failing');
    let calls = 0;
    const failing = runner('failing', async () => {
      calls++;
      throw new Error(`provider said no (${calls})`);
    });
    expect(await failing.runDue()).toBe(1);
    const afterFirst = await job(id);
    expect(afterFirst).toMatchObject({ status: 'failed', attempts: 1, last_error: 'provider said no (1)' });
    const firstDelay = new Date(afterFirst.run_after).getTime() - clock.now();
    expect(firstDelay).toBeGreaterThanOrEqual(500);
    expect(firstDelay).toBeLessThanOrEqual(1_000);
    expect(await failing.runDue()).toBe(0); // not before its backoff
    clock.advance(firstDelay);
    expect(await failing.runDue()).toBe(1);
    const afterSecond = await job(id);
    const secondDelay = new Date(afterSecond.run_after).getTime() - clock.now();
    expect(secondDelay).toBeGreaterThanOrEqual(1_000);
    expect(secondDelay).toBeLessThanOrEqual(2_000);
    clock.advance(secondDelay);
    expect(await failing.runDue()).toBe(1);
    expect(await job(id)).toMatchObject({ status: 'dead', attempts: 3, last_error: 'provider said no (3)' });
    clock.advance(3_600_000);
    expect(await failing.runDue()).toBe(0);

    const dead = await sentra.app.inject({ method: 'GET', url: '/v1/admin/jobs?status=dead', headers: auth(adminToken) });
    expect(dead.statusCode).toBe(200);
    expect(dead.json().jobs.map((item: { id: string }) => item.id)).toContain(id);
    expect((await sentra.app.inject({ method: 'GET', url: '/v1/admin/jobs', headers: auth(analystToken) })).statusCode).toBe(403);
    expect((await sentra.app.inject({ method: 'GET', url: '/v1/admin/jobs?status=sleeping', headers: auth(adminToken) })).statusCode).toBe(400);

    const retried = await sentra.app.inject({ method: 'POST', url: `/v1/admin/jobs/${id}/retry`, headers: auth(adminToken) });
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ id, status: 'queued', attempts: 0 });
    const again = await sentra.app.inject({ method: 'POST', url: `/v1/admin/jobs/${id}/retry`, headers: auth(adminToken) });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('SENTRA_ERR_CONFLICT');
    expect((await sentra.app.inject({ method: 'POST', url: '/v1/admin/jobs/job_unknown/retry', headers: auth(adminToken) })).statusCode).toBe(404);
    const fixed = runner('failing', async () => undefined);
    expect(await fixed.runDue()).toBe(1);
    expect(await job(id)).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('aborts an attempt that outlives its timeout, and dead-letters at once a failure no retry can fix', async () => {
    const hanging = await enqueue('hanging');
    let aborted = false;
    const slow = runner(
      'hanging',
      (_job, signal) =>
        new Promise<void>(() => {
          signal.addEventListener('abort', () => {
            aborted = true;
          });
        }),
      { attemptTimeoutMs: 50 },
    );
    expect(await slow.runDue()).toBe(1);
    expect(aborted).toBe(true);
    expect(await job(hanging)).toMatchObject({ status: 'failed', attempts: 1, last_error: 'attempt 1 timed out after 50 ms' });

    const refused = await enqueue('refused');
    const permanent = runner('refused', async () => {
      throw new SentraError('SENTRA_ERR_VALIDATION', 'doc_s3_url names a bucket that is not allowed');
    });
    expect(await permanent.runDue()).toBe(1);
    expect(await job(refused)).toMatchObject({ status: 'dead', attempts: 1, last_error: 'SENTRA_ERR_VALIDATION: doc_s3_url names a bucket that is not allowed' });
  });

  it('lets several runners claim side by side without taking the same job twice', async () => {
    const ids = await Promise.all(Array.from({ length: 12 }, () => enqueue('parallel')));
    const seen: string[] = [];
    const record: JobHandler = async (claimed) => {
      seen.push(claimed.id);
      await new Promise((resolve) => setTimeout(resolve, 5));
    };
    const runners = ['a', 'b', 'c'].map((owner) => runner('parallel', record, { owner }));
    let ran = 0;
    while (ran < ids.length) {
      const counts = await Promise.all(runners.map((each) => each.runDue()));
      ran += counts.reduce((sum, count) => sum + count, 0);
    }
    expect(seen.sort()).toEqual([...ids].sort());
    expect(new Set(seen).size).toBe(ids.length);
  });

  it('claims for several kinds by walking each kind\'s due jobs in order, reading about what it takes whatever the backlog', async () => {
    const at = new Date(clock.now());
    // 3,000 due jobs of one kind and a few of another, the older: a backlog after an outage.
    await sql`insert into jobs (id, tenant_id, kind, dedupe_key, payload, status, attempts, run_after, created_at, updated_at)
      select 'job_backlog_' || lpad(g::text, 5, '0'), 'default', 'backlog_a', 'backlog_' || g, '{}'::jsonb, 'queued', 0, ${at}::timestamptz - interval '1 hour' + g * interval '1 ms', ${at}, ${at}
        from generate_series(1, 3000) as g`.execute(db());
    const older = await Promise.all([1, 2].map(async (n) => {
      const id = await enqueue('backlog_b');
      await db().updateTable('jobs').set({ run_after: new Date(at.getTime() - 7_200_000 + n) }).where('id', '=', id).execute();
      return id;
    }));
    const before = await tableRowsRead(db(), 'jobs');
    const taken = await claimJobs(db(), { kinds: ['backlog_a', 'backlog_b'], limit: 8, now: at, leaseMs: 60_000, owner: 'backlog-runner' });
    const read = (await tableRowsRead(db(), 'jobs')) - before;
    // The oldest due across both kinds: the two of backlog_b, then the first six of backlog_a.
    expect(taken.map((job) => job.id)).toEqual([...older, ...[1, 2, 3, 4, 5, 6].map((n) => `job_backlog_0000${n}`)]);
    // Each kind's walk stops at the limit (up to 8 + 2 rows), and the update reads the 8 it takes.
    // One condition on both kinds read and sorted all 3,002 due jobs.
    expect(read).toBeLessThanOrEqual(40);
    await db().deleteFrom('jobs').where('kind', 'in', ['backlog_a', 'backlog_b']).execute();
  });

  it('runs one job at a time, a pause apart, while it yields to more urgent work, and its full concurrency again once it no longer yields', async () => {
    const ids = await Promise.all(Array.from({ length: 6 }, () => enqueue('yielding')));
    let yielding = true;
    let running = 0;
    let most = 0;
    const starts: number[] = [];
    const busy = runner(
      'yielding',
      async () => {
        starts.push(performance.now());
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 30));
        running--;
      },
      { shouldYield: () => yielding },
    );
    busy.start();
    const statuses = async () => (await db().selectFrom('jobs').select('status').where('id', 'in', ids).execute()).map((row) => row.status);
    while ((await statuses()).filter((status) => status === 'done').length < 3) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(most).toBe(1);
    // A pause of at least 250 ms between one job's start and the next while yielding.
    expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(250);
    yielding = false;
    while ((await statuses()).some((status) => status !== 'done')) await new Promise((resolve) => setTimeout(resolve, 20));
    await busy.stop();
    expect(most).toBeGreaterThan(1);
  });

  it('finishes the attempts in flight before stop() resolves (a shutdown drains jobs and webhook deliveries), and claims nothing more', async () => {
    const ids = await Promise.all(Array.from({ length: 2 }, () => enqueue('draining')));
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started = 0;
    const draining = runner('draining', async () => {
      started++;
      await held;
    });
    draining.start();
    while (started < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    let stopped = false;
    const stopping = draining.stop().then(() => (stopped = true));
    const later = await enqueue('draining');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stopped, 'stop() resolved while attempts were in flight').toBe(false);
    release();
    await stopping;
    for (const id of ids) expect((await job(id)).status, id).toBe('done');
    expect((await job(later)).status, 'a job queued during the stop is left for the next runner').toBe('queued');
  });

  it('aborts the attempts still running when stop()\'s grace ends, records them to run again at once without counting the attempt, and another runner completes them', async () => {
    const id = await enqueue('hung_at_stop');
    const signals: AbortSignal[] = [];
    // One attempt ignores its signal (it would hang forever); stop() must end it all the same.
    const metrics = registerJobMetrics(new Registry(), db());
    const hung = runner('hung_at_stop', (_job, signal) => new Promise<void>(() => void signals.push(signal)), { attemptTimeoutMs: 60_000, maxAttempts: 1, stopGraceMs: 50, metrics });
    hung.start();
    while (signals.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await hung.stop();
    expect(signals[0]!.aborted).toBe(true);
    expect(await job(id)).toMatchObject({ status: 'failed', attempts: 0, locked_by: null, last_error: 'interrupted: the job runner stopped while the attempt ran' });
    expect(new Date((await job(id)).run_after).getTime()).toBeLessThanOrEqual(clock.now());
    const outcomes = (await metrics.attempts.get()).values.map((sample) => [sample.labels.outcome, sample.value]);
    expect(outcomes).toEqual([['interrupted', 1]]);
    // Its one allowed attempt was given back: the next runner runs it rather than dead-lettering it.
    const next = runner('hung_at_stop', async () => undefined, { maxAttempts: 1 });
    expect(await next.runDue()).toBe(1);
    expect(await job(id)).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('shows job counts per status in the metrics, equal to the table after every claim, end, retry and score above', async () => {
    // A score with a document queues its job through the decision writer's statement.
    const scored = await sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers: auth(adminToken), payload: scoreBody({ kyc_refs: [{ entity_id: 'cust-counted', text_blob: 'Full name: Counted Example' }] }) });
    expect(scored.statusCode, scored.body).toBe(200);
    const metrics = await sentra.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/sentra_jobs\{status="dead"\} \d+/);
    expect(metrics.body).toMatch(/sentra_jobs\{status="done"\} [1-9]/);
    const shown = Object.fromEntries([...metrics.body.matchAll(/^sentra_jobs\{status="(\w+)"\} (\d+)$/gm)].map(([, status, value]) => [status, Number(value)]));
    const rows = await db().selectFrom('jobs').select(['status', (eb) => eb.fn.countAll<string | number>().as('count')]).groupBy('status').execute();
    const table = Object.fromEntries(['queued', 'running', 'failed', 'done', 'dead'].map((status) => [status, Number(rows.find((row) => row.status === status)?.count ?? 0)]));
    expect(table.queued).toBeGreaterThan(0);
    expect(shown).toEqual(table);
  });
});
