import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { Authenticator } from '../../tenants/authenticator.js';
import type { RuleAdmin } from '../../rule-store/rule-admin.js';
import { ErrorResponse } from '../../contract/error-response.js';
import { BacktestBody, BacktestView, RuleBody, RuleDetailView, RuleView } from '../../contract/rules.js';
import type { RuleBacktestService } from '../../scoring/rule-backtest.service.js';
import { principalOf, requireRole } from '../auth.js';

const RuleParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const RuleListQuery = Type.Object({ include_archived: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])) }, { additionalProperties: false });
/** A 1 MB expression must reach validation (and get its 400), not the server's body limit. */
const ruleBodyLimit = 4 * 1024 * 1024;

/** `/v1/rules`: the tenant's rules, their versions and state (admin writes; analysts read). */
export function registerRuleRoutes(app: FastifyInstance, authenticator: Authenticator, rules: RuleAdmin, backtests: RuleBacktestService): void {
  const admin = requireRole(authenticator, ['admin']);
  const reader = requireRole(authenticator, ['analyst', 'admin']);
  const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };
  const writeErrors = { ...errors, 404: ErrorResponse, 409: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse };
  app.post<{ Body: RuleBody }>(
    '/v1/rules',
    {
      onRequest: admin,
      bodyLimit: ruleBodyLimit,
      schema: { tags: ['rules'], summary: 'Create a rule (version 1); refused with its position when it does not compile', body: RuleBody, response: { 201: RuleView, ...errors, 413: ErrorResponse, 415: ErrorResponse } },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      return reply.code(201).send(await rules.create(principal.tenantId, request.body, principal.tokenId));
    },
  );
  app.post<{ Body: BacktestBody }>(
    '/v1/rules/backtest',
    {
      onRequest: reader,
      bodyLimit: ruleBodyLimit,
      schema: {
        tags: ['rules'],
        summary: 'Backtest a draft rule over stored decisions: hits by decision, labels, precision, fraud caught, review rate, examples',
        body: BacktestBody,
        response: { 200: BacktestView, ...errors, 404: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse },
      },
    },
    async (request) => backtests.run(principalOf(request).tenantId, request.body),
  );
  app.get<{ Querystring: Static<typeof RuleListQuery> }>(
    '/v1/rules',
    { onRequest: reader, schema: { tags: ['rules'], summary: "The tenant's rules at their current versions, highest priority first", querystring: RuleListQuery, response: { 200: Type.Object({ rules: Type.Array(RuleView) }), ...errors } } },
    async (request) => ({ rules: await rules.list(principalOf(request).tenantId, request.query.include_archived === 'true') }),
  );
  app.get<{ Params: Static<typeof RuleParams> }>(
    '/v1/rules/:id',
    { onRequest: reader, schema: { tags: ['rules'], summary: 'A rule with every version, newest first', params: RuleParams, response: { 200: RuleDetailView, ...errors, 404: ErrorResponse } } },
    async (request) => rules.detail(principalOf(request).tenantId, request.params.id),
  );
  app.put<{ Params: Static<typeof RuleParams>; Body: RuleBody }>(
    '/v1/rules/:id',
    {
      onRequest: admin,
      bodyLimit: ruleBodyLimit,
      schema: { tags: ['rules'], summary: 'Edit a rule: creates its next immutable version', params: RuleParams, body: RuleBody, response: { 200: RuleView, ...writeErrors } },
    },
    async (request) => {
      const principal = principalOf(request);
      return rules.update(principal.tenantId, request.params.id, request.body, principal.tokenId);
    },
  );
  for (const [verb, enabled] of [
    ['enable', true],
    ['disable', false],
  ] as const) {
    app.post<{ Params: Static<typeof RuleParams> }>(
      `/v1/rules/:id/${verb}`,
      { onRequest: admin, schema: { tags: ['rules'], summary: `${verb === 'enable' ? 'Enable' : 'Disable'} a rule (audited; no new version)`, params: RuleParams, response: { 200: RuleView, ...writeErrors } } },
      async (request) => {
        const principal = principalOf(request);
        return rules.setEnabled(principal.tenantId, request.params.id, enabled, principal.tokenId);
      },
    );
  }
  app.delete<{ Params: Static<typeof RuleParams> }>(
    '/v1/rules/:id',
    { onRequest: admin, schema: { tags: ['rules'], summary: 'Archive a rule: it stops; its versions and audit trail stay', params: RuleParams, response: { 200: RuleView, ...writeErrors } } },
    async (request) => {
      const principal = principalOf(request);
      return rules.archive(principal.tenantId, request.params.id, principal.tokenId);
    },
  );
}
