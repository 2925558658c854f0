import type { FastifyReply, FastifyRequest } from 'fastify';
import { mapError } from './error-handler.js';
import { statusOf } from './error-status.js';
import { RateLimitedError } from './rate-limited-error.js';
import type { SentryResponse } from '../contract/sentry.js';

/** The result field of a seed 002 answer: the confidence API's or the pipeline's. */
export type SeedResultField = 'sentryResponse' | 'pipelineResponse';

/**
 * The error body of the seed 002 contracts (the confidence API and the pipeline): `isSuccess: false`,
 * no result (`resultField` null), no billing, and `errors` listing every problem with its catalogue
 * code, the reason at its path and a sentence. Statuses and codes are those of the one error body;
 * only the shape is the contract's.
 */
export function sendSentryError(request: FastifyRequest, reply: FastifyReply, error: unknown, resultField: SeedResultField = 'sentryResponse'): FastifyReply {
  const mapped = mapError(error);
  const status = statusOf(mapped.code);
  if (status >= 500 && mapped.code === 'SENTRA_ERR_INTERNAL') request.log.error({ err: error }, 'unhandled error');
  if (status === 503) void reply.header('retry-after', '1');
  if (error instanceof RateLimitedError) void reply.header('retry-after', String(error.retryAfterSeconds));
  const errors =
    mapped.details.length > 0
      ? mapped.details.map((detail) => ({ code: mapped.code, reason: detail.code, path: detail.path, message: detail.message }))
      : [{ code: mapped.code, reason: mapped.code, path: '', message: mapped.message }];
  const body: Omit<SentryResponse, 'sentryResponse'> & Partial<Record<SeedResultField, null>> = { isSuccess: false, [resultField]: null, billing: null, errors };
  return reply.status(status).send(body);
}
