import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Authenticator } from '../../tenants/authenticator.js';
import type { ScoringService } from '../../scoring/scoring.service.js';
import { ErrorResponse } from '../../contract/error-response.js';
import { RiskScoreRequest, RiskScoreResponse } from '../../contract/risk-score.js';
import { documentUrlProblems } from '../../contract/document-url.js';
import { ValidationError } from '../../errors/errors.js';
import { principalOf, requireRole } from '../auth.js';
import { manualCaseSource } from '../../cases/case-opening.js';

const ScoreQuery = Type.Object(
  {
    save_as_case: Type.Optional(
      Type.Unsafe<'true' | 'false'>({ type: 'string', enum: ['true', 'false'], description: 'true: open a case for this payment whatever the decision (marked manual).' }),
    ),
  },
);

/**
 * `POST /v1/risk/score`: the seed-003 scoring contract (service, analyst or admin). A `doc_s3_url`
 * must name one of the approved KYC buckets (`kycDocumentBuckets`); `?save_as_case=true` opens a
 * case whatever the decision (marked manual).
 */
export function registerScoreRoutes(app: FastifyInstance, authenticator: Authenticator, scoring: ScoringService, kycDocumentBuckets: readonly string[]): void {
  app.post<{ Body: RiskScoreRequest; Querystring: { save_as_case?: 'true' | 'false' } }>(
    '/v1/risk/score',
    {
      onRequest: requireRole(authenticator, ['service', 'analyst', 'admin']),
      config: { shed: true },
      schema: {
        tags: ['scoring'],
        summary: 'Score a payment: risk score 0–1000, decision, reasons, evidence',
        body: RiskScoreRequest,
        querystring: ScoreQuery,
        response: {
          200: RiskScoreResponse,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          413: ErrorResponse,
          415: ErrorResponse,
          503: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const documentProblems = documentUrlProblems(request.body.kyc_refs, kycDocumentBuckets);
      if (documentProblems.length > 0) throw new ValidationError(documentProblems);
      const startedAt = performance.now() - reply.elapsedTime;
      const scored = await scoring.scoreRequest(request.body, { tenantId: principal.tenantId, actor: principal.tokenId, source: request.query.save_as_case === 'true' ? manualCaseSource : 'api', startedAt });
      return scored.response;
    },
  );
}
