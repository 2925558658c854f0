import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Static } from '@sinclair/typebox';
import type { Database } from '../../platform/database-schema.js';
import type { Clock } from '../../platform/clock.js';
import type { Authenticator } from '../../tenants/authenticator.js';
import { addCaseNote, assignCase, reopenCase, resolveCase, setCaseStatus } from '../../cases/case-actions.js';
import type { LabelService } from '../../labels/label.service.js';
import { caseView } from '../../cases/case-record.js';
import { SentraError } from '../../errors/errors.js';
import { ErrorResponse } from '../../contract/error-response.js';
import { AssignBody, BulkResolveBody, BulkResolveResult, CaseParams, CaseView, NoteBody, ReopenBody, ResolveBody, StatusBody } from '../../contract/cases.js';
import { principalOf, requireRole } from '../auth.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/**
 * The analyst actions on a case: assign, notes, status, resolve, reopen, bulk-resolve. Each writes
 * the case, a timeline event and an audit entry in one transaction; a stale `version` gets 409.
 */
export function registerCaseActionRoutes(app: FastifyInstance, authenticator: Authenticator, db: Kysely<Database>, clock: Clock, labels: LabelService): void {
  const analyst = requireRole(authenticator, ['analyst', 'admin']);
  const actOf = (request: FastifyRequest) => {
    const principal = principalOf(request);
    return { tenantId: principal.tenantId, actor: principal.tokenId, at: new Date(clock.now()) };
  };
  const route = <B extends typeof AssignBody | typeof NoteBody | typeof StatusBody | typeof ResolveBody | typeof ReopenBody>(
    path: string,
    summary: string,
    body: B,
    run: (request: FastifyRequest<{ Params: { case_id: string }; Body: Static<B> }>) => Promise<Parameters<typeof caseView>[0]>,
  ) =>
    app.post<{ Params: { case_id: string }; Body: Static<B> }>(
      `/v1/cases/:case_id/${path}`,
      { onRequest: analyst, schema: { tags: ['cases'], summary, params: CaseParams, body, response: { 200: CaseView, ...errors } } },
      async (request) => caseView(await run(request)),
    );
  route('assign', 'Assign the case to `me`, a token id, or nobody (null)', AssignBody, (request) => {
    const act = actOf(request);
    const assignee = request.body.assignee === 'me' ? act.actor : request.body.assignee;
    return assignCase(db, act, request.params.case_id, request.body.version, assignee);
  });
  route('notes', 'Add a note to the timeline (no version needed: notes never conflict)', NoteBody, (request) =>
    addCaseNote(db, actOf(request), request.params.case_id, request.body.text),
  );
  route('status', 'Move an unresolved case to open, in_review or escalated', StatusBody, (request) =>
    setCaseStatus(db, actOf(request), request.params.case_id, request.body.version, request.body.status),
  );
  const resolveWithLabel = async (act: ReturnType<typeof actOf>, caseId: string, version: number, verdict: { label: 'fraud' | 'legit'; reason: string }) => {
    const recorder = labels.verdictRecorder();
    const resolved = await resolveCase(db, act, caseId, version, verdict, recorder.onResolved);
    await recorder.afterCommit(act.tenantId);
    return resolved;
  };
  route('resolve', 'Resolve with a verdict (fraud | legit), recorded as the analyst label', ResolveBody, (request) =>
    resolveWithLabel(actOf(request), request.params.case_id, request.body.version, { label: request.body.label, reason: request.body.reason }),
  );
  route('reopen', 'Reopen a resolved case', ReopenBody, (request) => reopenCase(db, actOf(request), request.params.case_id, request.body.version, request.body.reason ?? ''));
  app.post<{ Body: Static<typeof BulkResolveBody> }>(
    '/v1/cases/bulk-resolve',
    {
      onRequest: analyst,
      schema: {
        tags: ['cases'],
        summary: 'Resolve many cases with one verdict; each is applied or reported with its own error',
        body: BulkResolveBody,
        response: { 200: BulkResolveResult, ...errors },
      },
    },
    async (request) => {
      const act = actOf(request);
      const results = [];
      for (const item of request.body.items) {
        try {
          const resolved = await resolveWithLabel(act, item.case_id, item.version, { label: request.body.label, reason: request.body.reason });
          results.push({ case_id: item.case_id, status: 'resolved' as const, version: resolved.version });
        } catch (error) {
          if (!(error instanceof SentraError)) throw error;
          results.push({ case_id: item.case_id, status: 'error' as const, error: { code: error.code, message: error.message, details: [...error.details] } });
        }
      }
      return { results };
    },
  );
}
