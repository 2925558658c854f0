import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { countJobsByStatus } from './job.repository.js';
import { allJobStatuses } from '../contract/jobs.js';

/** The job runner's Prometheus metrics. */
export interface JobMetrics {
  /** Attempts ended, per kind and outcome (done, failed, dead, timeout, lost, interrupted). */
  readonly attempts: Counter<'kind' | 'outcome'>;
  /** From enqueue to done, per kind: what a caller waits for an enrichment. */
  readonly latency: Histogram<'kind'>;
  /** Duration of one attempt, per kind. */
  readonly attemptDuration: Histogram<'kind'>;
}

/**
 * Registers the job metrics on an app's registry. `sentra_jobs{status}` (queued, running, failed,
 * done, dead) is read at scrape time from the per-status counts the database maintains (migration
 * 0043), so it is right whichever process ran the jobs and costs the same however many there are.
 */
export function registerJobMetrics(registry: Registry, db: Kysely<Database>): JobMetrics {
  new Gauge({
    name: 'sentra_jobs',
    help: 'Jobs in the queue by status (done: those within SENTRA_JOB_DONE_RETENTION_DAYS)',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const counts = await countJobsByStatus(db).catch(() => undefined);
      if (counts === undefined) return;
      for (const status of allJobStatuses) this.set({ status }, counts.get(status) ?? 0);
    },
  });
  const seconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];
  return {
    attempts: new Counter({ name: 'sentra_job_attempts_total', help: 'Job attempts by kind and outcome', labelNames: ['kind', 'outcome'], registers: [registry] }),
    latency: new Histogram({ name: 'sentra_job_latency_seconds', help: 'From enqueue to done, per job kind', labelNames: ['kind'], buckets: seconds, registers: [registry] }),
    attemptDuration: new Histogram({ name: 'sentra_job_attempt_seconds', help: 'Duration of one job attempt', labelNames: ['kind'], buckets: seconds, registers: [registry] }),
  };
}
