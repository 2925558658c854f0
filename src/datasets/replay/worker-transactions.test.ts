import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TransactionRecord } from '../../contract/transaction-record.js';
import { SentraError } from '../../errors/errors.js';
import { readTransactions } from '../dataset-readers.js';
import { simulateDataset } from '../simulator/simulate-dataset.js';
import { transactionChunks } from './dataset-timeline.js';
import { RecordColumnsDecoder, RecordColumnsEncoder } from './record-columns.js';

const fixtures = join(import.meta.dirname, '../../../test/fixtures/datasets');
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sentra-worker-read-'));
  await simulateDataset(root, { customers: 100, terminals: 200, days: 10, start: '2020-05-01', seed: 3 });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function chunks(dir: string, worker: boolean, chunkSize: number): Promise<TransactionRecord[][]> {
  const all: TransactionRecord[][] = [];
  for await (const chunk of transactionChunks(dir, true, { worker, chunkSize })) all.push(chunk);
  return all;
}

/** Records as text, property order included. */
const text = (records: readonly TransactionRecord[]): string[] => records.map((record) => JSON.stringify(record, (_, value: unknown) => (value === undefined ? '<undefined>' : value)));

describe('reading transactions on a worker thread', () => {
  it('gives the same records in the same chunks as reading on the replay thread', async () => {
    const onThread = await chunks(root, false, 1000);
    const inWorker = await chunks(root, true, 1000);
    expect(inWorker.map((chunk) => chunk.length)).toEqual(onThread.map((chunk) => chunk.length));
    expect(text(inWorker.flat())).toEqual(text(onThread.flat()));
    expect(inWorker.flat().some((record) => record.overrides !== undefined && record.ipHash !== undefined)).toBe(true);
  });

  it('throws the reader error of the first invalid row', async () => {
    const onThread = await chunks(join(fixtures, 'invalid-rows'), false, 10).catch((caught: unknown) => caught);
    const inWorker = await chunks(join(fixtures, 'invalid-rows'), true, 10).catch((caught: unknown) => caught);
    expect(inWorker).toBeInstanceOf(SentraError);
    expect((inWorker as SentraError).code).toBe((onThread as SentraError).code);
    expect((inWorker as SentraError).message).toBe((onThread as SentraError).message);
    expect((inWorker as SentraError).details).toEqual((onThread as SentraError).details);
  });

  it('reads JSONL too, and stops the worker when the caller stops early', async () => {
    const records: TransactionRecord[] = [];
    for await (const record of readTransactions(join(fixtures, 'valid-jsonl'))) records.push(record);
    expect(text((await chunks(join(fixtures, 'valid-jsonl'), true, 2)).flat())).toEqual(text(records));
    for await (const chunk of transactionChunks(root, true, { worker: true, chunkSize: 10 })) {
      expect(chunk).toHaveLength(10);
      break;
    }
  });
});

describe('record columns', () => {
  it('decode to equal records: absent values, override orders, a table that starts over', () => {
    const base: TransactionRecord = {
      txId: 'tx-1', createdAt: 1_600_000_000_000, amount: -0, currency: 'USD', fxRate: undefined, direction: 'pay', channel: 'card', psp: 'stripe',
      routeId: 'r', status: 'completed', statusReason: '', feeTotal: 0.1, senderEntityId: 's', receiverEntityId: 'r', senderCountry: 'MX',
      receiverCountry: 'US', userId: undefined, merchantId: 'm', ipHash: undefined, deviceIdHash: 'd', sessionId: undefined, userAgent: 'ua', overrides: undefined,
    };
    const records: TransactionRecord[] = [
      base,
      { ...base, txId: 'tx-2', fxRate: 0.5, overrides: { b: 1, a: -0 } },
      { ...base, txId: 'tx-3', overrides: { a: 2, b: 3 } },
      { ...base, txId: 'tx-4', overrides: { b: 4 } },
      { ...base, txId: 'tx-5', overrides: { 7: 1, c: 2 } },
      { ...base, txId: 'tx-6', overrides: {} },
    ];
    const encoder = new RecordColumnsEncoder(4);
    const decoder = new RecordColumnsDecoder();
    for (let round = 0; round < 3; round++) {
      const decoded = decoder.decode(encoder.encode(records).columns);
      expect(text(decoded)).toEqual(text(records));
      expect(Object.is(decoded[1]!.overrides!['a'], -0)).toBe(true);
      expect(Object.is(decoded[0]!.amount, -0)).toBe(true);
    }
  });
});
