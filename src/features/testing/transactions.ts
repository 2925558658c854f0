import type { LabelValue } from '../../contract/enums.js';
import type { LabelRecord, TransactionRecord } from '../../contract/transaction-record.js';

/** Monday 6 January 2025, 00:00 UTC: aligned to every bucket size, so window edges are exact in tests. */
export const baseTime = Date.UTC(2025, 0, 6);

/** Milliseconds per unit, for readable test times. */
export const minute = 60_000;
export const hour = 60 * minute;
export const day = 24 * hour;

let counter = 0;

/** A valid transaction record with test defaults (100 USD card payment from GB to FR). */
export function transaction(fields: Partial<TransactionRecord> = {}): TransactionRecord {
  counter++;
  return {
    txId: `tx-${counter}`,
    createdAt: baseTime,
    amount: 100,
    currency: 'USD',
    fxRate: undefined,
    direction: 'pay',
    channel: 'card',
    psp: 'stripe',
    routeId: 'route-1',
    status: 'completed',
    statusReason: '',
    feeTotal: 1,
    senderEntityId: 'sender-1',
    receiverEntityId: 'receiver-1',
    senderCountry: 'GB',
    receiverCountry: 'FR',
    userId: undefined,
    merchantId: undefined,
    ipHash: undefined,
    deviceIdHash: undefined,
    sessionId: undefined,
    userAgent: undefined,
    overrides: undefined,
    ...fields,
  };
}

/** A label on `record` known at `labeledAt`. */
export function labelFor(record: TransactionRecord, label: LabelValue, labeledAt: number): LabelRecord {
  return { txId: record.txId, label, labeledAt, source: 'analyst', reason: 'test' };
}
