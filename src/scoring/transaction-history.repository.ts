import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, TransactionsTable } from '../platform/database-schema.js';
import type { Channel, Direction, LabelSource, LabelValue, Psp, TransactionStatus } from '../contract/enums.js';
import type { LabeledTransaction, LabelRecord, TransactionRecord } from '../contract/transaction-record.js';
import type { HistoricalTransaction, ReplayStep } from '../features/engine/replay.js';
import type { NetworkObservation } from '../features/network/network-signals.js';

const orUndefined = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

/** The normalized record of a stored transaction row. */
export function recordOfRow(row: Selectable<TransactionsTable>): TransactionRecord {
  return {
    txId: row.tx_id,
    createdAt: row.created_at.getTime(),
    amount: Number(row.amount),
    currency: row.currency,
    fxRate: orUndefined(row.fx_rate),
    direction: row.direction as Direction,
    channel: row.channel as Channel,
    psp: row.psp as Psp,
    routeId: row.route_id,
    status: row.status as TransactionStatus,
    statusReason: row.status_reason,
    feeTotal: Number(row.fee_total),
    senderEntityId: row.sender_entity_id,
    receiverEntityId: row.receiver_entity_id,
    senderCountry: row.sender_country,
    receiverCountry: row.receiver_country,
    userId: orUndefined(row.user_id),
    merchantId: orUndefined(row.merchant_id),
    ipHash: orUndefined(row.ip_hash),
    deviceIdHash: orUndefined(row.device_id_hash),
    sessionId: orUndefined(row.session_id),
    userAgent: orUndefined(row.user_agent),
    overrides: orUndefined(row.overrides) ?? undefined,
  };
}

/** What a stored transaction row records besides the normalized transaction. */
export interface TransactionRowContext {
  tenantId: string;
  /** Network signals derived from a raw IP at scoring time (never the IP itself). */
  network: object | undefined;
  /** Which surface wrote it: api, event, confidence, shadow, import. */
  source: string;
  /** The ingest run of an import, else null. */
  ingestRunId: string | null;
  updatedAt: Date;
}

/** The stored row of a normalized transaction: the inverse of {@link recordOfRow}. */
export function rowOfRecord(record: TransactionRecord, context: TransactionRowContext): Insertable<TransactionsTable> {
  return {
    tenant_id: context.tenantId,
    tx_id: record.txId,
    created_at: new Date(record.createdAt),
    amount: record.amount,
    currency: record.currency,
    fx_rate: record.fxRate ?? null,
    direction: record.direction,
    channel: record.channel,
    psp: record.psp,
    route_id: record.routeId,
    status: record.status,
    status_reason: record.statusReason,
    fee_total: record.feeTotal,
    sender_entity_id: record.senderEntityId,
    receiver_entity_id: record.receiverEntityId,
    sender_country: record.senderCountry,
    receiver_country: record.receiverCountry,
    user_id: record.userId ?? null,
    merchant_id: record.merchantId ?? null,
    ip_hash: record.ipHash ?? null,
    device_id_hash: record.deviceIdHash ?? null,
    session_id: record.sessionId ?? null,
    user_agent: record.userAgent ?? null,
    overrides: record.overrides === undefined ? null : JSON.stringify(record.overrides),
    network: context.network === undefined ? null : JSON.stringify(context.network),
    source: context.source,
    ingest_run_id: context.ingestRunId,
    updated_at: context.updatedAt,
  };
}

/** Rows read per query while streaming a history (bounded memory whatever the history's size). */
const historyPageSize = 5_000;

/** A label with the transaction it credits, as a streamed rebuild replays it. */
interface StreamedLabel {
  label: LabelRecord;
  transaction: LabeledTransaction;
}

/** A tenant's transactions created in [fromMs, nowMs], in (created_at, tx_id) order, a page at a time. */
async function* transactionPages(db: Kysely<Database>, tenantId: string, fromMs: number, nowMs: number, pageSize: number): AsyncGenerator<HistoricalTransaction[]> {
  let after: { createdAt: Date; txId: string } | undefined;
  for (;;) {
    let query = db
      .selectFrom('transactions')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('created_at', '>=', new Date(fromMs))
      .where('created_at', '<=', new Date(nowMs));
    if (after !== undefined) {
      const { createdAt, txId } = after;
      query = query.where((eb) => eb.or([eb('created_at', '>', createdAt), eb.and([eb('created_at', '=', createdAt), eb('tx_id', '>', txId)])]));
    }
    const rows = await query.orderBy('created_at').orderBy('tx_id').limit(pageSize).execute();
    if (rows.length === 0) return;
    yield rows.map((row) => ({ record: recordOfRow(row), network: (orUndefined(row.network) ?? undefined) as NetworkObservation | undefined }));
    const last = rows[rows.length - 1]!;
    after = { createdAt: last.created_at, txId: last.tx_id };
    if (rows.length < pageSize) return;
  }
}

