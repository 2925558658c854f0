import { assertNever } from '../errors/errors.js';
import { allJobStatuses, type JobStatus } from '../contract/jobs.js';

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
