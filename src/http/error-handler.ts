import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SentraError, errorCatalogue, type ErrorCode, type ProblemDetail } from '../errors/errors.js';
import { isStoreUnavailable } from '../platform/store-errors.js';
import { statusOf } from './error-status.js';
import { toProblemDetails, type SchemaError } from './validation-details.js';
import { RateLimitedError } from './rate-limited-error.js';

/** Fastify's own error codes that are caller mistakes, mapped to Sentra codes. */
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'SENTRA_ERR_PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'SENTRA_ERR_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'SENTRA_ERR_MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'SENTRA_ERR_MALFORMED_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'SENTRA_ERR_MALFORMED_JSON',
  FST_ERR_CTP_INVALID_TYPE: 'SENTRA_ERR_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_TYPE: 'SENTRA_ERR_UNSUPPORTED_MEDIA_TYPE',
  // A static-file path with a backslash or a `..` that escapes the root: there is no such file.
  FST_STATIC_FORBIDDEN_PATH: 'SENTRA_ERR_NOT_FOUND',
  // Raised by the router before any route runs (see frameworkErrors in server.ts).
  FST_ERR_MAX_PARAM_LENGTH: 'SENTRA_ERR_NOT_FOUND',
  FST_ERR_BAD_URL: 'SENTRA_ERR_VALIDATION',
};

/** Other caller mistakes a plugin reports only by status: mapped by status, never a 500. */
const statusCodes: Record<number, ErrorCode> = {
  400: 'SENTRA_ERR_VALIDATION',
  401: 'SENTRA_ERR_UNAUTHENTICATED',
  403: 'SENTRA_ERR_FORBIDDEN',
  404: 'SENTRA_ERR_NOT_FOUND',
  409: 'SENTRA_ERR_CONFLICT',
  413: 'SENTRA_ERR_PAYLOAD_TOO_LARGE',
  415: 'SENTRA_ERR_UNSUPPORTED_MEDIA_TYPE',
  429: 'SENTRA_ERR_RATE_LIMITED',
};

/** An error as every error body reports it: catalogue code, sentence, problems. */
export interface Mapped {
  code: ErrorCode;
  message: string;
  details: readonly ProblemDetail[];
}

/** The catalogue code, message and problems of any error a route raises (unknown ones are internal). */
export function mapError(error: unknown): Mapped {
  if (error instanceof SentraError) return { code: error.code, message: error.message, details: error.details };
  if (isStoreUnavailable(error)) {
    return { code: 'SENTRA_ERR_STORE_UNAVAILABLE', message: errorCatalogue.SENTRA_ERR_STORE_UNAVAILABLE.message, details: [] };
  }
  const fastifyError = error as Partial<FastifyError> & { validation?: SchemaError[]; validationContext?: string };
  if (Array.isArray(fastifyError.validation)) {
    const details = toProblemDetails(fastifyError.validation, fastifyError.validationContext === 'body' ? '' : `/${fastifyError.validationContext ?? ''}`);
    return { code: 'SENTRA_ERR_VALIDATION', message: errorCatalogue.SENTRA_ERR_VALIDATION.message, details };
  }
  if (error instanceof SyntaxError || fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return {
      code: 'SENTRA_ERR_MALFORMED_JSON',
      message: errorCatalogue.SENTRA_ERR_MALFORMED_JSON.message,
      details: [{ code: 'json', path: '/', message: fastifyError.message ?? 'invalid JSON' }],
    };
  }
  const known = fastifyError.code === undefined ? undefined : fastifyCodes[fastifyError.code];
  if (known === 'SENTRA_ERR_MALFORMED_JSON') {
    return { code: known, message: errorCatalogue[known].message, details: [{ code: 'json', path: '/', message: fastifyError.message ?? 'invalid JSON body' }] };
  }
  if (known !== undefined) return { code: known, message: errorCatalogue[known].message, details: [] };
  const byStatus = fastifyError.statusCode === undefined ? undefined : statusCodes[fastifyError.statusCode];
  if (byStatus !== undefined) return { code: byStatus, message: errorCatalogue[byStatus].message, details: [] };
  return { code: 'SENTRA_ERR_INTERNAL', message: errorCatalogue.SENTRA_ERR_INTERNAL.message, details: [] };
}

/** The error body every route answers with, and its status. */
export function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const mapped = mapError(error);
  const status = statusOf(mapped.code);
  if (status >= 500 && mapped.code === 'SENTRA_ERR_INTERNAL') {
    request.log.error({ err: error }, 'unhandled error');
  }
  if (status === 503) void reply.header('retry-after', '1');
  if (error instanceof RateLimitedError) void reply.header('retry-after', String(error.retryAfterSeconds));
  return reply.status(status).send({
    error: { code: mapped.code, message: mapped.message, request_id: request.id, details: mapped.details },
  });
}

/** Installs the one error handler (and the 404 handler) of the app. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => sendError(request, reply, error));
  app.setNotFoundHandler((request, reply) =>
    sendError(request, reply, new SentraError('SENTRA_ERR_NOT_FOUND', `No route ${request.method} ${request.url}`)),
  );
}
