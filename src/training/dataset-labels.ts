import { outranks } from '../contract/label-precedence.js';
import type { LabelRecord } from '../contract/transaction-record.js';

/** A fraudulent transaction as evaluation needs it: whose card, when it happened, when it became known. */
export interface FraudEvent {
  readonly sender: string;
  readonly createdAt: number;
  /** labeled_at of its first fraud label: from then on the card is known compromised. */
  readonly knownAt: number;
}

/** What the labels of a dataset say about each transaction. */
export interface LabelFacts {
  /** Transactions whose effective label is fraud: the training target 1. */
  readonly fraud: ReadonlySet<string>;
  /** When the fraud of each of those became known (its first fraud label). */
  readonly fraudKnownAt: ReadonlyMap<string, number>;
}

/**
 * The ground truth of a dataset's labels, in labeled_at order: a transaction is fraud when its
 * effective label says so (the store's precedence, src/contract/label-precedence.ts: a chargeback
 * over an analyst over a partner over an early fraud warning, and within one source the latest
 * labeled_at), legitimate when it says legit or when it has no label (presumed legitimate, as data
 * contract v1 documents). Training on the store and on its export therefore learns the label the API
 * shows as effective.
 */
export function labelFacts(labelsInTimeOrder: readonly LabelRecord[]): LabelFacts {
  const final = new Map<string, LabelRecord>();
  const firstFraud = new Map<string, number>();
  for (const label of labelsInTimeOrder) {
    const best = final.get(label.txId);
    if (best === undefined || outranks({ source: label.source, labeledAtMs: label.labeledAt }, { source: best.source, labeledAtMs: best.labeledAt })) final.set(label.txId, label);
    if (label.label === 'fraud' && !firstFraud.has(label.txId)) firstFraud.set(label.txId, label.labeledAt);
  }
  const fraud = new Set<string>();
  const fraudKnownAt = new Map<string, number>();
  for (const [txId, label] of final) {
    if (label.label !== 'fraud') continue;
    fraud.add(txId);
    fraudKnownAt.set(txId, firstFraud.get(txId)!);
  }
  return { fraud, fraudKnownAt };
}

/**
 * Follows a replay: gives each transaction its target (1 = final label fraud) and keeps every
 * fraudulent transaction as a {@link FraudEvent}, for "card already known compromised".
 */
export class GroundTruth {
  readonly fraudEvents: FraudEvent[] = [];
  private readonly facts: LabelFacts;

  constructor(labelsInTimeOrder: readonly LabelRecord[]) {
    this.facts = labelFacts(labelsInTimeOrder);
  }

  /** The target of a transaction seen by the replay (call once per transaction, in time order). */
  observe(record: { txId: string; senderEntityId: string; createdAt: number }): number {
    const knownAt = this.facts.fraudKnownAt.get(record.txId);
    if (knownAt === undefined) return 0;
    this.fraudEvents.push({ sender: record.senderEntityId, createdAt: record.createdAt, knownAt });
    return 1;
  }
}
