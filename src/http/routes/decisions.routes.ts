import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from '@sinclair/typebox';
import type { Database } from '../../platform/database-schema.js';
import type { Authenticator } from '../../tenants/authenticator.js';
import { ErrorResponse } from '../../contract/error-response.js';
import { findDecision } from '../../scoring/decision-query.js';
import { SentraError } from '../../errors/errors.js';
import { principalOf, requireRole } from '../auth.js';
import { StoredRuleHitsView } from '../../contract/rules.js';

const StoredDecision = Type.Object({
  request_id: Type.String(),
  tx_id: Type.String(),
  scored_at: Type.String(),
  risk_score: Type.Integer(),
  probability: Type.Number(),
  decision: Type.String(),
  reasons: Type.Array(Type.String()),
  evidence: Type.Array(Type.Object({ source: Type.String(), key: Type.String(), quote: Type.Optional(Type.String()), span: Type.Optional(Type.String()) })),
  features: Type.Record(Type.String(), Type.Union([Type.Number(), Type.Null()])),
  model_version: Type.String(),
  thresholds: Type.Object({ review_at: Type.Integer(), hold_at: Type.Integer(), block_at: Type.Integer() }),
  request_digest: Type.String(),
  compute_ms: Type.Number(),
  llm_status: Type.String(),
  source: Type.String(),
  shadow: Type.Boolean({ description: 'A decision of a merchant in shadow mode: stored for its evaluation, never acted on (no live case, no webhook).' }),
  case: Type.Union([Type.Object({ case_id: Type.String(), status: Type.String(), href: Type.String() }), Type.Null()]),
  rule_hits: Type.Union([StoredRuleHitsView, Type.Null()], { description: 'The rules evaluated and their hits; null when the tenant had no enabled rules.' }),
});

/**
 * `GET /v1/decisions/{request_id}`: the stored decision behind a response. Analysts and admins read
 * every decision of their tenant; a service token only the decisions it asked for.
 */
export function registerDecisionRoutes(app: FastifyInstance, authenticator: Authenticator, db: Kysely<Database>): void {
  app.get<{ Params: { request_id: string } }>(
    '/v1/decisions/:request_id',
    {
      onRequest: requireRole(authenticator, ['service', 'analyst', 'admin']),
      schema: {
        tags: ['scoring'],
        summary: 'The stored record of a decision: request digest, features, reasons, model, case link',
        params: Type.Object({ request_id: Type.String({ minLength: 1, maxLength: 128 }) }),
        response: { 200: StoredDecision, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const onlyOf = principal.role === 'service' ? principal.tokenId : undefined;
      const decision = await findDecision(db, principal.tenantId, request.params.request_id, onlyOf);
      if (decision === undefined) throw new SentraError('SENTRA_ERR_NOT_FOUND', `No decision ${request.params.request_id}`);
      return decision;
    },
  );
}
