import type { LabelValue } from '../../contract/enums.js';
import type { LabelRecord, TransactionRecord } from '../../contract/transaction-record.js';
import { FeatureEngine, type FeatureVector } from '../../features/engine/feature-engine.js';
import { interleaveByTime } from '../../features/engine/replay.js';
import { MemoryProfileStore } from '../../features/profile/memory/memory-profile-store.js';
import { buildProfilePlan } from '../../features/profile/profile-plan.js';
import { LabelCursor, labelsByTime, transactionChunks } from './dataset-timeline.js';

/** The tenant offline replays profile under when none is given (the API's default tenant). */
export const defaultReplayTenant = 'default';

/** How to replay a dataset. */
export interface DatasetReplayOptions {
  /** False when the validator warned SENTRA_DATASET_UNSORTED: the transactions are sorted in memory first. */
  readonly sorted: boolean;
  /** Tenant the profiles are keyed under (default `default`); features do not depend on it. */
  readonly tenantId?: string;
  /** Called with each transaction's point-in-time features, in time order. */
  readonly onTransaction: (record: TransactionRecord, features: FeatureVector) => void;
  /** Called after every chunk with the transactions replayed so far; a returned promise is awaited (back-pressure). */
  readonly onChunk?: (replayed: number) => void | Promise<void>;
  /** The labels in labeled_at order when the caller already read them (default: read labels.csv). */
  readonly labels?: readonly LabelRecord[];
}

/** What a dataset replay did. */
export interface DatasetReplaySummary {
  readonly transactions: number;
  /** Labels folded into the profiles (visible to later transactions). */
  readonly labels: number;
  /** Labels known only after the last transaction: they could not influence any feature. */
  readonly labelsAfterEnd: number;
  /** Wall time in milliseconds. */
  readonly durationMs: number;
  /** Profiled entities left in the memory store at the end, and its allocated bytes. */
  readonly entities: number;
  readonly allocatedBytes: number;
}

/**
 * Replays a dataset in time order through a fresh feature engine on the in-memory store (its
 * synchronous path), exactly as the API would have seen it: each transaction gets the features of
 * the profile state before it, and a label becomes visible from its `labeled_at` (ties go to the
 * label, as `interleaveByTime` decides). Transactions stream in chunks, and only the records of
 * labelled transactions are kept (a label needs its transaction's sender and receiver), so a sorted
 * dataset replays in bounded memory.
 */
export async function replayDataset(dir: string, options: DatasetReplayOptions): Promise<DatasetReplaySummary> {
  const started = performance.now();
  const tenantId = options.tenantId ?? defaultReplayTenant;
  const store = new MemoryProfileStore(buildProfilePlan());
  const engine = new FeatureEngine({ store });
  const labels = options.labels ?? (await labelsByTime(dir));
  const labelled = new Set(labels.map((label) => label.txId));
  const records = new Map<string, TransactionRecord>();
  const lastLabel = new Map<string, LabelValue>();
  const cursor = new LabelCursor(labels);
  let transactions = 0;
  let folded = 0;
  for await (const chunk of transactionChunks(dir, options.sorted)) {
    const until = chunk[chunk.length - 1]!.createdAt;
    for (const step of interleaveByTime(chunk, cursor.upTo(until))) {
      if (step.kind === 'transaction') {
        const record = step.transaction.record;
        const features = engine.observeSync(tenantId, record);
        if (labelled.has(record.txId)) records.set(record.txId, record);
        transactions++;
        options.onTransaction(record, features);
        continue;
      }
      const record = records.get(step.label.txId);
      if (record === undefined) continue;
      engine.applyLabelSync(tenantId, step.label, record, lastLabel.get(step.label.txId));
      lastLabel.set(step.label.txId, step.label.label);
      folded++;
    }
    await options.onChunk?.(transactions);
  }
  const stats = store.stats();
  return {
    transactions,
    labels: folded,
    labelsAfterEnd: cursor.remaining,
    durationMs: performance.now() - started,
    entities: stats.totalEntities,
    allocatedBytes: stats.allocatedBytes,
  };
}
