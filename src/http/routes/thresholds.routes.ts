import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { Authenticator } from '../../tenants/authenticator.js';
import type { ThresholdService } from '../../scoring/threshold.service.js';
import type { StoredThresholds } from '../../scoring/thresholds.repository.js';
import { ErrorResponse } from '../../contract/error-response.js';
import { principalOf, requireRole } from '../auth.js';

const Score = Type.Integer({ minimum: 0, maximum: 1000 });
const ThresholdsBody = Type.Object(
  { review_at: Score, hold_at: Score, block_at: Score },
  { $id: 'ThresholdsBody', additionalProperties: false },
);
const ThresholdsView = Type.Object({
  review_at: Score,
  hold_at: Score,
  block_at: Score,
  updated_at: Type.Union([Type.String(), Type.Null()]),
  updated_by: Type.Union([Type.String(), Type.Null()]),
});

const view = (value: StoredThresholds) => ({
  review_at: value.reviewAt,
  hold_at: value.holdAt,
  block_at: value.blockAt,
  updated_at: value.updatedAt?.toISOString() ?? null,
  updated_by: value.updatedBy,
});

/** `GET/PUT /v1/admin/thresholds`: the tenant's decision thresholds (admin role). */
export function registerThresholdRoutes(app: FastifyInstance, authenticator: Authenticator, thresholds: ThresholdService): void {
  const admin = requireRole(authenticator, ['admin']);
  const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };
  app.get(
    '/v1/admin/thresholds',
    { onRequest: admin, schema: { tags: ['admin'], summary: "The tenant's decision thresholds", response: { 200: ThresholdsView, ...errors } } },
    async (request) => view(await thresholds.get(principalOf(request).tenantId)),
  );
  app.put<{ Body: Static<typeof ThresholdsBody> }>(
    '/v1/admin/thresholds',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: 'Change the decision thresholds (effective for the next request)',
        body: ThresholdsBody,
        response: { 200: ThresholdsView, ...errors },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const { review_at, hold_at, block_at } = request.body;
      return view(await thresholds.set(principal.tenantId, { reviewAt: review_at, holdAt: hold_at, blockAt: block_at }, principal.tokenId));
    },
  );
}
