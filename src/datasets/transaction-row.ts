import { channels, directions, mappedCurrencies, psps, transactionStatuses } from '../contract/enums.js';
import type { TransactionRecord } from '../contract/transaction-record.js';
import { RowChecker, type RowResult } from './row-checker.js';
import type { RowFields } from './row-fields.js';

const mappedCurrencySet: ReadonlySet<string> = new Set(mappedCurrencies);

/**
 * Parses and checks one row of transactions.csv / transactions.jsonl (or one uploaded row) into
 * the normalized {@link TransactionRecord}. Row-local rules only: required values, enumerations of
 * seed 003, timestamps with a zone, non-negative amount and fee, positive fx_rate, currency and
 * country shapes, no raw IP in a hash column, numeric `f_` overrides. Rules across rows (duplicate
 * tx_id, ordering) belong to the dataset validator.
 */
export function parseTransactionRow(fields: RowFields): RowResult<TransactionRecord> {
  const check = new RowChecker(fields);
  const txId = check.text('tx_id', true);
  const createdAt = check.timestamp('created_at');
  const amount = check.number('amount', 'non-negative');
  const currency = check.currency('currency');
  const direction = check.oneOf('direction', directions);
  const channel = check.oneOf('channel', channels);
  const psp = check.oneOf('psp', psps);
  const routeId = check.text('route_id', true);
  const status = check.oneOf('status', transactionStatuses);
  const statusReason = check.text('status_reason', true);
  const feeTotal = check.number('fee_total', 'non-negative');
  const senderEntityId = check.text('sender_entity_id', true);
  const receiverEntityId = check.text('receiver_entity_id', true);
  const senderCountry = check.country('sender_country');
  const receiverCountry = check.country('receiver_country');
  const fxRate = check.number('fx_rate', 'positive', false);
  const userId = check.text('user_id', false);
  const merchantId = check.text('merchant_id', false);
  const ipHash = check.hash('ip_hash');
  const deviceIdHash = check.hash('device_id_hash');
  const sessionId = check.text('session_id', false);
  const userAgent = check.text('user_agent', false);
  const overrides = check.overrides();
  const fxRateText = fields.get('fx_rate');
  if (currency !== undefined && !mappedCurrencySet.has(currency) && (fxRateText === undefined || fxRateText === '')) {
    check.report('SENTRA_DATASET_CURRENCY_UNMAPPED', 'currency', `currency ${currency} has no built-in USD rate and the row has no fx_rate; amounts in USD will be missing`);
  }
  return check.result(() => ({
    txId: txId!,
    createdAt: createdAt!,
    amount: amount!,
    currency: currency!,
    fxRate,
    direction: direction!,
    channel: channel!,
    psp: psp!,
    routeId: routeId!,
    status: status!,
    statusReason: statusReason!,
    feeTotal: feeTotal!,
    senderEntityId: senderEntityId!,
    receiverEntityId: receiverEntityId!,
    senderCountry: senderCountry!,
    receiverCountry: receiverCountry!,
    userId,
    merchantId,
    ipHash,
    deviceIdHash,
    sessionId,
    userAgent,
    overrides,
  }));
}
