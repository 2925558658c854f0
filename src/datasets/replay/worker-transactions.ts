import type { TransactionRecord } from '../../contract/transaction-record.js';
import { startModuleWorker } from '../../platform/module-worker.js';
import { RecordColumnsDecoder } from './record-columns.js';
import { rebuildError, type ReaderMessage, type ReaderSetup } from './transaction-reader-protocol.js';

/**
 * The transactions of a dataset in file order and in batches of `batchSize`, read and checked on a
 * worker thread (transaction-reader-worker.ts) while the caller works on the previous batches: the
 * same records and the same errors as `readTransactions`, with CSV parsing off the replay thread.
 * A few batches are read ahead; stopping early stops the worker.
 */
export async function* readTransactionsInWorker(dir: string, batchSize: number): AsyncGenerator<TransactionRecord[]> {
  const setup: ReaderSetup = { dir, batchSize, window: 4 };
  const worker = startModuleWorker(import.meta.url, './transaction-reader-worker', { workerData: setup });
  const inbox: ReaderMessage[] = [];
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    wake?.();
    wake = undefined;
  };
  worker.on('message', (message: ReaderMessage) => {
    inbox.push(message);
    notify();
  });
  worker.on('error', (error) => {
    failure ??= error;
    notify();
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`the transaction reading worker stopped (exit code ${code})`);
    notify();
  });
  const decoder = new RecordColumnsDecoder();
  try {
    for (;;) {
      while (inbox.length === 0 && failure === undefined) await new Promise<void>((resolve) => (wake = resolve));
      const message = inbox.shift();
      if (message === undefined) throw failure!;
      if (message.kind === 'end') return;
      if (message.kind === 'error') throw rebuildError(message.error);
      worker.postMessage('credit');
      yield decoder.decode(message.columns);
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
  }
}
