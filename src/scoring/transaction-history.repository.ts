import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, TransactionsTable } from '../platform/database-schema.js';
import type { Channel, Direction, LabelSource, LabelValue, Psp, TransactionStatus } from '../contract/enums.js';
import type { LabelRecord, TransactionRecord } from '../contract/transaction-record.js';
import type { HistoricalTransaction } from '../features/engine/replay.js';
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

/** A tenant's history for a profile rebuild: transactions since `fromMs` and their labels known by `nowMs`, both in time order. */
export interface TenantHistory {
  transactions: HistoricalTransaction[];
  labels: LabelRecord[];
}

/** Loads what a rebuild of in-memory profiles replays. */
export async function loadTenantHistory(db: Kysely<Database>, tenantId: string, fromMs: number, nowMs: number): Promise<TenantHistory> {
  const rows = await db
    .selectFrom('transactions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('created_at', '>=', new Date(fromMs))
    .where('created_at', '<=', new Date(nowMs))
    .orderBy('created_at')
    .orderBy('tx_id')
    .execute();
  const labelRows = await db
    .selectFrom('labels as l')
    .innerJoin('transactions as t', (join) => join.onRef('t.tenant_id', '=', 'l.tenant_id').onRef('t.tx_id', '=', 'l.tx_id'))
    .select(['l.tx_id', 'l.label', 'l.labeled_at', 'l.source', 'l.reason'])
    .where('l.tenant_id', '=', tenantId)
    .where('t.created_at', '>=', new Date(fromMs))
    .where('l.labeled_at', '<=', new Date(nowMs))
    .orderBy('l.labeled_at')
    .execute();
  return {
    transactions: rows.map((row) => ({
      record: recordOfRow(row),
      network: (orUndefined(row.network) ?? undefined) as NetworkObservation | undefined,
    })),
    labels: labelRows.map((row) => ({
      txId: row.tx_id,
      label: row.label as LabelValue,
      labeledAt: row.labeled_at.getTime(),
      source: row.source as LabelSource,
      reason: row.reason,
    })),
  };
}
