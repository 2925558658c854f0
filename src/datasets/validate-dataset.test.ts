import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SentraError } from '../errors/errors.js';
import { datasetProblemCodes } from './problem-codes.js';
import { validateDataset, type ValidationReport } from './validate-dataset.js';

const fixtures = join(import.meta.dirname, '../../test/fixtures/datasets');

function located(problems: ValidationReport['problems']): string[] {
  return problems.map((problem) => `${problem.path} ${problem.code}`);
}

describe('validateDataset on valid datasets', () => {
  it.each(['valid-csv', 'valid-jsonl'])('accepts %s with counts and no problem', async (name) => {
    const report = await validateDataset(join(fixtures, name));
    expect(report.problems).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.valid).toBe(true);
    const transactionsFile = name === 'valid-csv' ? 'transactions.csv' : 'transactions.jsonl';
    expect(report.counts).toEqual({
      [transactionsFile]: { rows: 8, rowsWithErrors: 0 },
      'entities.csv': { rows: 5, rowsWithErrors: 0 },
      'labels.csv': { rows: 4, rowsWithErrors: 0 },
      'kyc_refs.csv': { rows: 3, rowsWithErrors: 0 },
    });
    expect(report.labelCounts).toEqual({ fraud: 3, legit: 1 });
    expect(report.createdAtRange).toEqual({ first: '2024-03-01T09:15:00.000Z', last: '2024-03-05T14:00:00.000Z' });
    expect(report.manifest?.contract_version).toBe('1');
  });
});

