import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { newId } from '../platform/ids.js';
import type { FeedInboxTable, FeedItem, PspVerdict } from '../platform/tables/feed.table.js';
import { txIdOf, type FeedEvent } from './feed-event.js';
import { type FeedSource, feedStatuses, type FeedStatus } from '../contract/feeds.js';

/** One verified event to store. */
export interface InboxWrite {
  tenantId: string;
  merchantId: string;
  psp: FeedSource;
  event: FeedEvent;
  receivedAt: Date;
}

/** Whether the event is new, or the same PSP event id was stored before (nothing changed). */
export type InboxOutcome = 'stored' | 'duplicate';

/** A pending event as the processor takes it. */
export interface ClaimedEvent {
  id: string;
  tenantId: string;
  merchantId: string;
  psp: FeedSource;
  eventId: string;
  eventTime: Date;
  /** When a receiver stored it. */
  receivedAt: Date;
  item: FeedItem;
}

const keyOf = (write: InboxWrite) => `${write.merchantId}\u0000${write.psp}\u0000${write.event.eventId}`;
const parse = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));

function initialStatus(event: FeedEvent): FeedStatus {
  if (event.failure !== undefined) return feedStatuses.failed;
  return event.item.kind === 'other' ? feedStatuses.processed : feedStatuses.pending;
}

/**
 * Stores a group of verified events in one statement. The inbox is unique per merchant, PSP and
 * PSP event id: an event already there (a PSP's retry, a replay) is left as it is and answered
 * `duplicate`, as is the second of two identical events in the same group.
 *
 * The whole group travels as one JSON document expanded by `jsonb_to_recordset`: one parameter
 * and the same statement text whatever the group's size, instead of 13 parameters per event and a
 * statement text per size, which the database would parse and plan again on every commit.
 */
export async function insertInbox(db: Kysely<Database>, writes: readonly InboxWrite[]): Promise<InboxOutcome[]> {
  const firsts = new Map<string, InboxWrite>();
  for (const write of writes) if (!firsts.has(keyOf(write))) firsts.set(keyOf(write), write);
  const rows = [...firsts.values()].map((write) => {
    const status = initialStatus(write.event);
    const receivedAt = write.receivedAt.toISOString();
    return {
      id: newId('fev', write.receivedAt.getTime()),
      tenant_id: write.tenantId,
      merchant_id: write.merchantId,
      psp: write.psp,
      event_id: write.event.eventId,
      event_type: write.event.eventType,
      event_time: new Date(write.event.eventTime).toISOString(),
      kind: write.event.item.kind,
      tx_id: txIdOf(write.event.item),
      item: write.event.item,
      psp_verdict: write.event.pspVerdict,
      status,
      received_at: receivedAt,
      processed_at: status === feedStatuses.pending ? null : receivedAt,
      error: write.event.failure ?? null,
    };
  });
  const inserted = await sql<{ merchant_id: string; psp: string; event_id: string }>`
    INSERT INTO feed_inbox (id, tenant_id, merchant_id, psp, event_id, event_type, event_time, kind, tx_id, item, psp_verdict, status, received_at, processed_at, error)
    SELECT id, tenant_id, merchant_id, psp, event_id, event_type, event_time, kind, tx_id, item, psp_verdict, status, received_at, processed_at, error
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id text, tenant_id text, merchant_id text, psp text, event_id text, event_type text,
           event_time timestamptz, kind text, tx_id text, item jsonb, psp_verdict jsonb, status text, received_at timestamptz, processed_at timestamptz, error text)
    ON CONFLICT (merchant_id, psp, event_id) DO NOTHING
    RETURNING merchant_id, psp, event_id`.execute(db);
  const stored = new Set(inserted.rows.map((row) => `${row.merchant_id}\u0000${row.psp}\u0000${row.event_id}`));
  return writes.map((write) => (firsts.get(keyOf(write)) === write && stored.has(keyOf(write)) ? 'stored' : 'duplicate'));
}

/**
 * Takes up to `limit` pending events, oldest event time first, that arrived at least `settledBefore`
 * ago (so deliveries out of order within that window are processed in event-time order) and that no
 * live processor holds. The claim lasts until `until`; SKIP LOCKED lets processors of several
 * processes claim side by side. The function walks the pending index in order (migration 0082), so
 * a claim's cost follows its limit, not the backlog.
 */
