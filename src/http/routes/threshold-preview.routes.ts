import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Type, type Static } from '@sinclair/typebox';
import type { Database } from '../../platform/database-schema.js';
import type { Clock } from '../../platform/clock.js';
import type { Authenticator } from '../../tenants/authenticator.js';
import type { ThresholdService } from '../../scoring/threshold.service.js';
import { validateThresholds, type Thresholds } from '../../scoring/thresholds.js';
import { previewThresholds, type ThresholdEffect } from '../../scoring/threshold-preview.js';
import { ErrorResponse } from '../../contract/error-response.js';
import { principalOf, requireRole } from '../auth.js';

const dayMs = 86_400_000;
const Score = Type.Integer({ minimum: 0, maximum: 1000 });
const PreviewBody = Type.Object(
  { review_at: Score, hold_at: Score, block_at: Score, days: Type.Optional(Type.Integer({ minimum: 1, maximum: 90, description: 'Window in days; 30 when absent.' })) },
  { additionalProperties: false },
);
const Rate = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]);
const Effect = Type.Object({
  thresholds: Type.Object({ review_at: Score, hold_at: Score, block_at: Score }),
  counts: Type.Object({ PASS: Type.Integer(), REVIEW: Type.Integer(), HOLD: Type.Integer(), BLOCK: Type.Integer() }),
  review_rate: Rate,
  fraud_caught: Type.Integer({ description: 'Decisions labelled fraud that would not PASS.' }),
  fraud_caught_rate: Rate,
  legit_flagged: Type.Integer({ description: 'Decisions labelled legit that would not PASS.' }),
});
const PreviewView = Type.Object({
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  decisions: Type.Integer(),
  labelled_fraud: Type.Integer(),
  labelled_legit: Type.Integer(),
  current: Effect,
  proposed: Effect,
});

const effectView = (value: ThresholdEffect) => ({
  thresholds: { review_at: value.thresholds.reviewAt, hold_at: value.thresholds.holdAt, block_at: value.thresholds.blockAt },
  counts: value.counts,
  review_rate: value.reviewRate,
  fraud_caught: value.fraudCaught,
  fraud_caught_rate: value.fraudCaughtRate,
  legit_flagged: value.legitFlagged,
});

/** What the threshold preview reads. */
export interface ThresholdPreviewDependencies {
  db: Kysely<Database>;
  clock: Clock;
  thresholds: ThresholdService;
}

/**
 * `POST /v1/admin/thresholds/preview` (admin): what proposed thresholds would have decided over the
 * stored decisions of the last days, next to the thresholds in force, with review rate and fraud
 * caught from the stored labels. Reads only; nothing is changed.
 */
export function registerThresholdPreviewRoutes(app: FastifyInstance, authenticator: Authenticator, dependencies: ThresholdPreviewDependencies): void {
  app.post<{ Body: Static<typeof PreviewBody> }>(
    '/v1/admin/thresholds/preview',
    {
      onRequest: requireRole(authenticator, ['admin']),
      schema: {
        tags: ['admin'],
        summary: 'Preview thresholds on the stored decisions and labels of the last days (reads only)',
        body: PreviewBody,
        response: { 200: PreviewView, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      const tenantId = principalOf(request).tenantId;
      const proposed: Thresholds = { reviewAt: request.body.review_at, holdAt: request.body.hold_at, blockAt: request.body.block_at };
      validateThresholds(proposed);
      const to = new Date(dependencies.clock.now());
      const from = new Date(to.getTime() - (request.body.days ?? 30) * dayMs);
      const current = await dependencies.thresholds.get(tenantId);
      const preview = await previewThresholds(dependencies.db, tenantId, { from, to }, current, proposed);
      return {
        from: from.toISOString(),
        to: to.toISOString(),
        decisions: preview.decisions,
        labelled_fraud: preview.labelledFraud,
        labelled_legit: preview.labelledLegit,
        current: effectView(preview.current),
        proposed: effectView(preview.proposed),
      };
    },
  );
}
