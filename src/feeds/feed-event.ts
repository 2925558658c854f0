import type { FeedItem, PspVerdict } from '../platform/tables/feed.table.js';
import { FeedMappingError } from './psp/payload-fields.js';

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
