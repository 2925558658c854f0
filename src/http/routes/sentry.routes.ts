import type { FastifyInstance } from 'fastify';
import { SentryRequest, SentryResponse } from '../../contract/sentry.js';
import type { NetworkSignals } from '../../features/network/network-signals.js';
import type { Clock } from '../../platform/clock.js';
import type { MerchantScoring } from '../../merchants/merchant-scoring.js';
import { checkSentryRequest, sentryCall } from '../../merchants/sentry-request.js';
import { requestConfidence } from '../../merchants/score-mapping.js';
import { billingView } from '../../merchants/billing-view.js';
import { merchantOf, requireMerchantKey, type MerchantAuthOptions } from '../merchant-auth.js';
import { sendSentryError } from '../sentry-error.js';
import { setMerchantAnswerHeaders } from '../merchant-answer-headers.js';

/** What the confidence API needs. */
export interface SentryRouteOptions {
  auth: MerchantAuthOptions;
  flow: MerchantScoring;
  network: NetworkSignals;
  clock: Clock;
  /** Key of the device fingerprint HMAC. */
  deviceKey: Buffer;
  /** Largest body read (above the schema's own limits, so an oversized field is a 400 naming it). */
  bodyLimitBytes: number;
}

const answers = { 200: SentryResponse, 400: SentryResponse, 401: SentryResponse, 402: SentryResponse, 413: SentryResponse, 415: SentryResponse, 429: SentryResponse, 503: SentryResponse };

/**
 * `POST /api/v1/sentry`: the confidence contract (seed 002), answered by the one engine. Every
 * answer, errors included, has the seed's shape. A request without an IP address is scored on what
 * it has, and the `Sentra-Signal-Quality` header says `reduced; missing=ipAddress`.
 */
export async function registerSentryRoutes(app: FastifyInstance, options: SentryRouteOptions): Promise<void> {
  await app.register(async (scope) => {
    scope.setErrorHandler((error, request, reply) => sendSentryError(request, reply, error));
    scope.post<{ Body: SentryRequest }>(
      '/api/v1/sentry',
      {
        onRequest: requireMerchantKey(options.auth, 'sentry'),
        config: { shed: true },
        bodyLimit: options.bodyLimitBytes,
        schema: {
          tags: ['merchants'],
          summary: 'Confidence that a request is legitimate (0–1), billed per call',
          body: SentryRequest,
          response: answers,
        },
      },
      async (request, reply) => {
        const startedAt = performance.now() - reply.elapsedTime;
        const principal = merchantOf(request);
        checkSentryRequest(request.body);
        const call = sentryCall(request.body, principal.merchant, options.clock.now(), options.deviceKey, options.network);
        const { scored, charge } = await options.flow.score(principal, 'SENTRY', call, 'confidence', startedAt, () => Promise.resolve(undefined));
        setMerchantAnswerHeaders(reply, scored.response.request_id, principal.merchant.mode, call.missingSignals);
        return { isSuccess: true, sentryResponse: { requestConfidence: requestConfidence(scored.response.risk_score) }, billing: billingView(charge), errors: null };
      },
    );
  });
}
