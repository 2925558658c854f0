import { Type, type Static } from '@sinclair/typebox';

/**
 * The life of a job: `queued` (waiting for its run_after), `running` (leased by a worker),
 * `failed` (an attempt failed; waits for its backoff, then runs again), `done`, and `dead`
 * (dead-lettered: out of attempts or failed for good; only an admin retry revives it).
 */
export const jobStatuses = {
  queued: 'queued',
  running: 'running',
  failed: 'failed',
  done: 'done',
  dead: 'dead',
} as const satisfies Record<string, string>;

/** A job's status. */
export type JobStatus = (typeof jobStatuses)[keyof typeof jobStatuses];

/** Every status, in life order (for listings and metrics). */
export const allJobStatuses: readonly JobStatus[] = Object.values(jobStatuses);

/** The `kind` of KYC/KYB enrichment jobs (queued by the decision writer). */
export const kycEnrichmentKind = 'kyc_enrichment';
/** The `kind` of the jobs that re-screen a tenant's stored results after the lists changed. */
export const sanctionsRescreenKind = 'sanctions_rescreen';
/** The `kind` of the job that sends one webhook delivery. */
export const webhookDeliveryKind = 'webhook.deliver';

const JobStatusSchema = Type.Unsafe<JobStatus>({ type: 'string', enum: [...allJobStatuses], description: 'queued, running, failed (waiting for a retry), done or dead (dead-lettered).' });

/** `GET /v1/admin/jobs` query. */
export const JobListQuery = Type.Object(
  {
    status: Type.Optional(JobStatusSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100, description: 'Most jobs returned, newest first.' })),
  },
  { additionalProperties: false },
);
/** The job list query. */
export type JobListQuery = Static<typeof JobListQuery>;

/** One job as the admin API shows it. */
export const JobView = Type.Object({
  id: Type.String(),
  kind: Type.String({ description: 'kyc_enrichment, or sanctions_rescreen (stored results re-screened after a list import).' }),
  status: JobStatusSchema,
  attempts: Type.Integer({ description: 'Attempts started so far.' }),
  run_after: Type.String({ description: 'When a queued/failed job runs next; for a running job, when its lease expires.' }),
  last_error: Type.Union([Type.String(), Type.Null()]),
  payload: Type.Unknown(),
  created_at: Type.String(),
  updated_at: Type.String(),
  started_at: Type.Union([Type.String(), Type.Null()]),
  finished_at: Type.Union([Type.String(), Type.Null()]),
});
/** A job view. */
export type JobView = Static<typeof JobView>;

/** `GET /v1/admin/jobs` response. */
export const JobList = Type.Object({ jobs: Type.Array(JobView) });