describe('validateDataset on invalid datasets', () => {
  it('locates every row-level problem by file:line:column', async () => {
    const report = await validateDataset(join(fixtures, 'invalid-rows'));
    expect(report.valid).toBe(false);
    expect(located(report.problems)).toEqual([
      'transactions.csv:3:5 SENTRA_DATASET_ENUM',
      'transactions.csv:3:6 SENTRA_DATASET_ENUM',
      'transactions.csv:4:2 SENTRA_DATASET_TIMESTAMP',
      'transactions.csv:4:3 SENTRA_DATASET_NUMBER',
      'transactions.csv:5:3 SENTRA_DATASET_NEGATIVE',
      'transactions.csv:5:11 SENTRA_DATASET_NEGATIVE',
      'transactions.csv:5:16 SENTRA_DATASET_NEGATIVE',
      'transactions.csv:6:4 SENTRA_DATASET_CURRENCY',
      'transactions.csv:6:14 SENTRA_DATASET_COUNTRY',
      'transactions.csv:7:19 SENTRA_DATASET_RAW_IP',
      'transactions.csv:7:20 SENTRA_DATASET_RAW_IP',
      'transactions.csv:7:23 SENTRA_DATASET_NUMBER',
      'transactions.csv:8:7 SENTRA_DATASET_ENUM',
      'transactions.csv:8:8 SENTRA_DATASET_REQUIRED',
      'transactions.csv:8:9 SENTRA_DATASET_ENUM',
      'transactions.csv:9:1 SENTRA_DATASET_DUPLICATE_TX',
      'transactions.csv:10:1 SENTRA_DATASET_COLUMN_COUNT',
      'transactions.csv:13:2 SENTRA_DATASET_TIMESTAMP',
      'entities.csv:1:6 SENTRA_DATASET_DUPLICATE_COLUMN',
      'entities.csv:3:1 SENTRA_DATASET_DUPLICATE_ENTITY',
      'entities.csv:4:2 SENTRA_DATASET_ENUM',
      'entities.csv:5:3 SENTRA_DATASET_COUNTRY',
      'entities.csv:5:4 SENTRA_DATASET_TIMESTAMP',
      'labels.csv:3:4 SENTRA_DATASET_DUPLICATE_LABEL',
      'labels.csv:4:1 SENTRA_DATASET_LABEL_UNKNOWN_TX',
      'labels.csv:5:3 SENTRA_DATASET_LABEL_BEFORE_TX',
      'labels.csv:6:2 SENTRA_DATASET_ENUM',
      'labels.csv:6:4 SENTRA_DATASET_ENUM',
      'labels.csv:7:3 SENTRA_DATASET_REQUIRED',
      'kyc_refs.csv:3:1 SENTRA_DATASET_KYC_NO_DOCUMENT',
      'kyc_refs.csv:4:3 SENTRA_DATASET_URL',
      'kyc_refs.csv:6:1 SENTRA_DATASET_REQUIRED',
    ]);
    expect(located(report.warnings)).toEqual([
      'notes.txt:1:1 SENTRA_DATASET_UNKNOWN_FILE',
      'transactions.csv:1:24 SENTRA_DATASET_UNKNOWN_COLUMN',
      'transactions.csv:11:4 SENTRA_DATASET_CURRENCY_UNMAPPED',
      'transactions.csv:11:2 SENTRA_DATASET_UNSORTED',
      'kyc_refs.csv:5:1 SENTRA_DATASET_KYC_UNKNOWN_ENTITY',
    ]);
    expect(report.problems[0]!.message).toBe('direction "payin" is not one of pay_in, pay, pay_out, payout');
    expect(report.problemCountsByCode).toMatchObject({ SENTRA_DATASET_ENUM: 7, SENTRA_DATASET_NEGATIVE: 3, SENTRA_DATASET_RAW_IP: 2 });
    expect(report.counts['transactions.csv']).toEqual({ rows: 11, rowsWithErrors: 9 });
    expect(report.counts['labels.csv']).toEqual({ rows: 6, rowsWithErrors: 5 });
    expect(report.labelCounts).toEqual({ fraud: 1, legit: 0 });
  });

  it('reports a missing manifest and a missing transactions file', async () => {
    const report = await validateDataset(join(fixtures, 'no-manifest-no-transactions'));
    expect(located(report.problems)).toEqual(['manifest.json:1:1 SENTRA_DATASET_MANIFEST_MISSING', 'transactions.csv:1:1 SENTRA_DATASET_TRANSACTIONS_MISSING']);
    expect(report.counts['labels.csv']).toEqual({ rows: 1, rowsWithErrors: 0 });
  });

  it('reports a numeric contract_version at its line and two transactions files', async () => {
    const report = await validateDataset(join(fixtures, 'ambiguous-transactions'));
    expect(located(report.problems)).toEqual([
      'manifest.json:2:contract_version SENTRA_DATASET_CONTRACT_VERSION',
      'transactions.jsonl:1:1 SENTRA_DATASET_TRANSACTIONS_AMBIGUOUS',
    ]);
  });

  it('reports malformed JSON, missing header columns once (not per row) and an empty file', async () => {
    const report = await validateDataset(join(fixtures, 'broken-files'));
    const missing = ['currency', 'direction', 'channel', 'psp', 'route_id', 'status', 'status_reason', 'fee_total'];
    const missingTail = ['sender_entity_id', 'receiver_entity_id', 'sender_country', 'receiver_country'];
    expect(located(report.problems)).toEqual([
      'manifest.json:1:1 SENTRA_DATASET_MANIFEST_INVALID',
      ...[...missing, ...missingTail].map(() => 'transactions.csv:1:1 SENTRA_DATASET_MISSING_COLUMN'),
      'labels.csv:1:1 SENTRA_DATASET_EMPTY_FILE',
    ]);
    expect(report.problems[1]!.message).toBe('the header has no required column currency');
    expect(report.counts['transactions.csv']).toEqual({ rows: 1, rowsWithErrors: 1 });
  });

  it('stops a file at malformed CSV and reports the line', async () => {
    const report = await validateDataset(join(fixtures, 'csv-syntax'));
    expect(located(report.problems)).toEqual(['transactions.csv:3:1 SENTRA_DATASET_CSV_SYNTAX']);
    expect(report.problems[0]!.message).toContain('the rest of the file is not checked');
    expect(report.counts['transactions.csv']).toEqual({ rows: 1, rowsWithErrors: 0 });
  });

  it('locates JSONL problems by line and field name', async () => {
    const report = await validateDataset(join(fixtures, 'invalid-jsonl'));
    expect(located(report.problems)).toEqual([
      'transactions.jsonl:2:65 SENTRA_DATASET_JSON_SYNTAX',
      'transactions.jsonl:3:amount SENTRA_DATASET_TYPE',
      'transactions.jsonl:4:direction SENTRA_DATASET_ENUM',
      'transactions.jsonl:4:psp SENTRA_DATASET_REQUIRED',
      'transactions.jsonl:6:1 SENTRA_DATASET_JSON_SYNTAX',
      'transactions.jsonl:7:f_score SENTRA_DATASET_NUMBER',
    ]);
    expect(located(report.warnings)).toEqual(['transactions.jsonl:4:extra SENTRA_DATASET_UNKNOWN_COLUMN']);
    expect(report.counts['transactions.jsonl']).toEqual({ rows: 6, rowsWithErrors: 5 });
  });

  it('lists at most maxProblems but counts every problem', async () => {
    const report = await validateDataset(join(fixtures, 'invalid-rows'), { maxProblems: 3 });
    expect(report.problems).toHaveLength(3);
    expect(report.warnings).toHaveLength(3);
    expect(report.errorCount).toBe(32);
    expect(report.warningCount).toBe(5);
    expect(Object.values(report.problemCountsByCode).reduce((sum, count) => sum + count, 0)).toBe(32);
  });

  it('throws SENTRA_ERR_NOT_FOUND for a folder that does not exist', async () => {
    await expect(validateDataset(join(fixtures, 'no-such-folder'))).rejects.toSatisfy(
      (error) => error instanceof SentraError && error.code === 'SENTRA_ERR_NOT_FOUND',
    );
  });

  it('reports bytes that are not UTF-8 at their line and column', async () => {
    const report = await validateDataset(join(fixtures, 'wrong-encoding'));
    expect(report.valid).toBe(false);
    expect(report.problems.filter((problem) => problem.code === 'SENTRA_DATASET_ENCODING').map((problem) => problem.path)).toEqual([expect.stringMatching(/^transactions\.csv:3:\d+$/)]);
  });

  it('triggers every code of the catalogue from the fixtures', async () => {
    const names = ['invalid-rows', 'no-manifest-no-transactions', 'ambiguous-transactions', 'broken-files', 'csv-syntax', 'invalid-jsonl', 'wrong-encoding'];
    const seen = new Set<string>();
    for (const name of names) {
      const report = await validateDataset(join(fixtures, name));
      for (const problem of [...report.problems, ...report.warnings]) seen.add(problem.code);
    }
    expect([...seen].sort()).toEqual([...datasetProblemCodes].sort());
  });
});
