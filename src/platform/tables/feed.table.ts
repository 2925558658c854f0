import type { ColumnType } from 'kysely';
import type { Json } from '../column-types.js';
import type { FeedSource, FeedStatus } from '../../contract/feeds.js';
import type { LabelRecord, TransactionRecord } from '../../contract/transaction-record.js';

/** The PSP's own risk verdict on a payment, kept beside Sentra's for the evaluation. */
export interface PspVerdict {
  psp: FeedSource;
  /** The PSP's score as it gives it (Stripe 0–99 risk_score, Adyen totalFraudScore, Checkout.com risk score); null when absent. */
  score: number | null;
  /** The PSP's level or result type (Stripe risk_level, Adyen fraudResultType, Checkout.com `flagged`). */
  level: string | null;
  /** True when the PSP itself judged the payment risky (elevated/highest, AMBER/RED, flagged, blocked). */
  flagged: boolean;
}

/** A payment of the feed as a data contract v1 transaction. */
export interface FeedTransaction {
  kind: 'transaction';
  transaction: TransactionRecord;
}

/** A label of the feed (dispute, fraud warning) at its event time, with the disputed amount. */
export interface FeedLabel {
  kind: 'label';
  label: LabelRecord;
  /** Disputed amount in major units of `currency`, when the PSP gives one. */
  amount: number | null;
  currency: string | null;
}

/** An event of the feed that carries neither (other event types are kept, and acted on never). */
export interface FeedOther {
  kind: 'other';
}

/** What an inbox event holds. */
export type FeedItem = FeedTransaction | FeedLabel | FeedOther;

/** The `feed_secrets` table: a merchant's webhook secrets of one PSP, sealed with the feed key. */
export interface FeedSecretsTable {
  merchant_id: string;
  psp: string;
  tenant_id: string;
  /** AES-256-GCM of the JSON array of secrets (src/feeds/secret-box.ts); never readable without the key. */
  secrets_sealed: string;
  secret_count: number;
  updated_at: Date;
}

/** The `feed_inbox` table: every verified feed event, stored before it is acknowledged. */
export interface FeedInboxTable {
  id: string;
  tenant_id: string;
  merchant_id: string;
  /** A FeedSource. */
  psp: string;
  /** The PSP's own event id (idempotency key with merchant and PSP). */
  event_id: string;
  event_type: string;
  /** When the PSP says the event happened: the processing order. */
  event_time: Date;
  /** `transaction`, `label` or `other`. */
  kind: string;
  tx_id: string | null;
  /** The event mapped to data contract v1 (a transaction or a label). */
  item: Json<FeedItem>;
  /** The PSP's own risk verdict on the payment, kept for comparison. */
  psp_verdict: ColumnType<PspVerdict | null, string | null, string | null>;
  status: FeedStatus;
  received_at: Date;
  processed_at: Date | null;
  /** The decision (risk_scores id) a transaction event was scored into. */
  decision_id: string | null;
  error: string | null;
  /** The processor holding a pending event, and until when (a processor that dies lets it go). */
  claimed_by: string | null;
  claimed_until: Date | null;
}