/** Labels known by nowMs of the tenant's transactions created since fromMs, in (labeled_at, tx_id, source) order, a page at a time. */
async function* labelPages(db: Kysely<Database>, tenantId: string, fromMs: number, nowMs: number, pageSize: number): AsyncGenerator<StreamedLabel[]> {
  let after: { labeledAt: Date; txId: string; source: string } | undefined;
  for (;;) {
    let query = db
      .selectFrom('labels as l')
      .innerJoin('transactions as t', (join) => join.onRef('t.tenant_id', '=', 'l.tenant_id').onRef('t.tx_id', '=', 'l.tx_id'))
      .select(['l.tx_id', 'l.label', 'l.labeled_at', 'l.source', 'l.reason', 't.created_at', 't.sender_entity_id', 't.receiver_entity_id'])
      .where('l.tenant_id', '=', tenantId)
      .where('t.created_at', '>=', new Date(fromMs))
      .where('l.labeled_at', '<=', new Date(nowMs));
    if (after !== undefined) {
      const { labeledAt, txId, source } = after;
      query = query.where((eb) =>
        eb.or([
          eb('l.labeled_at', '>', labeledAt),
          eb.and([eb('l.labeled_at', '=', labeledAt), eb.or([eb('l.tx_id', '>', txId), eb.and([eb('l.tx_id', '=', txId), eb('l.source', '>', source)])])]),
        ]),
      );
    }
    const rows = await query.orderBy('l.labeled_at').orderBy('l.tx_id').orderBy('l.source').limit(pageSize).execute();
    if (rows.length === 0) return;
    yield rows.map((row) => ({
      label: { txId: row.tx_id, label: row.label as LabelValue, labeledAt: row.labeled_at.getTime(), source: row.source as LabelSource, reason: row.reason },
      transaction: { txId: row.tx_id, createdAt: row.created_at.getTime(), senderEntityId: row.sender_entity_id, receiverEntityId: row.receiver_entity_id },
    }));
    const last = rows[rows.length - 1]!;
    after = { labeledAt: last.labeled_at, txId: last.tx_id, source: last.source };
    if (rows.length < pageSize) return;
  }
}

/** Reads a paged stream one item at a time, fetching the next page only when the current one is used up. */
class PagedCursor<T> {
  private page: T[] = [];
  private index = 0;
  private done = false;
  constructor(private readonly pages: AsyncIterator<T[]>) {}

  /** The next item without taking it; undefined at the end. */
  async peek(): Promise<T | undefined> {
    while (this.index >= this.page.length && !this.done) {
      const next = await this.pages.next();
      if (next.done === true) this.done = true;
      else {
        this.page = next.value;
        this.index = 0;
      }
    }
    return this.index < this.page.length ? this.page[this.index] : undefined;
  }

  take(): void {
    this.index++;
  }
}

/**
 * A tenant's history for a profile rebuild, streamed: transactions created in [fromMs, nowMs] and
 * the labels of those transactions known by nowMs, merged in time order (a label at the same
 * millisecond as a transaction comes first, as in interleaveByTime), in pages of at most `pageSize`
 * steps. At most one page of each table is in memory at a time, so a large install's start-up
 * does not hold its whole history. Labels carry their transaction, so the replay needs no map of
 * what it replayed (see ReplayState).
 */
export async function* tenantHistoryPages(db: Kysely<Database>, tenantId: string, fromMs: number, nowMs: number, pageSize = historyPageSize): AsyncGenerator<ReplayStep[]> {
  const transactions = new PagedCursor(transactionPages(db, tenantId, fromMs, nowMs, pageSize));
  const labels = new PagedCursor(labelPages(db, tenantId, fromMs, nowMs, pageSize));
  let steps: ReplayStep[] = [];
  for (;;) {
    const transaction = await transactions.peek();
    const label = await labels.peek();
    if (transaction === undefined && label === undefined) break;
    if (label !== undefined && (transaction === undefined || label.label.labeledAt <= transaction.record.createdAt)) {
      steps.push({ kind: 'label', label: label.label, transaction: label.transaction });
      labels.take();
    } else if (transaction !== undefined) {
      steps.push({ kind: 'transaction', transaction });
      transactions.take();
    }
    if (steps.length >= pageSize) {
      yield steps;
      steps = [];
    }
  }
  if (steps.length > 0) yield steps;
}
