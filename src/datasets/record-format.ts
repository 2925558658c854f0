import type { LabelRecord, TransactionRecord } from '../contract/transaction-record.js';
import { entityColumns, kycRefColumns, labelColumns, overrideColumnPrefix, transactionColumns } from './dataset-columns.js';
import type { EntityRecord } from './entity-row.js';
import { formatIsoTimestamp } from './iso-time.js';
import type { KycRefRecord } from './kyc-ref-row.js';

const needsQuoting = /[",\r\n]/;

/** One CSV field (RFC 4180): quoted only when it holds a comma, a quote or a line break. */
export function csvField(value: string | undefined): string {
  if (value === undefined) return '';
  return needsQuoting.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function optionalNumber(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}

function isoTime(milliseconds: number): string {
  return formatIsoTimestamp(milliseconds);
}

/** The transactions.csv header line: required, then optional columns, then `f_<name>` per override name. */
export function transactionCsvHeader(overrideNames: readonly string[]): string {
  const columns = [...transactionColumns.required, ...transactionColumns.optional, ...overrideNames.map((name) => overrideColumnPrefix + name)];
  return `${columns.join(',')}\n`;
}

/** One transactions.csv line (with its newline) in the column order of {@link transactionCsvHeader}. */
export function formatTransactionCsv(record: TransactionRecord, overrideNames: readonly string[]): string {
  let line =
    `${csvField(record.txId)},${isoTime(record.createdAt)},${record.amount},${record.currency},${record.direction},` +
    `${record.channel},${record.psp},${csvField(record.routeId)},${record.status},${csvField(record.statusReason)},` +
    `${record.feeTotal},${csvField(record.senderEntityId)},${csvField(record.receiverEntityId)},` +
    `${record.senderCountry},${record.receiverCountry},${optionalNumber(record.fxRate)},${csvField(record.userId)},` +
    `${csvField(record.merchantId)},${csvField(record.ipHash)},${csvField(record.deviceIdHash)},` +
    `${csvField(record.sessionId)},${csvField(record.userAgent)}`;
  for (const name of overrideNames) line += `,${optionalNumber(record.overrides?.[name])}`;
  return `${line}\n`;
}

/** One transactions.jsonl line (with its newline): the flattened keys, absent optional values omitted. */
export function formatTransactionJson(record: TransactionRecord): string {
  const row: Record<string, string | number | undefined> = {
    tx_id: record.txId,
    created_at: isoTime(record.createdAt),
    amount: record.amount,
    currency: record.currency,
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
    fx_rate: record.fxRate,
    user_id: record.userId,
    merchant_id: record.merchantId,
    ip_hash: record.ipHash,
    device_id_hash: record.deviceIdHash,
    session_id: record.sessionId,
    user_agent: record.userAgent,
  };
  for (const [name, value] of Object.entries(record.overrides ?? {})) row[overrideColumnPrefix + name] = value;
  return `${JSON.stringify(row)}\n`;
}

/** The labels.csv header line. */
export const labelCsvHeader = `${[...labelColumns.required, ...labelColumns.optional].join(',')}\n`;

/** One labels.csv line. */
export function formatLabelCsv(label: LabelRecord): string {
  return `${csvField(label.txId)},${label.label},${isoTime(label.labeledAt)},${label.source},${csvField(label.reason)}\n`;
}

/** The entities.csv header line. */
export const entityCsvHeader = `${[...entityColumns.required, ...entityColumns.optional].join(',')}\n`;

/** One entities.csv line. */
export function formatEntityCsv(entity: EntityRecord): string {
  const createdAt = entity.createdAt === undefined ? '' : isoTime(entity.createdAt);
  return `${csvField(entity.entityId)},${entity.entityType},${entity.country ?? ''},${createdAt},${csvField(entity.name)}\n`;
}

/** The kyc_refs.csv header line. */
export const kycRefCsvHeader = `${[...kycRefColumns.required, ...kycRefColumns.optional].join(',')}\n`;

/** One kyc_refs.csv line. */
export function formatKycRefCsv(reference: KycRefRecord): string {
  return `${csvField(reference.entityId)},${csvField(reference.docHash)},${csvField(reference.docS3Url)},${csvField(reference.textBlob)}\n`;
}
