import type { LabelValue } from '../../contract/enums.js';
import type { LabeledTransaction, LabelRecord, OnlineSignals, TransactionRecord } from '../../contract/transaction-record.js';
import type { NetworkObservation } from '../network/network-signals.js';
import type { ProfilePlan } from '../profile/profile-plan.js';
import { isSyncProfileStore, type SyncProfileStore } from '../profile/profile-store.js';
import type { FeatureEngine, FeatureVector } from './feature-engine.js';

/** A stored transaction with the signals kept for it (the raw IP never is). */
export interface HistoricalTransaction {
  readonly record: TransactionRecord;
  /** Derived network signals persisted with the original decision. */
  readonly network?: NetworkObservation;
  /** Online signals that may be kept (user agent, session age); never a raw IP. */
  readonly online?: OnlineSignals;
}

/**
 * One step of a time-ordered replay. A label may carry its transaction (a streamed history, which
 * keeps no map of replayed transactions); it then counts only when its transaction was created
 * before the label, i.e. was replayed before it.
 */
export type ReplayStep =
  | { readonly kind: 'transaction'; readonly transaction: HistoricalTransaction }
  | { readonly kind: 'label'; readonly label: LabelRecord; readonly transaction?: LabeledTransaction };

/** What a replay carries from one page of steps to the next. */
export interface ReplayState {
  /** Replayed transactions by id, for labels that do not carry theirs; undefined: labels carry them. */
  readonly records: Map<string, LabeledTransaction> | undefined;
  /** The last label applied per transaction, so a changed label moves the count. */
  readonly lastLabel: Map<string, LabelValue>;
}

/** A fresh replay state; `streamed`: labels carry their transactions, so none is remembered. */
export function newReplayState(streamed = false): ReplayState {
  return { records: streamed ? undefined : new Map(), lastLabel: new Map() };
}

function asHistorical(item: TransactionRecord | HistoricalTransaction): HistoricalTransaction {
  return 'record' in item ? item : { record: item };
}

/**
 * Interleaves transactions sorted by `createdAt` and labels sorted by `labeledAt` into one time
 * order. Ties go to the label: a label with labeled_at equal to a transaction's created_at is
 * visible to that transaction (visibility rule: labeledAt ≤ createdAt). Throws on unsorted input,
 * because a replay out of time order would leak future labels or miscount windows.
 */
export function* interleaveByTime(
  transactions: Iterable<TransactionRecord | HistoricalTransaction>,
  labels: Iterable<LabelRecord>,
): Generator<ReplayStep> {
  const transactionIterator = transactions[Symbol.iterator]();
  const labelIterator = labels[Symbol.iterator]();
  let nextTransaction = transactionIterator.next();
  let nextLabel = labelIterator.next();
  let lastTransactionAt = Number.NEGATIVE_INFINITY;
  let lastLabelAt = Number.NEGATIVE_INFINITY;
  while (nextTransaction.done !== true || nextLabel.done !== true) {
    const transaction = nextTransaction.done === true ? undefined : asHistorical(nextTransaction.value);
    const label = nextLabel.done === true ? undefined : nextLabel.value;
    if (label !== undefined && (transaction === undefined || label.labeledAt <= transaction.record.createdAt)) {
      if (label.labeledAt < lastLabelAt) throw new Error(`labels are not sorted by labeled_at at ${label.txId}`);
      lastLabelAt = label.labeledAt;
      yield { kind: 'label', label };
      nextLabel = labelIterator.next();
    } else if (transaction !== undefined) {
      if (transaction.record.createdAt < lastTransactionAt) throw new Error(`transactions are not sorted by created_at at ${transaction.record.txId}`);
      lastTransactionAt = transaction.record.createdAt;
      yield { kind: 'transaction', transaction };
      nextTransaction = transactionIterator.next();
    }
  }
}

/** What a replay did. */
export interface ReplaySummary {
  readonly transactions: number;
  readonly labels: number;
  /** Labels whose transaction had not been replayed (yet): they cannot be attributed and are skipped. */
  readonly skippedLabels: number;
}

/** Called with every transaction's features during a replay (training rows). */
export type ReplayListener = (transaction: HistoricalTransaction, features: FeatureVector) => void;

/**
 * Replays one tenant's history in time order through the engine: the offline path of training
 * datasets and the rebuild of the in-memory store on start. Uses the synchronous path when the
 * store has one. A label that changes a transaction's earlier label moves the count.
 */
export async function replayHistory(
  engine: FeatureEngine,
  tenantId: string,
  steps: Iterable<ReplayStep>,
  listener?: ReplayListener,
  state: ReplayState = newReplayState(),
): Promise<ReplaySummary> {
  const { records, lastLabel } = state;
  const syncEngine = isSyncProfileStore(engine.store) ? (engine as FeatureEngine<SyncProfileStore>) : undefined;
  let transactions = 0;
  let labels = 0;
  let skippedLabels = 0;
  for (const step of steps) {
    if (step.kind === 'transaction') {
      const { record, online, network } = step.transaction;
      const context = network === undefined ? undefined : { network };
      const features = syncEngine !== undefined ? syncEngine.observeSync(tenantId, record, online, context) : await engine.observe(tenantId, record, online, context);
      records?.set(record.txId, record);
      transactions++;
      listener?.(step.transaction, features);
      continue;
    }
    const record = step.transaction === undefined ? records?.get(step.label.txId) : step.transaction.createdAt < step.label.labeledAt ? step.transaction : undefined;
    if (record === undefined) {
      skippedLabels++;
      continue;
    }
    const previous = lastLabel.get(step.label.txId);
    if (syncEngine !== undefined) syncEngine.applyLabelSync(tenantId, step.label, record, previous);
    else await engine.applyLabel(tenantId, step.label, record, previous);
    lastLabel.set(step.label.txId, step.label.label);
    labels++;
  }
  return { transactions, labels, skippedLabels };
}

/**
 * The earliest creation time a rebuild at `now` must replay so that in-memory profiles equal those
 * of a process that never restarted: the start of the oldest bucket any ring still reads (the
 * receiver's label ring: 30 days + label delay, aligned to its hourly buckets). Load the tenant's
 * transactions created at or after it, and the labels of those transactions known by `now`.
 */
export function rebuildStartTime(plan: ProfilePlan, now: number): number {
  let start = now;
  for (const role of plan.roles) {
    for (const ring of role.rings) start = Math.min(start, (Math.floor(now / ring.bucketMs) - ring.slots + 1) * ring.bucketMs);
    start = Math.min(start, now - role.idleMs);
  }
  return start;
}
