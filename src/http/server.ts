import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from '../platform/logger.js';
import { installErrorHandler } from './error-handler.js';

/** HTTP server settings. */
export interface ServerOptions {
  logger: Logger;
  bodyLimitBytes: number;
}

/**
 * A Fastify instance with Sentra's conventions: JSON only (no text/plain parser, so other media
 * types get 415), every schema error listed (allErrors) without type coercion, one error handler.
 */
export function createServer(options: ServerOptions): FastifyInstance {
  const app: FastifyInstance = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    // Per-request logs would dominate at thousands of requests a second; metrics cover latency.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: options.bodyLimitBytes,
    genReqId: () => `req_${Math.random().toString(36).slice(2, 12)}`,
    ajv: { customOptions: { allErrors: true, coerceTypes: false, removeAdditional: false, useDefaults: false } },
    return503OnClosing: true,
  });
  app.removeContentTypeParser('text/plain');
  installErrorHandler(app);
  return app;
}
