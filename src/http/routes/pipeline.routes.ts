import type { FastifyInstance } from 'fastify';
import { PipelineApiRequest, PipelineApiResponse } from '../../contract/pipeline.js';
import type { NetworkSignals } from '../../features/network/network-signals.js';
import type { Clock } from '../../platform/clock.js';
import type { MerchantScoring } from '../../merchants/merchant-scoring.js';
import { sentryCall } from '../../merchants/sentry-request.js';
import { checkPipelineRequest, pipelineResponse } from '../../merchants/pipeline-request.js';
import { billingView } from '../../merchants/billing-view.js';
import { runPipelineStages, type PipelineDependencies, type PipelineOutcome } from '../../scoring/pipeline-stages.js';
import { merchantOf, requireMerchantKey, type MerchantAuthOptions } from '../merchant-auth.js';
import { sendSentryError } from '../sentry-error.js';
import { setMerchantAnswerHeaders } from '../merchant-answer-headers.js';

/** What the pipeline API needs. */
export interface PipelineRouteOptions {
  auth: MerchantAuthOptions;
  flow: MerchantScoring;
  /** The scoring flow and the tenants' in-memory rules and lists the stages run on. */
  stages: PipelineDependencies;
  network: NetworkSignals;
  clock: Clock;
  /** Key of the device fingerprint HMAC. */
  deviceKey: Buffer;
  /** Largest body read (above the schema's own limits, so an oversized field is a 400 naming it). */
  bodyLimitBytes: number;
}

const answers = { 200: PipelineApiResponse, 400: PipelineApiResponse, 401: PipelineApiResponse, 402: PipelineApiResponse, 413: PipelineApiResponse, 415: PipelineApiResponse, 429: PipelineApiResponse, 503: PipelineApiResponse };

/**
 * `POST /api/v1/pipeline`: the confidence request (seed 002) run through the named stages
 * (PreCheck → Sentry → Rules by default; src/scoring/pipeline-stages.ts), billed once as PIPELINE.
 * Every answer, errors included, follows the confidence answer's conventions (`isSuccess`,
 * `billing`, `errors`); the stages' answers are in `pipelineResponse`.
 */
export async function registerPipelineRoutes(app: FastifyInstance, options: PipelineRouteOptions): Promise<void> {
  await app.register(async (scope) => {
    scope.setErrorHandler((error, request, reply) => sendSentryError(request, reply, error, 'pipelineResponse'));
    scope.post<{ Body: PipelineApiRequest }>(
      '/api/v1/pipeline',
      {
        onRequest: requireMerchantKey(options.auth, 'pipeline'),
        config: { shed: true },
        bodyLimit: options.bodyLimitBytes,
        schema: {
          tags: ['merchants'],
          summary: 'Run a confidence request through the pipeline stages PreCheck → Sentry → Rules, billed per call',
          body: PipelineApiRequest,
          response: answers,
        },
      },
      async (request, reply) => {
        const startedAt = performance.now() - reply.elapsedTime;
        const principal = merchantOf(request);
        const stages = checkPipelineRequest(request.body);
        const call = sentryCall(request.body, principal.merchant, options.clock.now(), options.deviceKey, options.network);
        let outcome: PipelineOutcome | undefined;
        const { charge } = await options.flow.score(
          principal,
          'PIPELINE',
          call,
          'pipeline',
          startedAt,
          () => Promise.resolve(undefined),
          async (scoreCall) => {
            outcome = await runPipelineStages(stages, { record: call.record, kycRefs: [], digest: call.digest, call: scoreCall, amountPath: '/order/amount' }, options.stages);
            if (outcome.scored === undefined) throw new Error('the pipeline scored nothing');
            return outcome.scored;
          },
        );
        const scored = outcome!.scored!;
        setMerchantAnswerHeaders(reply, scored.response.request_id, principal.merchant.mode, call.missingSignals);
        return { isSuccess: true, pipelineResponse: pipelineResponse(outcome!), billing: billingView(charge), errors: null };
      },
    );
  });
}
