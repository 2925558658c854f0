/*
 * Worker thread of `readTransactionsInWorker`: reads and checks the transactions of a dataset
 * (readTransactions: CSV or JSONL) and posts them in batches as RecordColumns, at most `window`
 * batches ahead of the replay thread, which returns one credit per batch it takes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { TransactionRecord } from '../../contract/transaction-record.js';
import { SentraError } from '../../errors/errors.js';
import { readTransactions } from '../dataset-readers.js';
import { RecordColumnsEncoder } from './record-columns.js';
import type { ReaderSetup, ReaderMessage } from './transaction-reader-protocol.js';

const port = parentPort!;
const { dir, batchSize, window } = workerData as ReaderSetup;
let credits = window;
let wake: (() => void) | undefined;
port.on('message', () => {
  credits++;
  wake?.();
  wake = undefined;
});

const encoder = new RecordColumnsEncoder();

async function send(batch: TransactionRecord[]): Promise<void> {
  while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
  credits--;
  const { columns, transfer } = encoder.encode(batch);
  port.postMessage({ kind: 'batch', columns } satisfies ReaderMessage, transfer);
}

try {
  let batch: TransactionRecord[] = [];
  for await (const record of readTransactions(dir)) {
    batch.push(record);
    if (batch.length >= batchSize) {
      await send(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await send(batch);
  port.postMessage({ kind: 'end' } satisfies ReaderMessage);
} catch (error) {
  const failure = error instanceof Error ? error : new Error(String(error));
  port.postMessage({
    kind: 'error',
    error: {
      name: failure.name,
      message: failure.message,
      code: (failure as Error & { code?: unknown }).code,
      details: failure instanceof SentraError ? [...failure.details] : undefined,
      sentra: failure instanceof SentraError,
    },
  } satisfies ReaderMessage);
}
