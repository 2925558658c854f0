import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import { SentraError } from '../errors/errors.js';
import type { ScoringService } from '../scoring/scoring.service.js';
import { requestDigest } from '../scoring/score-request.js';
import type { LabelService } from '../labels/label.service.js';
import { findMerchant, type Merchant } from '../merchants/merchant.repository.js';
import { engineThresholds } from '../merchants/score-mapping.js';
import type { FeedLabel, FeedTransaction } from '../platform/tables/feed.table.js';
import { claimPending, countSettledPending, finishEvents, releaseEvents, wakeWaitingLabels, type ClaimedEvent } from './feed-inbox.repository.js';
import { feedStatuses, type FeedStatus } from '../contract/feeds.js';
import { withMerchantCountry } from './psp/feed-transaction.js';
import type { FeedMetrics } from './feed-metrics.js';

/** How the processor takes events from the inbox. */
export interface FeedProcessorOptions {
  db: Kysely<Database>;
  clock: Clock;
  logger: Logger;
  scoring: ScoringService;
  labels: LabelService;
  /** How long an event rests in the inbox before it is processed, so deliveries out of order within it are put in event-time order. */
  reorderMs: number;
  /** Events per claim. */
  batchSize?: number;
  /** Wait between polls when the inbox is empty. */
  pollIntervalMs?: number;
  /**
   * Payments scored at once (default 16). Their decisions commit together, so this bounds how long
   * one scoring commit holds the embedded database while acknowledgements wait for it.
   */
  scoringChunk?: number;
  /**
   * Called after a live merchant's payment was scored and stored: its `decision.created` deliveries
   * committed with the decision (the outbox), so the sender may look now. Never for shadow merchants.
   */
  onLiveDecision?: () => void;
  metrics: FeedMetrics;
}

/** Where a taken event ends up: a final status, or waiting for its payment. */
type Outcome = { id: string; status: Exclude<FeedStatus, 'pending'>; decisionId?: string; error?: string };

/**
 * Least time between two claims that may come back short. Such a claim walks every pending event
 * still inside the reorder window (about rate × window of them, in the pending index), so claiming
 * after each inbox commit would cost more than the events it finds; processing starts at most this
 * much later.
 */
const claimSpacingMs = 50;

/** A failure that another pass may not have: the event stays pending. */
const transient = (error: unknown) => error instanceof SentraError && error.retryable;
const messageOf = (error: unknown) => (error instanceof SentraError ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error)).slice(0, 2000);

/**
 * Scores and labels behind the inbox, in event-time order: receivers only store and acknowledge,
 * so a burst never waits for scoring. Each pass claims the oldest settled pending events and walks
 * them in order; consecutive transactions are scored together (the one scoring flow: features,
 * model, rules, the merchant's thresholds, decision store, cases, audit), each label is recorded
 * once its transaction is known (before that it waits, and wakes when the transaction is scored).
 * A transaction already scored (another event of the same payment) is a duplicate; a refusal by
 * the engine fails the event with its reason; an unavailable store leaves it pending.
 */
