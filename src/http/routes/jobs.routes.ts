import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from '@sinclair/typebox';
import type { Database } from '../../platform/database-schema.js';
import type { Clock } from '../../platform/clock.js';
import type { Authenticator } from '../../tenants/authenticator.js';
import { ErrorResponse } from '../../contract/error-response.js';
import { JobList, JobListQuery, JobView } from '../../contract/jobs.js';
import { findJob, listJobs, requeueJob, type JobRow } from '../../jobs/job.repository.js';
import { isJobStatus, isRetryable } from '../../jobs/job-status.js';
import { SentraError } from '../../errors/errors.js';
import { principalOf, requireRole } from '../auth.js';

const iso = (value: Date | null) => (value === null ? null : new Date(value).toISOString());

function view(row: JobRow): JobView {
  return {
    id: row.id,
    kind: row.kind,
    status: isJobStatus(row.status) ? row.status : 'queued',
    attempts: Number(row.attempts),
    run_after: iso(row.run_after)!,
    last_error: row.last_error,
    payload: row.payload,
    created_at: iso(row.created_at)!,
    updated_at: iso(row.updated_at)!,
    started_at: iso(row.started_at),
    finished_at: iso(row.finished_at),
  };
}

const JobParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 128 }) });

/** `GET /v1/admin/jobs` and `POST /v1/admin/jobs/{id}/retry`: the tenant's background jobs (admin). */
export function registerJobRoutes(app: FastifyInstance, authenticator: Authenticator, db: Kysely<Database>, clock: Clock): void {
  const admin = requireRole(authenticator, ['admin']);
  app.get<{ Querystring: JobListQuery }>(
    '/v1/admin/jobs',
    {
      onRequest: admin,
      schema: {
        tags: ['jobs'],
        summary: "The tenant's background jobs (KYC enrichment), newest first, optionally of one status",
        querystring: JobListQuery,
        response: { 200: JobList, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      const rows = await listJobs(db, principalOf(request).tenantId, { status: request.query.status, limit: request.query.limit ?? 100 });
      return { jobs: rows.map(view) };
    },
  );
  app.post<{ Params: { id: string } }>(
    '/v1/admin/jobs/:id/retry',
    {
      onRequest: admin,
      schema: {
        tags: ['jobs'],
        summary: 'Sends a failed or dead-lettered job back to the queue with a fresh attempt budget',
        params: JobParams,
        response: { 200: JobView, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request) => {
      const tenantId = principalOf(request).tenantId;
      const moved = await requeueJob(db, tenantId, request.params.id, new Date(clock.now()));
      if (moved !== undefined) return view(moved);
      const job = await findJob(db, tenantId, request.params.id);
      if (job === undefined) throw new SentraError('SENTRA_ERR_NOT_FOUND', `No job ${request.params.id}`);
      const status = isJobStatus(job.status) ? job.status : 'queued';
      throw new SentraError('SENTRA_ERR_CONFLICT', `Job ${job.id} is ${status}; only a failed or dead job can be retried${isRetryable(status) ? ' (it changed meanwhile)' : ''}`);
    },
  );
}
