import { stat } from 'node:fs/promises';
import type { LabelRecord, TransactionRecord } from '../../contract/transaction-record.js';
import { inspectDataset } from '../dataset-files.js';
import { readLabels, readTransactions } from '../dataset-readers.js';
import { readTransactionsInWorker } from './worker-transactions.js';

/** Transactions handed to the replay at a time: large enough to amortize, small enough to stream. */
const defaultChunkSize = 4096;
/** From this size on, a sorted transactions file is read on a worker thread (starting one costs more than reading a small file). */
const workerFileBytes = 16 * 2 ** 20;

/** How to read the transactions. */
export interface ChunkOptions {
  readonly chunkSize?: number;
  /** Read on a worker thread, parallel to the replay: default for sorted files from 16 MiB on. */
  readonly worker?: boolean;
}

async function largeTransactionsFile(dir: string): Promise<boolean> {
  const layout = await inspectDataset(dir);
  if (layout.transactions === undefined) return false;
  return (await stat(layout.transactions.path)).size >= workerFileBytes;
}

/**
 * Every label of a dataset sorted by `labeled_at` (stable: file order among equal times). Labels
 * are few next to transactions (one per fraud plus analyst verdicts), so they are held in memory.
 */
export async function labelsByTime(dir: string): Promise<LabelRecord[]> {
  const labels: LabelRecord[] = [];
  for await (const label of readLabels(dir)) labels.push(label);
  return labels.sort((left, right) => left.labeledAt - right.labeledAt);
}

/**
 * The transactions of a dataset in `created_at` order, in chunks. A sorted file (the validator
 * gave no SENTRA_DATASET_UNSORTED warning) is streamed chunk by chunk in bounded memory (a large
 * one read on a worker thread, so parsing overlaps the replay); an
 * unsorted one is read whole and sorted in memory (stable: file order among equal times), since a
 * replay out of time order would leak future labels and miscount windows.
 */
export async function* transactionChunks(dir: string, sorted: boolean, options: ChunkOptions = {}): AsyncGenerator<TransactionRecord[]> {
  const chunkSize = options.chunkSize ?? defaultChunkSize;
  if (sorted && (options.worker ?? (await largeTransactionsFile(dir)))) {
    yield* readTransactionsInWorker(dir, chunkSize);
    return;
  }
  if (!sorted) {
    const all: TransactionRecord[] = [];
    for await (const record of readTransactions(dir)) all.push(record);
    all.sort((left, right) => left.createdAt - right.createdAt);
    for (let start = 0; start < all.length; start += chunkSize) yield all.slice(start, start + chunkSize);
    return;
  }
  let chunk: TransactionRecord[] = [];
  for await (const record of readTransactions(dir)) {
    chunk.push(record);
    if (chunk.length >= chunkSize) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/**
 * Hands out labels from a time-sorted list up to a moment, in order: the labels a chunk of
 * transactions ending at that moment may see, for `interleaveByTime`.
 */
export class LabelCursor {
  private next = 0;

  constructor(private readonly labels: readonly LabelRecord[]) {}

  /** Labels not handed out yet with labeled_at ≤ `until`. */
  *upTo(until: number): Generator<LabelRecord> {
    while (this.next < this.labels.length && this.labels[this.next]!.labeledAt <= until) yield this.labels[this.next++]!;
  }

  /** Labels not handed out yet (known after the last transaction). */
  get remaining(): number {
    return this.labels.length - this.next;
  }
}
