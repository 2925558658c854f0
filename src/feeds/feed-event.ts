import type { LabelRecord, TransactionRecord } from '../contract/transaction-record.js';
import type { FeedSource } from '../contract/feeds.js';
import { FeedMappingError } from './psp/payload-fields.js';

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

/** One event of a feed, verified and mapped, ready for the inbox. */
export interface FeedEvent {
  /** The PSP's own id of the event (idempotency key). */
  eventId: string;
  eventType: string;
  /** When the PSP says it happened, ms since the epoch. */
  eventTime: number;
  item: FeedItem;
  pspVerdict: PspVerdict | null;
  /** Why a signed event of a known type could not be mapped; it is kept as failed, never acted on. */
  failure?: string;
}

/**
 * An event from its envelope (id, type, time: without them there is nothing to store) and its
 * mapped content; a content the mapping refuses (FeedMappingError) keeps the event as failed.
 */
export function mapped(envelope: Pick<FeedEvent, 'eventId' | 'eventType' | 'eventTime'>, content: () => Pick<FeedEvent, 'item' | 'pspVerdict'>): FeedEvent {
  try {
    return { ...envelope, ...content() };
  } catch (error) {
    if (!(error instanceof FeedMappingError)) throw error;
    return { ...envelope, item: { kind: 'other' }, pspVerdict: null, failure: error.message };
  }
}

/** The transaction id an item is about, if any. */
export function txIdOf(item: FeedItem): string | null {
  switch (item.kind) {
    case 'transaction':
      return item.transaction.txId;
    case 'label':
      return item.label.txId;
    case 'other':
      return null;
  }
}
