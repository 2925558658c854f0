import type { MappedCurrency } from '../contract/enums.js';
import type { TransactionRecord } from '../contract/transaction-record.js';

/**
 * USD per one unit of each seed currency: a static reference table (mid-market rates rounded, as
 * of mid-2025), used only when the caller sends no `fx_rate`. It feeds amount features, where being
 * off by a few percent does not matter; it is not a pricing source. ECS (Ecuadorian sucre) has had
 * no market since Ecuador dollarized in 2000 at the fixed rate of 25,000 ECS per USD, which is used.
 * Changing a rate changes features of the same payment, so a change ships with a model retrain.
 */
export const usdPerUnit = {
  USD: 1,
  EUR: 1.1,
  GBP: 1.3,
  SGD: 0.75,
  HKD: 0.128,
  MXN: 0.052,
  BRL: 0.18,
  COP: 0.00024,
  CLP: 0.00105,
  PEN: 0.27,
  ARS: 0.00085,
  ECS: 0.00004,
  IDR: 0.000062,
  TWD: 0.032,
} as const satisfies Record<MappedCurrency, number>;

/**
 * Amount in USD: `fxRate` (USD per unit, as sent by the caller) takes precedence, then the table;
 * NaN when neither is available (an unmapped currency without fx_rate).
 */
export function amountInUsd(record: Pick<TransactionRecord, 'amount' | 'currency' | 'fxRate'>): number {
  if (record.fxRate !== undefined && Number.isFinite(record.fxRate) && record.fxRate > 0) return record.amount * record.fxRate;
  const rates = usdPerUnit as Readonly<Record<string, number>>;
  const rate = rates[record.currency] ?? rates[record.currency.toUpperCase()];
  return rate === undefined ? Number.NaN : record.amount * rate;
}
