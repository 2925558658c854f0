import type { LabelRecord } from '../contract/transaction-record.js';
import { replayDataset, type DatasetReplaySummary } from '../datasets/replay/replay-dataset.js';
import { labelsByTime } from '../datasets/replay/dataset-timeline.js';
import { inWindow, type TimeWindow } from '../datasets/replay/time-window.js';
import { GroundTruth, type FraudEvent } from './dataset-labels.js';
import { WindowRows } from './window-rows.js';

/** Point-in-time feature rows of a dataset's windows, with what evaluation needs around them. */
export interface DatasetFeatures<Name extends string> {
  /** Rows per window (a transaction in two overlapping windows is in both). */
  readonly rows: Record<Name, WindowRows>;
  /** Every fraudulent transaction of the dataset (for "card already known compromised"). */
  readonly fraudEvents: FraudEvent[];
  /** The labels in labeled_at order. */
  readonly labels: readonly LabelRecord[];
  readonly replay: DatasetReplaySummary;
}

/**
 * Replays the WHOLE dataset from its first transaction (so profiles are warm when a window opens)
 * and keeps the rows whose created_at falls in each window, with target 1 when the transaction's
 * final label is fraud, whenever it was labelled (ground truth for training and evaluation; the
 * features themselves only ever saw labels known at their moment).
 */
export async function collectDatasetFeatures<Name extends string>(
  dir: string,
  windows: Record<Name, TimeWindow>,
  options: { sorted: boolean; onProgress?: (replayed: number) => void },
): Promise<DatasetFeatures<Name>> {
  const labels = await labelsByTime(dir);
  const truth = new GroundTruth(labels);
  const entries = Object.entries(windows) as [Name, TimeWindow][];
  const rows = Object.fromEntries(entries.map(([name]) => [name, new WindowRows()])) as Record<Name, WindowRows>;
  const replay = await replayDataset(dir, {
    sorted: options.sorted,
    labels,
    onChunk: options.onProgress,
    onTransaction(record, features) {
      const target = truth.observe(record);
      for (const [name, window] of entries) {
        if (!inWindow(window, record.createdAt)) continue;
        const fact = { txId: record.txId, createdAt: record.createdAt, sender: record.senderEntityId, target };
        rows[name].push(features.values, features.overrides, fact);
      }
    },
  });
  return { rows, fraudEvents: truth.fraudEvents, labels, replay };
}
