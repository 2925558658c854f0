import type { Channel, Direction, LabelSource, LabelValue, Psp, TransactionStatus } from './enums.js';

/**
 * One payment, normalized: what `POST /v1/risk/score` receives (transaction + entities flattened)
 * and what a row of data contract v1's `transactions.csv`/`.jsonl` holds. Both the API and the
 * dataset reader produce this shape, and the feature engine consumes it, so online and offline
 * features are computed from the same record.
 */
export interface TransactionRecord {
  txId: string;
  /** Milliseconds since the Unix epoch (parsed from ISO-8601 `created_at`). */
  createdAt: number;
  amount: number;
  /** Upper-case ISO-4217 code. */
  currency: string;
  /** Units of USD per unit of `currency` when the caller supplies it; otherwise the rate table is used. */
  fxRate: number | undefined;
  direction: Direction;
  channel: Channel;
  psp: Psp;
  routeId: string;
  status: TransactionStatus;
  statusReason: string;
  feeTotal: number;
  senderEntityId: string;
  receiverEntityId: string;
  /** ISO-3166 alpha-2, upper case. */
  senderCountry: string;
  receiverCountry: string;
  userId: string | undefined;
  merchantId: string | undefined;
  ipHash: string | undefined;
  deviceIdHash: string | undefined;
  sessionId: string | undefined;
  userAgent: string | undefined;
  /** Feature overrides by feature name (`feature_overrides`, or `f_<name>` columns). */
  overrides: Readonly<Record<string, number>> | undefined;
}

/**
 * Signals that only exist online, at the moment of the request (event and confidence APIs): the raw
 * IP address is used to derive network signals and a keyed hash, and is never stored.
 */
export interface OnlineSignals {
  ipAddress?: string;
  userAgent?: string;
  acceptLanguage?: string;
  /** Age of the session in seconds as reported by the caller. */
  sessionAgeSeconds?: number;
}

/** What a label needs of its transaction: who it credits, and when the transaction happened. */
export type LabeledTransaction = Pick<TransactionRecord, 'txId' | 'createdAt' | 'senderEntityId' | 'receiverEntityId'>;

/** A label on a transaction (data contract v1 `labels.csv`, analyst verdicts, chargebacks). */
export interface LabelRecord {
  txId: string;
  label: LabelValue;
  /** When the label became known (ms since epoch); features may use it only from this instant. */
  labeledAt: number;
  source: LabelSource;
  reason: string;
}
