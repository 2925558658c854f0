import type { Kysely, Transaction, Updateable } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { newId } from '../platform/ids.js';
import { appendAudit } from '../audit/audit.repository.js';
import { SentraError } from '../errors/errors.js';
import type { CasesTable } from '../platform/tables/case.table.js';
import type { CaseRecord } from './case-record.js';

/** Who acts on a case, and when. */
export interface CaseAct {
  tenantId: string;
  actor: string;
  at: Date;
}

/** What one action does to a case: the columns it sets, its timeline event and audit action. */
export interface CaseChange {
  set: Updateable<CasesTable>;
  /** Timeline event kind (assigned, note, status_changed, resolved, reopened). */
  kind: string;
  /** Audit action, e.g. `case.assigned`. */
  action: string;
  payload: Record<string, unknown>;
  /** Notes do not move the version: they never conflict with another analyst's work. */
  keepsVersion?: boolean;
}

/** A 409 for a write that names a version the case has left. */
export function staleVersion(current: number): SentraError {
  return new SentraError('SENTRA_ERR_CONFLICT', `The case changed since version you sent; it is at version ${current}. Reload it and retry.`, {
    details: [{ code: 'stale_version', path: '/version', message: `current version is ${current}` }],
  });
}

/** A 409 for an action the case's status does not allow. */
export function wrongStatus(status: string, message: string): SentraError {
  return new SentraError('SENTRA_ERR_CONFLICT', message, { details: [{ code: 'status', path: '/status', message: `the case is ${status}` }] });
}

/** Reads and locks a case of the tenant inside a transaction; 404 when it is not the tenant's. */
export async function lockCase(trx: Transaction<Database>, tenantId: string, caseId: string): Promise<CaseRecord> {
  const row = await trx.selectFrom('cases').selectAll().where('tenant_id', '=', tenantId).where('id', '=', caseId).forUpdate().executeTakeFirst();
  if (row === undefined) throw new SentraError('SENTRA_ERR_NOT_FOUND', `No case ${caseId}`);
  return row;
}

/**
 * Applies one analyst action atomically: locks the case, checks the version the caller saw (when
 * given), lets `decide` compute the change (or refuse it), then updates the row, appends the
 * timeline event and the audit entry in the same transaction. Two analysts acting at once are
 * serialised by the lock; the second one's version is stale and gets 409.
 */
export async function changeCase(
  db: Kysely<Database>,
  act: CaseAct,
  caseId: string,
  expectedVersion: number | undefined,
  decide: (current: CaseRecord, trx: Transaction<Database>) => CaseChange | Promise<CaseChange>,
): Promise<CaseRecord> {
  return db.transaction().execute(async (trx) => {
    const current = await lockCase(trx, act.tenantId, caseId);
    if (expectedVersion !== undefined && current.version !== expectedVersion) throw staleVersion(current.version);
    const change = await decide(current, trx);
    const version = change.keepsVersion === true ? current.version : current.version + 1;
    const updated = await trx
      .updateTable('cases')
      .set({ ...change.set, version, updated_at: act.at })
      .where('tenant_id', '=', act.tenantId)
      .where('id', '=', caseId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('case_events')
      .values({ id: newId('cev', act.at.getTime()), tenant_id: act.tenantId, case_id: caseId, at: act.at, actor: act.actor, kind: change.kind, payload: JSON.stringify(change.payload) })
      .execute();
    await appendAudit(trx, [
      { tenantId: act.tenantId, at: act.at, actor: act.actor, action: change.action, subject: caseId, payload: { tx_id: current.tx_id, version, ...change.payload } },
    ]);
    return updated;
  });
}