export async function claimPending(db: Kysely<Database>, options: { owner: string; limit: number; settledBefore: Date; now: Date; until: Date }): Promise<ClaimedEvent[]> {
  const result = await sql<Pick<Selectable<FeedInboxTable>, 'id' | 'tenant_id' | 'merchant_id' | 'psp' | 'event_id' | 'event_time' | 'received_at' | 'item'>>`
    SELECT * FROM sentra_claim_feed_events(${options.owner}, ${options.limit}, ${options.settledBefore}, ${options.now}, ${options.until})`.execute(db);
  return result.rows
    .map((row) => ({
      id: row.id,
      tenantId: row.tenant_id,
      merchantId: row.merchant_id,
      psp: row.psp as FeedSource,
      eventId: row.event_id,
      eventTime: new Date(row.event_time),
      receivedAt: new Date(row.received_at),
      item: parse<FeedItem>(row.item),
    }))
    .sort((a, b) => a.eventTime.getTime() - b.eventTime.getTime() || (a.id < b.id ? -1 : 1));
}

/** Events still to do: pending, and labels waiting for their payment (each counted through its partial index). */
export async function countOpenEvents(db: Kysely<Database>): Promise<{ pending: number; waiting: number }> {
  const result = await sql<{ pending: number | string; waiting: number | string }>`
    SELECT (SELECT count(*) FROM feed_inbox WHERE status = ${feedStatuses.pending}) AS pending,
           (SELECT count(*) FROM feed_inbox WHERE status = ${feedStatuses.waiting}) AS waiting`.execute(db);
  const row = result.rows[0]!;
  return { pending: Number(row.pending), waiting: Number(row.waiting) };
}

/** Pending events that arrived before `settledBefore`, claimed or not. */
export async function countSettledPending(db: Kysely<Database>, settledBefore: Date): Promise<number> {
  const row = await db.selectFrom('feed_inbox').select((eb) => eb.fn.countAll<number | string>().as('count')).where('status', '=', feedStatuses.pending).where('received_at', '<=', settledBefore).executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Ends the processing of claimed events with their outcome, all in one statement (each probes the primary key: migration 0082). */
export async function finishEvents(db: Kysely<Database>, outcomes: readonly { id: string; status: FeedStatus; decisionId?: string; error?: string }[], at: Date): Promise<void> {
  if (outcomes.length === 0) return;
  const rows = outcomes.map((outcome) => ({
    id: outcome.id,
    status: outcome.status,
    decision_id: outcome.decisionId ?? null,
    error: outcome.error ?? null,
    processed_at: outcome.status === feedStatuses.waiting ? null : at.toISOString(),
  }));
  await sql`SELECT sentra_finish_feed_events(${JSON.stringify(rows)}::jsonb)`.execute(db);
}

/** Lets claimed events go without an outcome (the store was unavailable): another pass takes them. */
export async function releaseEvents(db: Kysely<Database>, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('feed_inbox').set({ claimed_by: null, claimed_until: null }).where('id', 'in', ids).execute();
}

/** Sends labels that waited for these transactions back to pending, now that they are known. */
export async function wakeWaitingLabels(db: Kysely<Database>, merchantId: string, txIds: readonly string[]): Promise<void> {
  if (txIds.length === 0) return;
  await db.updateTable('feed_inbox').set({ status: feedStatuses.pending }).where('status', '=', feedStatuses.waiting).where('merchant_id', '=', merchantId).where('tx_id', 'in', txIds).execute();
}

/** The PSP verdicts kept for a merchant's transactions (any event of the transaction that carried one). */
export async function pspVerdicts(db: Kysely<Database>, merchantId: string, txIds: readonly string[]): Promise<Map<string, PspVerdict>> {
  if (txIds.length === 0) return new Map();
  const rows = await db.selectFrom('feed_inbox').select(['tx_id', 'psp_verdict']).where('merchant_id', '=', merchantId).where('tx_id', 'in', txIds).where('psp_verdict', 'is not', null).execute();
  const verdicts = new Map<string, PspVerdict>();
  for (const row of rows) {
    const verdict = parse<PspVerdict | null>(row.psp_verdict);
    if (row.tx_id !== null && verdict !== null && !verdicts.has(row.tx_id)) verdicts.set(row.tx_id, verdict);
  }
  return verdicts;
}

/** A merchant's inbox events, newest event time first. */
export async function listInbox(db: Kysely<Database>, tenantId: string, merchantId: string, filter: { status?: FeedStatus; txId?: string; limit: number }): Promise<Selectable<FeedInboxTable>[]> {
  let query = db.selectFrom('feed_inbox').selectAll().where('tenant_id', '=', tenantId).where('merchant_id', '=', merchantId);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  if (filter.txId !== undefined) query = query.where('tx_id', '=', filter.txId);
  return query.orderBy('event_time', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}
