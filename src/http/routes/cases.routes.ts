import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database-schema.js';
import type { Authenticator } from '../../tenants/authenticator.js';
import { listCases, type CaseFilters } from '../../cases/case-query.js';
import { CaseCountCache } from '../../cases/case-counts.js';
import { caseDetail } from '../../cases/case-detail.js';
import { caseView } from '../../cases/case-record.js';
import { ErrorResponse } from '../../contract/error-response.js';
import { CaseDetailView, CaseList, CaseListQuery, CaseParams, type CaseStatus, type CaseSort } from '../../contract/cases.js';
import { principalOf, requireRole } from '../auth.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };

function filtersOf(query: CaseListQuery, me: string): CaseFilters {
  const list = (value: string | undefined) => (value === undefined ? undefined : value.split(','));
  const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));
  const time = (value: string | undefined) => (value === undefined ? undefined : new Date(value));
  return {
    statuses: list(query.status) as CaseStatus[] | undefined,
    decisions: list(query.decision),
    scoreMin: number(query.score_min),
    scoreMax: number(query.score_max),
    assignee: query.assignee === undefined ? undefined : query.assignee === 'unassigned' ? null : query.assignee === 'me' ? me : query.assignee,
    createdFrom: time(query.created_from),
    createdTo: time(query.created_to),
    merchantId: query.merchant_id,
    receiverEntityId: query.receiver_entity_id,
    senderEntityId: query.sender_entity_id,
    hasKyc: query.has_kyc === undefined ? undefined : query.has_kyc === 'true',
    kycStatus: query.kyc_status,
    shadow: query.shadow === 'true',
  };
}

/** `GET /v1/cases` (the queue) and `GET /v1/cases/{case_id}` (everything about one case): analysts and admins. */
export function registerCaseRoutes(app: FastifyInstance, authenticator: Authenticator, db: Kysely<Database>): void {
  const analyst = requireRole(authenticator, ['analyst', 'admin']);
  const counts = new CaseCountCache();
  app.get<{ Querystring: CaseListQuery }>(
    '/v1/cases',
    {
      onRequest: analyst,
      schema: {
        tags: ['cases'],
        summary: "The tenant's case queue: filters, sort by priority, created or SLA, cursor pages",
        querystring: CaseListQuery,
        response: { 200: CaseList, ...errors },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const query = request.query;
      const page = await listCases(db, principal.tenantId, filtersOf(query, principal.tokenId), (query.sort ?? 'priority') as CaseSort, Number(query.limit ?? 50), query.cursor, counts);
      return { items: page.items.map((row) => ({ ...caseView(row), kyc_status: page.kycStatuses.get(row.id)! })), next_cursor: page.nextCursor, counts: page.counts };
    },
  );
  app.get<{ Params: { case_id: string } }>(
    '/v1/cases/:case_id',
    {
      onRequest: analyst,
      schema: {
        tags: ['cases'],
        summary: 'A case with its payment, entities, decisions, related payments, KYC refs, notes, labels and timeline',
        params: CaseParams,
        response: { 200: CaseDetailView, 404: ErrorResponse, ...errors },
      },
    },
    async (request) => caseDetail(db, principalOf(request).tenantId, request.params.case_id),
  );
}
