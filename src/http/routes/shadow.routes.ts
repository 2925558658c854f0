import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from '@sinclair/typebox';
import type { Database } from '../../platform/database-schema.js';
import type { Clock } from '../../platform/clock.js';
import type { Authenticator } from '../../tenants/authenticator.js';
import { ErrorResponse } from '../../contract/error-response.js';
import { EvaluationQuery, EvaluationReport, ModeChangeView } from '../../contract/evaluation.js';
import { ValidationError } from '../../errors/errors.js';
import { getMerchant } from '../../merchants/merchant.repository.js';
import type { MerchantAuthenticator } from '../../merchants/merchant-authenticator.js';
import { engineThresholds } from '../../merchants/score-mapping.js';
import type { MerchantMode } from '../../contract/merchant-admin.js';
import type { ThresholdService } from '../../scoring/threshold.service.js';
import { changeMerchantMode, modeChanges } from '../../shadow/mode-changes.js';
import { evaluatedPayments } from '../../shadow/evaluation.repository.js';
import { evaluate } from '../../shadow/evaluation.js';
import { evaluationReport, reportCutoffs } from '../../shadow/evaluation-report.js';
import { evaluationCsv } from '../../shadow/evaluation-csv.js';
import { evaluationHtml } from '../../shadow/evaluation-html.js';
import { principalOf, requireRole } from '../auth.js';

/** What the shadow-mode routes need. */
export interface ShadowRouteOptions {
  db: Kysely<Database>;
  clock: Clock;
  thresholds: ThresholdService;
  merchantAuthenticator: MerchantAuthenticator;
}

const MerchantParams = Type.Object({ merchant_id: Type.String({ minLength: 1, maxLength: 128 }) });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const defaultWindowMs = 50 * 86_400_000;

function formatOf(request: FastifyRequest<{ Querystring: EvaluationQuery }>): 'json' | 'csv' | 'html' {
  if (request.query.format !== undefined) return request.query.format;
  const accept = request.headers.accept ?? '';
  return accept.includes('text/html') ? 'html' : accept.includes('text/csv') ? 'csv' : 'json';
}

/**
 * Shadow mode (seed 000): the evaluation report of a merchant's feed (analysts and admins) as JSON,
 * CSV or a self-contained HTML page, and promotion to live / demotion to shadow (admin) with the
 * same endpoints, keys and secrets, audited, their dates in the report.
 */
export async function registerShadowRoutes(app: FastifyInstance, authenticator: Authenticator, options: ShadowRouteOptions): Promise<void> {
  const { db, clock } = options;
  const admin = requireRole(authenticator, ['admin']);
  await app.register(async (scope) => {
    // The HTML report is a page to render: its inline styles are allowed, nothing else (no script, no fetch).
    scope.addHook('onSend', async (_request, reply, payload) => {
      if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) void reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
      return payload;
    });
    scope.get<{ Params: { merchant_id: string }; Querystring: EvaluationQuery }>(
      '/v1/merchants/:merchant_id/evaluation',
      {
        onRequest: requireRole(authenticator, ['analyst', 'admin']),
        schema: {
          tags: ['feeds'],
          summary: "The evaluation of a merchant's feed over a window: fraud caught, false positives, review rate, precision/recall per threshold, chargebacks avoided, score distribution, PR curve, against the PSP's verdict (JSON, CSV or HTML)",
          params: MerchantParams,
          querystring: EvaluationQuery,
          response: { 200: { content: { 'application/json': { schema: EvaluationReport }, 'text/csv': { schema: Type.String() }, 'text/html': { schema: Type.String() } } }, ...errors },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const merchant = await getMerchant(db, principal.tenantId, request.params.merchant_id);
        const now = clock.now();
        const to = request.query.to === undefined ? new Date(now) : new Date(request.query.to);
        const from = request.query.from === undefined ? new Date(to.getTime() - defaultWindowMs) : new Date(request.query.from);
        if (!(from.getTime() < to.getTime())) throw new ValidationError([{ code: 'order', path: '/querystring/from', message: 'from must be before to' }]);
        const thresholds = merchant.thresholds === null ? await options.thresholds.get(principal.tenantId) : engineThresholds(merchant.thresholds);
        const payments = await evaluatedPayments(db, principal.tenantId, merchant.merchantId, from, to);
        const report = evaluationReport({
          merchant,
          from,
          to,
          generatedAt: new Date(now),
          thresholds,
          thresholdSource: merchant.thresholds === null ? 'tenant' : 'merchant',
          changes: await modeChanges(db, principal.tenantId, merchant.merchantId),
          figures: evaluate(payments, reportCutoffs(thresholds)),
        });
        const format = formatOf(request);
        if (format === 'csv') return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="evaluation-${merchant.merchantId}.csv"`).send(evaluationCsv(report));
        if (format === 'html') return reply.type('text/html; charset=utf-8').send(evaluationHtml(report));
        return report;
      },
    );
  });
  const change = (path: 'promote' | 'demote', mode: MerchantMode, summary: string) =>
    app.post<{ Params: { merchant_id: string } }>(
      `/v1/merchants/:merchant_id/${path}`,
      { onRequest: admin, schema: { tags: ['feeds'], summary, params: MerchantParams, response: { 200: ModeChangeView, 409: ErrorResponse, ...errors } } },
      async (request) => {
        const principal = principalOf(request);
        const at = new Date(clock.now());
        const merchant = await changeMerchantMode(db, principal.tenantId, request.params.merchant_id, mode, { actor: principal.tokenId, at });
        options.merchantAuthenticator.forget();
        return { merchant_id: merchant.merchantId, mode: merchant.mode, changed_at: at.toISOString() };
      },
    );
  change('promote', 'live', 'Promote a shadow merchant to live: the same endpoints, keys and feed secrets now act (audited; the date is in the evaluation report)');
  change('demote', 'shadow', 'Demote a live merchant back to shadow (audited; the date is in the evaluation report)');
}
