import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { Static } from '@sinclair/typebox';
import type { Database } from '../../platform/database-schema.js';
import type { Clock } from '../../platform/clock.js';
import type { Authenticator } from '../../tenants/authenticator.js';
import { addCaseNote, assignCase, reopenCase, resolveCase, setCaseStatus } from '../../cases/case-actions.js';
import type { LabelService } from '../../labels/label.service.js';
import { caseView, type CaseRecord } from '../../cases/case-record.js';
import { SentraError } from '../../errors/errors.js';
import { ErrorResponse } from '../../contract/error-response.js';
import { AssignBody, BulkResolveBody, BulkResolveResult, CaseParams, CaseView, NoteBody, ReopenBody, ResolveBody, StatusBody } from '../../contract/cases.js';
import { principalOf, requireRole } from '../auth.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** What else a resolution writes in its transaction (outbound webhooks), and whom to tell once it committed. */
export interface ResolutionOutbox {
  /** Writes the case's `case.resolved` deliveries in the resolution's transaction; returns how many. */
  write(trx: Transaction<Database>, resolved: CaseRecord, verdict: { label: string; reason: string }, at: Date): Promise<number>;
  /** Deliveries were written: send them now rather than at the sender's next poll. */
  written(): void;
}

/**
 * The analyst actions on a case: assign, notes, status, resolve, reopen, bulk-resolve. Each writes
 * the case, a timeline event and an audit entry in one transaction; a stale `version` gets 409.
 * A resolution also writes the analyst label and the outbound `case.resolved` webhooks in it.
 */
export function registerCaseActionRoutes(app: FastifyInstance, authenticator: Authenticator, db: Kysely<Database>, clock: Clock, labels: LabelService, outbox?: ResolutionOutbox): void {
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
    let deliveries = 0;
    const resolved = await resolveCase(db, act, caseId, version, verdict, async (trx, current, given, by) => {
      await recorder.onResolved(trx, current, given, by);
      deliveries = (await outbox?.write(trx, current, given, by.at)) ?? 0;
    });
    await recorder.afterCommit(act.tenantId);
    if (deliveries > 0) outbox?.written();
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
