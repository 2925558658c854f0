import { cp, mkdtemp, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SentraError } from '../errors/errors.js';
import { datasetHash } from './dataset-hash.js';
import { readEntities, readKycRefs, readLabels, readManifest, readTransactions } from './dataset-readers.js';
import { formatTransactionCsv, transactionCsvHeader } from './record-format.js';
import { objectRowFields } from './row-fields.js';
import { parseTransactionRow } from './transaction-row.js';

const fixtures = join(import.meta.dirname, '../../test/fixtures/datasets');
const temporaryFolders: string[] = [];

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const collected: T[] = [];
  for await (const item of items) collected.push(item);
  return collected;
}

async function copyOf(name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sentra-readers-'));
  temporaryFolders.push(dir);
  await cp(join(fixtures, name), dir, { recursive: true });
  return dir;
}

afterEach(async () => {
  await Promise.all(temporaryFolders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('dataset readers', () => {
  it('read the same records from CSV and JSONL', async () => {
    const fromCsv = await collect(readTransactions(join(fixtures, 'valid-csv')));
    const fromJsonl = await collect(readTransactions(join(fixtures, 'valid-jsonl')));
    expect(fromCsv).toHaveLength(8);
    expect(fromJsonl).toEqual(fromCsv);
    expect(fromCsv[0]).toEqual({
      txId: 'tx_001',
      createdAt: Date.UTC(2024, 2, 1, 9, 15),
      amount: 42.5,
      currency: 'USD',
      fxRate: undefined,
      direction: 'pay_in',
      channel: 'card',
      psp: 'stripe',
      routeId: 'stripe-us-card',
      status: 'approved',
      statusReason: 'approved',
      feeTotal: 1.53,
      senderEntityId: 'cus_1',
      receiverEntityId: 'mer_1',
      senderCountry: 'US',
      receiverCountry: 'US',
      userId: 'usr_1',
      merchantId: 'mer_1',
      ipHash: 'f9694d4afc1619f01642014e828c1915e8ada46ed24de715b360ea7595083028',
      deviceIdHash: 'dd5e8641af47e250fe2bdb2b4e4d0cb910154cee5c4122d814b5b7ce6b78f3bb',
      sessionId: 'ses_1',
      userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0 Safari/537.36',
      overrides: { ip_is_hosting: 0, ip_country_mismatch: 0 },
    });
    expect(fromCsv[1]).toMatchObject({ createdAt: Date.UTC(2024, 2, 1, 10), fxRate: 1.08, senderCountry: 'DE', overrides: undefined });
    expect(fromCsv[2]!.statusReason).toBe('queued, awaiting settlement');
  });

  it('read labels, entities, KYC references and the manifest', async () => {
    const dir = join(fixtures, 'valid-csv');
    const labels = await collect(readLabels(dir));
    expect(labels[0]).toEqual({ txId: 'tx_001', label: 'fraud', labeledAt: Date.UTC(2024, 2, 8, 9, 15), source: 'chargeback', reason: '10.4 fraud, card absent' });
    expect(labels.map((label) => label.source)).toEqual(['chargeback', 'early_fraud_warning', 'analyst', 'partner']);
    const entities = await collect(readEntities(dir));
    expect(entities[1]).toEqual({ entityId: 'cus_2', entityType: 'individual', country: 'DE', createdAt: undefined, name: undefined });
    const references = await collect(readKycRefs(dir));
    expect(references.map((reference) => reference.entityId)).toEqual(['mer_1', 'cus_1', 'cus_3']);
    expect((await readManifest(dir)).name).toBe('hand-written valid dataset');
  });

  it('yield nothing for absent optional files', async () => {
    expect(await collect(readLabels(join(fixtures, 'csv-syntax')))).toEqual([]);
  });

  it('throw SENTRA_ERR_DATASET_INVALID with the problem at the first invalid row', async () => {
    const error = await collect(readTransactions(join(fixtures, 'invalid-rows'))).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SentraError);
    expect((error as SentraError).code).toBe('SENTRA_ERR_DATASET_INVALID');
    expect((error as SentraError).details.map((detail) => `${detail.path} ${detail.code}`)).toEqual([
      'transactions.csv:3:5 SENTRA_DATASET_ENUM',
      'transactions.csv:3:6 SENTRA_DATASET_ENUM',
    ]);
    await expect(readManifest(join(fixtures, 'no-manifest-no-transactions'))).rejects.toThrow(/MANIFEST_MISSING/);
  });

  it('write records that read back identically', async () => {
    const records = await collect(readTransactions(join(fixtures, 'valid-csv')));
    const names = ['ip_is_hosting', 'ip_country_mismatch'];
    const dir = await copyOf('valid-csv');
    await writeFile(join(dir, 'transactions.csv'), transactionCsvHeader(names) + records.map((record) => formatTransactionCsv(record, names)).join(''));
    expect(await collect(readTransactions(dir))).toEqual(records);
  });
});

describe('row parsing shared with uploads', () => {
  it('parses a plain object row and reports problems by field name', () => {
    const fields = objectRowFields('upload', 3, { tx_id: 'u1', created_at: 'yesterday', amount: 5, direction: 'pay_in' });
    const { record, problems } = parseTransactionRow(fields);
    expect(record).toBeUndefined();
    expect(problems.map((problem) => `${problem.path} ${problem.code}`)).toContain('upload:3:created_at SENTRA_DATASET_TIMESTAMP');
    expect(problems.map((problem) => `${problem.path} ${problem.code}`)).toContain('upload:3:currency SENTRA_DATASET_REQUIRED');
  });
});

describe('datasetHash', () => {
  it('is stable, ignores other files and changes with any byte of a contract file', async () => {
    const dir = await copyOf('valid-csv');
    const first = await datasetHash(dir);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(await datasetHash(join(fixtures, 'valid-csv'))).toBe(first);
    await writeFile(join(dir, 'notes.txt'), 'not part of the dataset');
    expect(await datasetHash(dir)).toBe(first);
    await appendFile(join(dir, 'labels.csv'), 'tx_003,legit,2024-03-09T00:00:00Z,analyst,\n');
    expect(await datasetHash(dir)).not.toBe(first);
  });
});