export class FeedProcessor {
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private loop: Promise<void> | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;
  /** Receipt times of stored events no claim has looked for yet (settled at each plus the reorder window), ascending. */
  private readonly unsettled: number[] = [];
  /** When the last claim started, on the processor's clock. */
  private lastClaim = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: FeedProcessorOptions) {}

  /** Starts processing in the background. */
  start(): void {
    if (this.loop !== undefined) return;
    this.stopping = false;
    this.loop = this.run();
  }

  /**
   * Events received at `receivedAt` were stored: look when they settle rather than at the next
   * poll. Each inbox commit calls this with its receipt time.
   */
  nudge(receivedAt: number): void {
    const last = this.unsettled.at(-1);
    if (last !== undefined && receivedAt <= last) return;
    this.unsettled.push(receivedAt);
    if (last === undefined) this.wake?.();
  }

  /** Stops after the current pass. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
  }

  /**
   * Processes settled pending events until none is left, including those another pass (the
   * background loop, another process) holds at the moment; returns how many this call took. For
   * tests and one-shot use.
   */
  async drain(timeoutMs = 60_000): Promise<number> {
    const deadline = performance.now() + timeoutMs;
    let total = 0;
    while (performance.now() < deadline) {
      const taken = await this.pass();
      total += taken;
      if (taken > 0) continue;
      if ((await countSettledPending(this.options.db, new Date(this.options.clock.now() - this.options.reorderMs))) === 0) return total;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return total;
  }

  /**
   * Claims while claims come back full; after one that is not, sleeps until the earliest event
   * stored since settles, or the poll interval passes (events of other processes, released
   * events), whichever comes first. A claim that finds fewer than its limit reads every pending
   * event that has not settled yet, so such claims are spaced at least `claimSpacingMs` apart
   * however often events are stored.
   */
  private async run(): Promise<void> {
    const pollMs = this.options.pollIntervalMs ?? 250;
    while (!this.stopping) {
      let taken = 0;
      try {
        taken = await this.pass();
      } catch (error) {
        this.options.logger.warn({ err: error }, 'feed processor: pass failed; retrying after the poll interval');
        await this.pause(pollMs);
        continue;
      }
      if (taken < this.batchSize) await this.pause(pollMs);
    }
  }

  private get batchSize(): number {
    return this.options.batchSize ?? 256;
  }

  /** Sleeps until the poll interval passes or the earliest unsettled event settles (no sooner than the claim spacing allows); stop wakes it at once. */
  private pause(pollMs: number): Promise<void> {
    const { clock, reorderMs } = this.options;
    const spacingMs = Math.min(claimSpacingMs, reorderMs);
    const pollUntil = clock.now() + pollMs;
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const schedule = () => {
        clearTimeout(timer);
        if (this.stopping) return done();
        const first = this.unsettled[0];
        const due = first === undefined ? pollUntil : Math.min(pollUntil, Math.max(first + reorderMs, this.lastClaim + spacingMs));
        timer = setTimeout(done, Math.max(0, due - clock.now()));
      };
      this.wake = schedule;
      schedule();
    });
  }

  /** One claim and its processing; returns the number of events taken. */
  async pass(): Promise<number> {
    const { db, clock } = this.options;
    const now = clock.now();
    // This claim looks for every event received up to `settledBefore`: they no longer need a wake-up.
    const settledBefore = now - this.options.reorderMs;
    while (this.unsettled.length > 0 && this.unsettled[0]! <= settledBefore) this.unsettled.shift();
    this.lastClaim = now;
    const claimed = await claimPending(db, {
      owner: this.owner,
      limit: this.batchSize,
      settledBefore: new Date(settledBefore),
      now: new Date(now),
      until: new Date(now + 60_000),
    });
    this.options.metrics.claimed(claimed.length);
    if (claimed.length === 0) return 0;
    const merchants = new Map<string, Merchant | undefined>();
    const taken: { event: ClaimedEvent; outcome: Outcome | 'retry' }[] = [];
    let run: ClaimedEvent[] = [];
    const flush = async () => {
      if (run.length === 0) return;
      const kind = run[0]!.item.kind;
      const results = kind === 'transaction' ? await this.scoreRun(run, merchants) : await this.labelRun(run);
      results.forEach((outcome, index) => taken.push({ event: run[index]!, outcome }));
      run = [];
    };
    for (const event of claimed) {
      if (run.length > 0 && run[0]!.item.kind !== event.item.kind) await flush();
      run.push(event);
    }
    await flush();
    const finishedAt = clock.now();
    await finishEvents(db, taken.flatMap(({ outcome }) => (outcome === 'retry' ? [] : [outcome])), new Date(finishedAt));
    await releaseEvents(db, taken.flatMap(({ event, outcome }) => (outcome === 'retry' ? [event.id] : [])));
    for (const { event, outcome } of taken) {
      this.options.metrics.processed(event.psp, event.item.kind, outcome === 'retry' ? 'retry' : outcome.status, (finishedAt - event.receivedAt.getTime()) / 1000);
    }
    return claimed.length;
  }

  private async merchantOf(event: ClaimedEvent, merchants: Map<string, Merchant | undefined>): Promise<Merchant | undefined> {
    if (!merchants.has(event.merchantId)) merchants.set(event.merchantId, await findMerchant(this.options.db, event.tenantId, event.merchantId));
    return merchants.get(event.merchantId);
  }

  /** Scores consecutive transaction events together, in order; one already scored is a duplicate. */
  private async scoreRun(run: readonly ClaimedEvent[], merchants: Map<string, Merchant | undefined>): Promise<(Outcome | 'retry')[]> {
    const { db, scoring } = this.options;
    const seen = new Set<string>();
    const tenantTx = (event: ClaimedEvent) => `${event.tenantId}\u0000${(event.item as FeedTransaction).transaction.txId}`;
    // One lookup per tenant (a run rarely spans two): a list of ids is one index scan, where a
    // disjunction of (tenant, id) pairs cost the database ~55 ms of CPU for a run of 256.
    const txIdsByTenant = new Map<string, string[]>();
    for (const event of run) {
      const txIds = txIdsByTenant.get(event.tenantId) ?? [];
      txIds.push((event.item as FeedTransaction).transaction.txId);
      txIdsByTenant.set(event.tenantId, txIds);
    }
    for (const [tenantId, txIds] of txIdsByTenant) {
      const known = await db.selectFrom('transactions').select('tx_id').where('tenant_id', '=', tenantId).where('tx_id', 'in', txIds).execute();
      for (const row of known) seen.add(`${tenantId}\u0000${row.tx_id}`);
    }
    const scoreOne = async (event: ClaimedEvent): Promise<Outcome | 'retry'> => {
      const { transaction } = event.item as FeedTransaction;
      if (seen.has(tenantTx(event))) return { id: event.id, status: feedStatuses.duplicate };
      seen.add(tenantTx(event));
      const merchant = await this.merchantOf(event, merchants);
      if (merchant === undefined) return { id: event.id, status: feedStatuses.failed, error: 'the merchant no longer exists' };
      try {
        // The digest is of the payment as received, so a change of the merchant's country never makes it a new request.
        const scored = await scoring.score(withMerchantCountry(transaction, merchant.country), [], requestDigest({ psp: event.psp, transaction }), {
          tenantId: event.tenantId,
          actor: `feed:${event.psp}`,
          source: 'feed',
          startedAt: performance.now(),
          createdAtPath: '/created_at',
          shadow: merchant.mode === 'shadow',
          ...(merchant.mode === 'live' ? { webhook: { merchantId: event.merchantId, psp: event.psp } } : {}),
          ...(merchant.thresholds === null ? {} : { thresholds: engineThresholds(merchant.thresholds) }),
        });
        if (merchant.mode === 'live' && !scored.replayed) this.options.onLiveDecision?.();
        return { id: event.id, status: feedStatuses.processed, decisionId: scored.response.request_id };
      } catch (error) {
        if (transient(error)) return 'retry';
        return { id: event.id, status: feedStatuses.failed, error: messageOf(error) };
      }
    };
    const outcomes: (Outcome | 'retry')[] = [];
    const chunk = this.options.scoringChunk ?? 16;
    for (let start = 0; start < run.length; start += chunk) outcomes.push(...(await Promise.all(run.slice(start, start + chunk).map(scoreOne))));
    const scoredByMerchant = new Map<string, string[]>();
    run.forEach((event, index) => {
      const outcome = outcomes[index];
      if (outcome !== 'retry' && outcome?.status === feedStatuses.processed) {
        scoredByMerchant.set(event.merchantId, [...(scoredByMerchant.get(event.merchantId) ?? []), (event.item as FeedTransaction).transaction.txId]);
      }
    });
    for (const [merchantId, txIds] of scoredByMerchant) await wakeWaitingLabels(db, merchantId, txIds);
    return outcomes;
  }

  /** Records consecutive label events; a label whose transaction is not known yet waits for it. */
  private async labelRun(run: readonly ClaimedEvent[]): Promise<(Outcome | 'retry')[]> {
    const { db, labels } = this.options;
    const outcomes: (Outcome | 'retry')[] = [];
    for (const event of run) {
      const { label } = event.item as FeedLabel;
      const transaction = await db.selectFrom('transactions').select('created_at').where('tenant_id', '=', event.tenantId).where('tx_id', '=', label.txId).executeTakeFirst();
      if (transaction === undefined) {
        outcomes.push({ id: event.id, status: feedStatuses.waiting });
        continue;
      }
      if (label.labeledAt < transaction.created_at.getTime()) {
        outcomes.push({ id: event.id, status: feedStatuses.failed, error: `the label's time ${new Date(label.labeledAt).toISOString()} is before its payment's ${transaction.created_at.toISOString()}` });
        continue;
      }
      try {
        await labels.record(event.tenantId, [label], `feed:${event.psp}`);
        outcomes.push({ id: event.id, status: feedStatuses.processed });
      } catch (error) {
        outcomes.push(transient(error) ? 'retry' : { id: event.id, status: feedStatuses.failed, error: messageOf(error) });
      }
    }
    return outcomes;
  }
}
