import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import type { CaseStatus, CaseSort, KycStatus } from '../contract/cases.js';
import { countByStatus, type CaseCountCache } from './case-counts.js';
import { decodeCursor, encodeCursor } from './case-cursor.js';
import type { CaseRecord } from './case-record.js';
import { caseKycStatuses, kycStatusCondition } from './case-kyc-status.js';

/** Filters of the case queue; every one optional, all combined with AND. */
export interface CaseFilters {
  statuses?: readonly CaseStatus[];
  decisions?: readonly string[];
  scoreMin?: number;
  scoreMax?: number;
  /** A token id, or null for unassigned cases. */
  assignee?: string | null;
  createdFrom?: Date;
  createdTo?: Date;
  merchantId?: string;
  receiverEntityId?: string;
  senderEntityId?: string;
  hasKyc?: boolean;
  /** Where the enrichment of the case's parties stands (see {@link KycStatus}). */
  kycStatus?: KycStatus;
  /** Shadow cases (true) or the live queue (false, the default): shadow merchants' cases are kept apart. */
  shadow?: boolean;
}

/** One page of the queue. */
export interface CasePage {
  items: CaseRecord[];
  /** Each item's KYC signal status, by case id. */
  kycStatuses: Map<string, KycStatus>;
  nextCursor: string | null;
  /** Cases per status under every filter but the status filter (the queue's tabs). */
  counts: Record<CaseStatus, number>;
}

/** The WHERE of the queue: the tenant and every filter given (the status filter only for the page). */
function conditions(eb: ExpressionBuilder<Database, 'cases'>, tenantId: string, filters: CaseFilters, withStatus: boolean) {
  const list: Expression<SqlBool>[] = [eb('tenant_id', '=', tenantId)];
  if (withStatus && filters.statuses !== undefined) list.push(eb('status', 'in', filters.statuses));
  if (filters.decisions !== undefined) list.push(eb('decision', 'in', filters.decisions));
  if (filters.scoreMin !== undefined) list.push(eb('risk_score', '>=', filters.scoreMin));
  if (filters.scoreMax !== undefined) list.push(eb('risk_score', '<=', filters.scoreMax));
  if (filters.assignee === null) list.push(eb('assignee', 'is', null));
  else if (filters.assignee !== undefined) list.push(eb('assignee', '=', filters.assignee));
  if (filters.createdFrom !== undefined) list.push(eb('created_at', '>=', filters.createdFrom));
  if (filters.createdTo !== undefined) list.push(eb('created_at', '<', filters.createdTo));
  if (filters.merchantId !== undefined) list.push(eb('merchant_id', '=', filters.merchantId));
  if (filters.receiverEntityId !== undefined) list.push(eb('receiver_entity_id', '=', filters.receiverEntityId));
  if (filters.senderEntityId !== undefined) list.push(eb('sender_entity_id', '=', filters.senderEntityId));
  if (filters.hasKyc !== undefined) list.push(eb('has_kyc', '=', filters.hasKyc));
  if (filters.kycStatus !== undefined) list.push(kycStatusCondition(filters.kycStatus));
  list.push(eb('shadow', '=', filters.shadow ?? false));
  return eb.and(list);
}

function sortValue(row: CaseRecord, sort: CaseSort): number {
  if (sort === 'priority') return row.priority;
  return (sort === 'created' ? row.created_at : row.sla_due_at).getTime();
}

/**
 * One page of a tenant's case queue, ordered by `sort` with keyset pagination: the cursor carries
 * the last case's sort value and id, so a page costs the same at any depth and a case changing
 * between pages is neither skipped nor repeated twice within one order.
 */
export async function listCases(
  db: Kysely<Database>,
  tenantId: string,
  filters: CaseFilters,
  sort: CaseSort,
  limit: number,
  cursorText?: string,
  countCache?: CaseCountCache,
): Promise<CasePage> {
  const cursor = cursorText === undefined ? undefined : decodeCursor(cursorText, sort);
  const page = (statuses: readonly CaseStatus[] | undefined) => {
    let query = db.selectFrom('cases').selectAll().where((eb) => conditions(eb, tenantId, { ...filters, statuses }, true));
    if (sort === 'priority') {
      if (cursor !== undefined) query = query.where(sql<boolean>`(priority, id) < (${cursor.value}, ${cursor.id})`);
      query = query.orderBy('priority', 'desc').orderBy('id', 'desc');
    } else if (sort === 'created') {
      if (cursor !== undefined) query = query.where(sql<boolean>`(created_at, id) < (${new Date(cursor.value)}, ${cursor.id})`);
      query = query.orderBy('created_at', 'desc').orderBy('id', 'desc');
    } else {
      if (cursor !== undefined) query = query.where(sql<boolean>`(sla_due_at, id) > (${new Date(cursor.value)}, ${cursor.id})`);
      query = query.orderBy('sla_due_at', 'asc').orderBy('id', 'asc');
    }
    return query.limit(limit + 1).execute();
  };
  // The priority and SLA indexes lead with the status: with several statuses, read each status's
  // first page through its index and merge, instead of sorting every matching case.
  const perStatus = filters.statuses !== undefined && filters.statuses.length > 1 && sort !== 'created';
  const rowsPromise = perStatus
    ? Promise.all(filters.statuses!.map((status) => page([status]))).then((pages) => pages.flat().sort((a, b) => compareInOrder(a, b, sort)).slice(0, limit + 1))
    : page(filters.statuses);
  const count = () =>
    countByStatus(
      db
        .selectFrom('cases')
        .select(['status', (eb) => eb.fn.countAll<string>().as('count')])
        .where((eb) => conditions(eb, tenantId, filters, false))
        .groupBy('status')
        .execute(),
    );
  const countKey = JSON.stringify([tenantId, { ...filters, statuses: undefined }]);
  const [rows, counts] = await Promise.all([rowsPromise, countCache === undefined ? count() : countCache.get(countKey, count)]);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    kycStatuses: await caseKycStatuses(db, tenantId, items),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor({ sort, value: sortValue(last, sort), id: last.id }) : null,
    counts: { ...counts },
  };
}

/** The queue's order as a comparison, to merge per-status pages exactly as the database orders one. */
function compareInOrder(a: CaseRecord, b: CaseRecord, sort: CaseSort): number {
  const byId = a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  if (sort === 'priority') return b.priority - a.priority || -byId;
  if (sort === 'created') return b.created_at.getTime() - a.created_at.getTime() || -byId;
  return a.sla_due_at.getTime() - b.sla_due_at.getTime() || byId;
}
