import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from '../platform/logger.js';
import { installErrorHandler, sendError } from './error-handler.js';
import { AuthFailureLimiter } from './auth-failure-limiter.js';
import type { KeyRateLimiter } from '../platform/key-rate-limiter.js';
import { installRouteTable } from './route-access.js';
import { refuseNulCharacters } from './nul-characters.js';
import { installSecurityHeaders } from './security-headers.js';
import { installLoadShedding, type SheddingOptions } from './load-shedding.js';

/** HTTP server settings. */
export interface ServerOptions {
  logger: Logger;
  bodyLimitBytes: number;
  /** Failed authentications per client address per minute before 429; absent means unlimited. */
  authFailureLimit?: number;
  /**
   * Requests per second each bearer token may make before 429, counted by `limiter` (in memory
   * embedded, in Redis shared by every process when scaled); absent means unlimited.
   */
  tokenRates?: { readonly limiter: KeyRateLimiter; readonly perSecond: number };
  /** Longest time a client may take to send one whole request (slow-client protection). */
  requestTimeoutMs?: number;
  /** Longest a socket may stay silent before it is closed. */
  connectionTimeoutMs?: number;
  /** Admission control of the decision routes; absent means none. */
  shedding?: SheddingOptions;
}

/**
 * A Fastify instance with Sentra's conventions: JSON only (no text/plain parser, so other media
 * types get 415), every schema error listed (allErrors) without type coercion, one error handler,
 * a route table every route is recorded in, timeouts so a slow or silent client cannot hold
 * a connection open forever, and load shedding on the routes that make decisions.
 */
export function createServer(options: ServerOptions): FastifyInstance {
  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  const app: FastifyInstance = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    // Per-request logs would dominate at thousands of requests a second; metrics cover latency.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: options.bodyLimitBytes,
    genReqId: () => `req_${Math.random().toString(36).slice(2, 12)}`,
    ajv: { customOptions: { allErrors: true, coerceTypes: false, removeAdditional: false, useDefaults: false } },
    return503OnClosing: true,
    // The router's own errors (a path parameter too long, a malformed URL) get the one error body too.
    frameworkErrors: (error, request, reply) => void sendError(request, reply, error),
    requestTimeout,
    connectionTimeout: options.connectionTimeoutMs ?? 60_000,
    // Node checks request deadlines only every connectionsCheckingInterval (30 s by default).
    http: { connectionsCheckingInterval: Math.min(1_000, requestTimeout), headersTimeout: Math.min(60_000, requestTimeout) },
  });
  // The connection timeout is for a silent client. Once a request is in, the time is the server's
  // (a million-entry list upload, a dataset import, a backtest): the socket's idle timer stops, as
  // Node itself does for later requests of a kept-alive connection, and restarts at keep-alive.
  app.addHook('preHandler', (request, _reply, done) => {
    const socket = request.raw.socket as { setTimeout?: unknown } | undefined;
    // An injected request (tests, app.inject) has a stand-in socket without timers.
    if (typeof socket?.setTimeout === 'function') request.raw.socket.setTimeout(0);
    done();
  });
  app.decorate('authFailures', options.authFailureLimit === undefined ? undefined : new AuthFailureLimiter(options.authFailureLimit));
  app.decorate('tokenRates', options.tokenRates);
  installRouteTable(app);
  if (options.shedding !== undefined) installLoadShedding(app, options.shedding);
  refuseNulCharacters(app);
  installSecurityHeaders(app);
  app.removeContentTypeParser('text/plain');
  installErrorHandler(app);
  return app;
}
