import type { Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';

/** One entry of a tenant's audit chain, as the entry list shows it. */
export interface AuditEntryView {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  payload: unknown;
  hash: string;
  prev_hash: string;
}

/** Which entries to list: exact action and subject, `from <= at < to`, and entries before seq `before`. */
export interface AuditEntryFilters {
  action?: string;
  subject?: string;
  from?: Date;
  to?: Date;
  before?: number;
}

/**
 * A page of the tenant's entries, newest first. The walk goes down the (tenant_id, seq) primary key
 * from the cursor, so a page costs its own rows plus those the filters skip; `nextBefore` is the
 * seq the next (older) page starts below, or null at the chain's start.
 */
export async function listAuditEntries(db: Kysely<Database>, tenantId: string, filters: AuditEntryFilters, limit: number): Promise<{ items: AuditEntryView[]; nextBefore: number | null }> {
  let query = db.selectFrom('audit_log').selectAll().where('tenant_id', '=', tenantId);
  if (filters.before !== undefined) query = query.where('seq', '<', filters.before);
  if (filters.action !== undefined) query = query.where('action', '=', filters.action);
  if (filters.subject !== undefined) query = query.where('subject', '=', filters.subject);
  if (filters.from !== undefined) query = query.where('at', '>=', filters.from);
  if (filters.to !== undefined) query = query.where('at', '<', filters.to);
  const rows = await query.orderBy('seq', 'desc').limit(limit + 1).execute();
  const items = rows.slice(0, limit).map((row) => ({
    seq: Number(row.seq),
    at: row.at.toISOString(),
    actor: row.actor,
    action: row.action,
    subject: row.subject,
    payload: row.payload,
    hash: row.hash,
    prev_hash: row.prev_hash,
  }));
  return { items, nextBefore: rows.length > limit ? items[items.length - 1]!.seq : null };
}
