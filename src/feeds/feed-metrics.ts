import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { countOpenEvents, type InboxOutcome } from './feed-inbox.repository.js';
import type { FeedSource, FeedStatus } from '../contract/feeds.js';
import { isOpen } from './feed-status.js';

/** What the processor did with one event of a pass: its new status, or `retry` (left pending after a transient failure). */
export type ProcessedOutcome = Exclude<FeedStatus, 'pending'> | 'retry';

/** The feeds' Prometheus metrics. */
export interface FeedMetrics {
  /** Events a receiver stored (acknowledged after the inbox write was durable) or found there already. */
  received(psp: FeedSource, outcome: InboxOutcome, count: number): void;
  /**
   * One event the processor took, once its outcome is stored: a final status (processed, duplicate,
   * failed) also records how long the event was in the inbox.
   */
  processed(psp: FeedSource, kind: string, outcome: ProcessedOutcome, inboxSeconds: number): void;
  /** One claim of the processor, with the number of events it took (0: nothing had settled, or others hold it). */
  claimed(count: number): void;
}

/**
 * Registers the feed metrics on an app's registry:
 * - `sentra_feed_events_received_total{psp, outcome}`: `stored` (new in the inbox, acknowledged) or
 *   `duplicate` (a PSP's retry or replay of an event already there; acknowledged, nothing stored);
 * - `sentra_feed_events_processed_total{psp, kind, outcome}`: per kind (transaction, label), what the
 *   processor did (processed, duplicate, failed, waiting for its payment, retry after a transient failure);
 * - `sentra_feed_claims_total{result}`: the processor's claims, `events` when one took events and
 *   `empty` when none had settled (or other processes held them): empty claims at more than a few per
 *   second mean the processor is polling, not working;
 * - `sentra_feed_inbox_seconds{kind}`: from receipt to a final status, so the time scoring runs behind;
 * - `sentra_feed_inbox_open{status}`: events still to do (pending, waiting), read from the database at
 *   scrape time, so it is right whichever process received or processed them.
 * Refused deliveries (a bad signature is 401, a malformed body 400) are counted by
 * `sentra_http_request_duration_seconds` under the receiver's route and status.
 */
export function registerFeedMetrics(registry: Registry, db: Kysely<Database>): FeedMetrics {
  const received = new Counter({
    name: 'sentra_feed_events_received_total',
    help: 'Feed events acknowledged, per PSP: stored in the inbox, or a duplicate of one already there',
    labelNames: ['psp', 'outcome'],
    registers: [registry],
  });
  const processed = new Counter({
    name: 'sentra_feed_events_processed_total',
    help: 'Feed events the processor took, per PSP, kind and outcome (processed, duplicate, failed, waiting, retry)',
    labelNames: ['psp', 'kind', 'outcome'],
    registers: [registry],
  });
  const claims = new Counter({
    name: 'sentra_feed_claims_total',
    help: 'Claims of the feed processor: events (it took some) or empty (none had settled, or other processes held them)',
    labelNames: ['result'],
    registers: [registry],
  });
  const inboxSeconds = new Histogram({
    name: 'sentra_feed_inbox_seconds',
    help: 'Time from a feed event’s receipt to its final status (processed, duplicate or failed), per kind',
    labelNames: ['kind'],
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600, 86_400],
    registers: [registry],
  });
  new Gauge({
    name: 'sentra_feed_inbox_open',
    help: 'Feed events still to do: pending (to be scored or labelled) and waiting (a label whose payment has not arrived)',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const counts = await countOpenEvents(db).catch(() => undefined);
      if (counts === undefined) return;
      this.set({ status: 'pending' }, counts.pending);
      this.set({ status: 'waiting' }, counts.waiting);
    },
  });
  return {
    received(psp, outcome, count) {
      if (count > 0) received.inc({ psp, outcome }, count);
    },
    processed(psp, kind, outcome, seconds) {
      processed.inc({ psp, kind, outcome });
      if (outcome !== 'retry' && !isOpen(outcome)) inboxSeconds.observe({ kind }, seconds);
    },
    claimed(count) {
      claims.inc({ result: count > 0 ? 'events' : 'empty' });
    },
  };
}
