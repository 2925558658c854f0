import { assertNever } from '../errors/errors.js';

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

/** True for a status a worker may take a job from (a running one only once its lease expired). */
export function isClaimable(status: JobStatus): boolean {
  switch (status) {
    case 'queued':
    case 'failed':
    case 'running':
      return true;
    case 'done':
    case 'dead':
      return false;
    default:
      return assertNever(status, 'job status');
  }
}

/** True for a status an admin may send back to the queue. */
export function isRetryable(status: JobStatus): boolean {
  switch (status) {
    case 'failed':
    case 'dead':
      return true;
    case 'queued':
    case 'running':
    case 'done':
      return false;
    default:
      return assertNever(status, 'job status');
  }
}

/** Narrows a stored status. */
export function isJobStatus(value: string): value is JobStatus {
  return (allJobStatuses as readonly string[]).includes(value);
}
