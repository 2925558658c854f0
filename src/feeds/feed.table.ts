import type { ColumnType } from 'kysely';
import type { Json } from '../platform/column-types.js';
import type { FeedItem, PspVerdict } from './feed-event.js';
import type { FeedStatus } from '../contract/feeds.js';

/** The `feed_secrets` table: a merchant's webhook secrets of one PSP, sealed with the feed key. */
export interface FeedSecretsTable {
  merchant_id: string;
  psp: string;
  tenant_id: string;
  /** AES-256-GCM of the JSON array of secrets (secret-box.ts); never readable without the key. */
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
