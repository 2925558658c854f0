import type { FastifyInstance } from 'fastify';
import { SentryRequest, SentryResponse } from '../../contract/sentry.js';
import type { NetworkSignals } from '../../features/network/network-signals.js';
import type { Clock } from '../../platform/clock.js';
import type { MerchantScoring } from '../../merchants/merchant-scoring.js';
import { checkSentryRequest, sentryCall } from '../../merchants/sentry-request.js';
import { requestConfidence } from '../../merchants/score-mapping.js';
import { billingView } from '../../merchants/billing-view.js';
import { merchantOf, type MerchantAuthOptions } from '../merchant-auth.js';
import { registerSeedContractRoute } from '../seed-contract-route.js';
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

/**
 * `POST /api/v1/sentry`: the confidence contract (seed 002), answered by the one engine. Every
 * answer, errors included, has the seed's shape. A request without an IP address is scored on what
 * it has, and the `Sentra-Signal-Quality` header says `reduced; missing=ipAddress`.
 */
export async function registerSentryRoutes(app: FastifyInstance, options: SentryRouteOptions): Promise<void> {
  const route = { url: '/api/v1/sentry', resultField: 'sentryResponse', summary: 'Confidence that a request is legitimate (0–1), billed per call', body: SentryRequest, answer: SentryResponse } as const;
  await registerSeedContractRoute(app, options.auth, options.bodyLimitBytes, route, async (request, reply) => {
    const startedAt = performance.now() - reply.elapsedTime;
    const principal = merchantOf(request);
    checkSentryRequest(request.body);
    const call = sentryCall(request.body, principal.merchant, options.clock.now(), options.deviceKey, options.network);
    const { scored, charge } = await options.flow.score(principal, 'SENTRY', call, 'confidence', startedAt, () => Promise.resolve(undefined));
    setMerchantAnswerHeaders(reply, scored.response.request_id, principal.merchant.mode, call.missingSignals);
    return { isSuccess: true, sentryResponse: { requestConfidence: requestConfidence(scored.response.risk_score) }, billing: billingView(charge), errors: null };
  });
}
