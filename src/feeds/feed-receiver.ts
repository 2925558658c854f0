import type { GroupCommitter } from '../platform/group-commit.js';
import type { Clock } from '../platform/clock.js';
import type { FeedAck, FeedSource } from '../contract/feeds.js';
import type { FeedEvent } from './feed-event.js';
import type { InboxOutcome, InboxWrite } from './feed-inbox.repository.js';
import type { FeedMetrics } from './feed-metrics.js';

/** Where receivers put verified events: the inbox's group commit, and the processor to wake. */
export interface FeedInbox {
  writer: GroupCommitter<InboxWrite, InboxOutcome>;
  clock: Clock;
  /** Longest wait for the inbox commit before answering 503 (the PSP retries). */
  persistTimeoutMs: number;
  /** Called after events received at `receivedAt` (the clock's milliseconds) were stored, so processing starts once they settle. */
  stored(receivedAt: number): void;
  metrics: FeedMetrics;
}

/** Stores a delivery's events durably (all of them, each once) and answers what happened. */
export async function acceptEvents(inbox: FeedInbox, tenantId: string, merchantId: string, psp: FeedSource, events: readonly FeedEvent[]): Promise<FeedAck> {
  const receivedAt = new Date(inbox.clock.now());
  const outcomes = await Promise.all(events.map((event) => inbox.writer.write({ tenantId, merchantId, psp, event, receivedAt }, inbox.persistTimeoutMs)));
  const stored = outcomes.filter((outcome) => outcome === 'stored').length;
  const duplicates = events.length - stored;
  inbox.metrics.received(psp, 'stored', stored);
  inbox.metrics.received(psp, 'duplicate', duplicates);
  if (stored > 0) inbox.stored(receivedAt.getTime());
  return { received: events.length, stored, duplicates };
}
