import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabelRecord, TransactionRecord } from '../../contract/transaction-record.js';
import { featureIndexByName } from '../../features/catalogue/feature-catalogue.js';
import { FeatureEngine } from '../../features/engine/feature-engine.js';
import { interleaveByTime, replayHistory } from '../../features/engine/replay.js';
import { MemoryProfileStore } from '../../features/profile/memory/memory-profile-store.js';
import { buildProfilePlan } from '../../features/profile/profile-plan.js';
import { readTransactions } from '../dataset-readers.js';
import { simulateDataset } from '../simulator/simulate-dataset.js';
import { formatLabelCsv, formatTransactionCsv, labelCsvHeader, transactionCsvHeader } from '../record-format.js';
import { labelsByTime } from './dataset-timeline.js';
import { replayDataset } from './replay-dataset.js';
import { parseWindowBound, timeWindow } from './time-window.js';

let root: string;
let sorted: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sentra-replay-'));
  sorted = join(root, 'sorted');
  await simulateDataset(sorted, { customers: 250, terminals: 500, days: 30, start: '2020-05-01', seed: 9 });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function replayedValues(dir: string, isSorted: boolean): Promise<Map<string, number[]>> {
  const values = new Map<string, number[]>();
  await replayDataset(dir, { sorted: isSorted, onTransaction: (record, features) => values.set(record.txId, [...features.values]) });
  return values;
}

describe('replayDataset', () => {
  it('computes, chunk by chunk, exactly what one replayHistory over the whole history computes', async () => {
    const records: TransactionRecord[] = [];
    for await (const record of readTransactions(sorted)) records.push(record);
    const labels = await labelsByTime(sorted);
    const expected = new Map<string, number[]>();
    const engine = new FeatureEngine({ store: new MemoryProfileStore(buildProfilePlan()) });
    await replayHistory(engine, 'default', interleaveByTime(records, labels), (transaction, features) => expected.set(transaction.record.txId, [...features.values]));
    const actual = await replayedValues(sorted, true);
    expect(records.length).toBeGreaterThan(4096 * 2);
    expect(actual).toEqual(expected);
    const knownFraud = featureIndexByName.get('receiver_known_fraud_count_30d')!;
    expect(Math.max(...[...actual.values()].map((values) => values[knownFraud]!))).toBeGreaterThan(0);
  });

  it('sorts an unsorted dataset in memory and gets the same features', async () => {
    const records: TransactionRecord[] = [];
    for await (const record of readTransactions(sorted)) records.push(record);
    const labels: LabelRecord[] = await labelsByTime(sorted);
    const shuffled = join(root, 'shuffled');
    // Every override column of the dataset: the account events' type moves the sender's last account change.
    const overrides = [...new Set(records.flatMap((record) => Object.keys(record.overrides ?? {})))];
    expect(overrides).toContain('event_type_code');
    const reversed = [...records].reverse();
    await mkdir(shuffled);
    await writeFile(join(shuffled, 'manifest.json'), JSON.stringify({ contract_version: '1', name: 'shuffled' }));
    await writeFile(join(shuffled, 'transactions.csv'), transactionCsvHeader(overrides) + reversed.map((record) => formatTransactionCsv(record, overrides)).join(''));
    await writeFile(join(shuffled, 'labels.csv'), labelCsvHeader + [...labels].reverse().map((label) => formatLabelCsv(label)).join(''));
    const fromSorted = await replayedValues(sorted, true);
    const fromShuffled = await replayedValues(shuffled, false);
    // Same-millisecond payments keep file order when sorted, so compare as sets keyed by tx_id.
    expect(fromShuffled.size).toBe(fromSorted.size);
    let differing = 0;
    for (const [txId, values] of fromSorted) if (JSON.stringify(values) !== JSON.stringify(fromShuffled.get(txId))) differing++;
    expect(differing).toBe(0);
  });
});

describe('time windows', () => {
  it('reads dates as UTC days (an end date inclusive) and timestamps as instants', () => {
    expect(timeWindow('2018-07-25', '2018-07-31')).toEqual({ startMs: Date.parse('2018-07-25T00:00:00Z'), endMs: Date.parse('2018-08-01T00:00:00Z') });
    expect(parseWindowBound('2018-07-31T12:00:00Z', 'end')).toBe(Date.parse('2018-07-31T12:00:00Z'));
    expect(timeWindow(undefined, undefined).startMs).toBe(Number.NEGATIVE_INFINITY);
    expect(() => timeWindow('2018-02-30', undefined)).toThrow(/not a date/);
    expect(() => timeWindow('2018-08-02', '2018-08-01')).toThrow(/ends/);
  });
});
