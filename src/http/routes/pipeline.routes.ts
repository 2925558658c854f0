import type { FastifyInstance } from 'fastify';
import { PipelineApiRequest, PipelineApiResponse } from '../../contract/pipeline.js';
import { sentryCall } from '../../merchants/sentry-request.js';
import { checkPipelineRequest, pipelineResponse } from '../../merchants/pipeline-request.js';
import { billingView } from '../../merchants/billing-view.js';
import { runPipelineStages, type PipelineDependencies, type PipelineOutcome } from '../../scoring/pipeline-stages.js';
import { merchantOf } from '../merchant-auth.js';
import { registerSeedContractRoute } from '../seed-contract-route.js';
import type { SentryRouteOptions } from './sentry.routes.js';
import { setMerchantAnswerHeaders } from '../merchant-answer-headers.js';

/** What the pipeline API needs: what the confidence API needs, and what its stages run on. */
export interface PipelineRouteOptions extends SentryRouteOptions {
  /** The scoring flow and the tenants' in-memory rules and lists the stages run on. */
  stages: PipelineDependencies;
}

/**
 * `POST /api/v1/pipeline`: the confidence request (seed 002) run through the named stages
 * (PreCheck → Sentry → Rules by default; src/scoring/pipeline-stages.ts), billed once as PIPELINE.
 * Every answer, errors included, follows the confidence answer's conventions (`isSuccess`,
 * `billing`, `errors`); the stages' answers are in `pipelineResponse`.
 */
export async function registerPipelineRoutes(app: FastifyInstance, options: PipelineRouteOptions): Promise<void> {
  const route = {
    url: '/api/v1/pipeline',
    resultField: 'pipelineResponse',
    summary: 'Run a confidence request through the pipeline stages PreCheck → Sentry → Rules, billed per call',
    body: PipelineApiRequest,
    answer: PipelineApiResponse,
  } as const;
  await registerSeedContractRoute(app, options.auth, options.bodyLimitBytes, route, async (request, reply) => {
    const startedAt = performance.now() - reply.elapsedTime;
    const principal = merchantOf(request);
    const stages = checkPipelineRequest(request.body);
    const call = sentryCall(request.body, principal.merchant, options.clock.now(), options.deviceKey, options.network);
    let outcome: PipelineOutcome | undefined;
    const { scored, charge } = await options.flow.score(
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
    setMerchantAnswerHeaders(reply, scored.response.request_id, principal.merchant.mode, call.missingSignals);
    return { isSuccess: true, pipelineResponse: pipelineResponse(outcome!), billing: billingView(charge), errors: null };
  });
}
