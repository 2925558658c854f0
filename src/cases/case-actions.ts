import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { ValidationError, assertNever } from '../errors/errors.js';
import { caseStatuses, type CaseStatus, type CaseResolution } from '../contract/cases.js';
import { changeCase, wrongStatus, type CaseAct } from './case-change.js';
import type { CaseRecord } from './case-record.js';

/** The statuses `/status` may set; `resolved` only comes from `/resolve`, with a verdict. */
export type WorkingStatus = Exclude<CaseStatus, 'resolved'>;

/** What else happens when a case is resolved, in the same transaction (the analyst label). */
export type OnResolved = (trx: Transaction<Database>, resolved: CaseRecord, verdict: { label: CaseResolution; reason: string }, act: CaseAct) => Promise<void>;

function refuseWhenResolved(current: CaseRecord, what: string): void {
  if (current.status === caseStatuses.resolved) throw wrongStatus(current.status, `The case is resolved; reopen it before you ${what}.`);
}

async function requireAssignee(trx: Transaction<Database>, tenantId: string, tokenId: string): Promise<void> {
  const token = await trx
    .selectFrom('api_tokens')
    .select('role')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', tokenId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (token === undefined || token.role === 'service') {
    throw new ValidationError([{ code: 'assignee', path: '/assignee', message: `${tokenId} is not a live analyst or admin token of this tenant` }]);
  }
}

/** Assigns the case to an analyst's token (or to nobody with null). */
export function assignCase(db: Kysely<Database>, act: CaseAct, caseId: string, version: number, assignee: string | null): Promise<CaseRecord> {
  return changeCase(db, act, caseId, version, async (current, trx) => {
    refuseWhenResolved(current, 'assign it');
    if (assignee !== null) await requireAssignee(trx, act.tenantId, assignee);
    return { set: { assignee }, kind: 'assigned', action: 'case.assigned', payload: { from: current.assignee, to: assignee } };
  });
}

/** Adds a note to the timeline; notes never conflict, so they do not move the version. */
export function addCaseNote(db: Kysely<Database>, act: CaseAct, caseId: string, text: string): Promise<CaseRecord> {
  return changeCase(db, act, caseId, undefined, () => ({ set: {}, kind: 'note', action: 'case.note_added', payload: { text }, keepsVersion: true }));
}

/** Moves an unresolved case between open, in_review and escalated. */
export function setCaseStatus(db: Kysely<Database>, act: CaseAct, caseId: string, version: number, status: WorkingStatus): Promise<CaseRecord> {
  return changeCase(db, act, caseId, version, (current) => {
    refuseWhenResolved(current, 'change its status');
    switch (status) {
      case caseStatuses.open:
      case caseStatuses.in_review:
      case caseStatuses.escalated:
        return { set: { status }, kind: 'status_changed', action: 'case.status_changed', payload: { from: current.status, to: status } };
      default:
        return assertNever(status, 'case status');
    }
  });
}

/** Resolves the case with a verdict; `onResolved` records the analyst label in the same transaction. */
export function resolveCase(
  db: Kysely<Database>,
  act: CaseAct,
  caseId: string,
  version: number,
  verdict: { label: CaseResolution; reason: string },
  onResolved?: OnResolved,
): Promise<CaseRecord> {
  return changeCase(db, act, caseId, version, async (current, trx) => {
    refuseWhenResolved(current, 'resolve it again');
    await onResolved?.(trx, current, verdict, act);
    return {
      set: { status: caseStatuses.resolved, resolution: verdict.label, resolved_at: act.at, resolved_by: act.actor },
      kind: 'resolved',
      action: 'case.resolved',
      payload: { from: current.status, label: verdict.label, reason: verdict.reason },
    };
  });
}

/** Reopens a resolved case; its earlier verdict stays in the timeline (and its label in the labels). */
export function reopenCase(db: Kysely<Database>, act: CaseAct, caseId: string, version: number, reason: string): Promise<CaseRecord> {
  return changeCase(db, act, caseId, version, (current) => {
    if (current.status !== caseStatuses.resolved) throw wrongStatus(current.status, 'Only a resolved case can be reopened.');
    return {
      set: { status: caseStatuses.open, resolution: null, resolved_at: null, resolved_by: null },
      kind: 'reopened',
      action: 'case.reopened',
      payload: { previous_resolution: current.resolution, reason },
    };
  });
}
