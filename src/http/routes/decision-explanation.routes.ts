import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from '@sinclair/typebox';
import type { Database } from '../../platform/database-schema.js';
import type { Authenticator } from '../../tenants/authenticator.js';
import type { DecisionExplainer } from '../../registry/decision-explainer.js';
import { findDecision } from '../../scoring/decision-query.js';
import { ErrorResponse } from '../../contract/error-response.js';
import { SentraError } from '../../errors/errors.js';
import { principalOf, requireRole } from '../auth.js';

const Explanation = Type.Object({
  request_id: Type.String(),
  model_version: Type.String(),
  bias: Type.Number({ description: "The model's expected margin (log-odds) over its training data." }),
  margin: Type.Number({ description: "bias + Σ contributions: the trees' log-odds, before any calibration." }),
  probability: Type.Number({ description: 'The probability the model answers for the stored features: risk_score = round(probability × 1000). Calibrated when the model carries a calibration.' }),
  calibration: Type.Union(
    [
      Type.Object({ method: Type.Literal('platt'), slope: Type.Number(), intercept: Type.Number() }),
      Type.Object({ method: Type.Literal('isotonic') }),
      Type.Null(),
    ],
    {
      description:
        'How the margin becomes the probability: null = sigmoid(margin); platt = sigmoid(slope × margin + intercept), so each contribution × slope is its share of the calibrated log-odds; isotonic = a non-decreasing map of sigmoid(margin). Either way a positive contribution never lowers the score.',
    },
  ),
  contributions: Type.Array(
    Type.Object({
      feature: Type.String(),
      value: Type.Union([Type.Number(), Type.Null()], { description: 'The value the model saw; null = missing.' }),
      contribution: Type.Number({ description: 'TreeSHAP contribution to the margin; positive raises the score.' }),
    }),
    { description: 'Every feature with a non-zero contribution, strongest (absolute value) first.' },
  ),
});

/**
 * `GET /v1/decisions/{request_id}/explanation` (analyst or admin): the TreeSHAP contribution of
 * every feature to a stored decision, from the model version and feature vector stored with it.
 */
export function registerDecisionExplanationRoutes(app: FastifyInstance, authenticator: Authenticator, db: Kysely<Database>, explainer: DecisionExplainer): void {
  app.get<{ Params: { request_id: string } }>(
    '/v1/decisions/:request_id/explanation',
    {
      onRequest: requireRole(authenticator, ['analyst', 'admin']),
      schema: {
        tags: ['scoring'],
        summary: "Which features pushed a stored decision's model score up or down (TreeSHAP)",
        params: Type.Object({ request_id: Type.String({ minLength: 1, maxLength: 128 }) }),
        response: { 200: Explanation, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      const decision = await findDecision(db, principalOf(request).tenantId, request.params.request_id);
      if (decision === undefined) throw new SentraError('SENTRA_ERR_NOT_FOUND', `No decision ${request.params.request_id}`);
      const explanation = await explainer.explain(decision.model_version, decision.features);
      return { request_id: decision.request_id, model_version: decision.model_version, ...explanation };
    },
  );
}
