import { readLabels, readTransactions } from '../../src/datasets/dataset-readers.js';

const dayMs = 86_400_000;

/** Options of {@link countryFraudRates}. */
export interface CountryRateOptions {
  /** Label delay in days: the window ends this many days before the payment's day. */
  readonly delayDays: number;
  /** Window width in days. */
  readonly windowDays: number;
  /** Pseudo-count of the smoothing toward the tenant-wide rate of the same window. */
  readonly smoothing: number;
}

/**
 * A label-learned fraud rate per country, the target encoding of the sender's and the receiver's
 * country with the discipline of the terminal-risk features: for a payment on day D, the payments
 * of the country created on days D − delay − window .. D − delay − 1, the fraud labels among them
 * known at the payment's moment (labeled_at ≤ created_at), smoothed toward the rate of all payments
 * of the same window: (fraud + m × global) / (count + m). Day buckets (UTC). Returns, per
 * transaction id, [sender country rate, receiver country rate].
 */
export async function countryFraudRates(dir: string, options: CountryRateOptions): Promise<Map<string, [number, number]>> {
  const transactions: { txId: string; createdAt: number; sender: string; receiver: string }[] = [];
  for await (const record of readTransactions(dir)) {
    transactions.push({ txId: record.txId, createdAt: record.createdAt, sender: record.senderCountry.toUpperCase(), receiver: record.receiverCountry.toUpperCase() });
  }
  transactions.sort((a, b) => a.createdAt - b.createdAt);
  const byId = new Map(transactions.map((transaction) => [transaction.txId, transaction]));
  const frauds: { labeledAt: number; createdAt: number; sender: string; receiver: string }[] = [];
  for await (const label of readLabels(dir)) {
    const transaction = byId.get(label.txId);
    if (label.label === 'fraud' && transaction !== undefined) frauds.push({ labeledAt: label.labeledAt, ...transaction });
  }
  frauds.sort((a, b) => a.labeledAt - b.labeledAt);
  const firstDay = Math.floor(transactions[0]!.createdAt / dayMs);
  const days = Math.floor(transactions.at(-1)!.createdAt / dayMs) - firstDay + 1;
  const counts = new Map<string, Float64Array>();
  const fraudCounts = new Map<string, Float64Array>();
  const series = (table: Map<string, Float64Array>, key: string) => {
    let values = table.get(key);
    if (values === undefined) table.set(key, (values = new Float64Array(days)));
    return values;
  };
  const add = (table: Map<string, Float64Array>, key: string, day: number) => void (series(table, key)[day]! += 1);
  const sum = (values: Float64Array | undefined, from: number, to: number) => {
    let total = 0;
    if (values !== undefined) for (let day = Math.max(0, from); day <= to; day++) total += values[day]!;
    return total;
  };
  const rates = new Map<string, [number, number]>();
  let nextFraud = 0;
  for (const transaction of transactions) {
    for (; nextFraud < frauds.length && frauds[nextFraud]!.labeledAt <= transaction.createdAt; nextFraud++) {
      const fraud = frauds[nextFraud]!;
      const day = Math.floor(fraud.createdAt / dayMs) - firstDay;
      add(fraudCounts, `s:${fraud.sender}`, day);
      add(fraudCounts, `r:${fraud.receiver}`, day);
      add(fraudCounts, '*', day);
    }
    const day = Math.floor(transaction.createdAt / dayMs) - firstDay;
    const from = day - options.delayDays - options.windowDays;
    const to = day - options.delayDays - 1;
    const allCount = sum(counts.get('*'), from, to);
    const global = allCount > 0 ? sum(fraudCounts.get('*'), from, to) / allCount : 0;
    const rate = (key: string) => (sum(fraudCounts.get(key), from, to) + options.smoothing * global) / (sum(counts.get(key), from, to) + options.smoothing);
    rates.set(transaction.txId, [rate(`s:${transaction.sender}`), rate(`r:${transaction.receiver}`)]);
    add(counts, `s:${transaction.sender}`, day);
    add(counts, `r:${transaction.receiver}`, day);
    add(counts, '*', day);
  }
  return rates;
}
