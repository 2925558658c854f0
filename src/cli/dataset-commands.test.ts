import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repository, runCli } from '../../test/support/run-cli.js';

const fixtures = join(repository, 'test/fixtures/datasets');

const root = await mkdtemp(join(tmpdir(), 'sentra-dataset-cli-'));

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('sentra validate', () => {
  it('exits 0 on a valid dataset and prints a summary', async () => {
    const result = await runCli(['validate', join(fixtures, 'valid-csv')]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('VALID (0 errors, 0 warnings)');
    expect(result.stdout).toContain('transactions.csv: 8 rows, 0 with errors');
    expect(result.stdout).toContain('labels.csv: 4 rows (fraud 3, legit 1), 0 with errors');
  });

  it('exits 1 on an invalid dataset, listing problems as file:line:column then counts by code', async () => {
    const result = await runCli(['validate', join(fixtures, 'invalid-rows')]);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('transactions.csv:3:5: SENTRA_DATASET_ENUM: direction "payin" is not one of pay_in, pay, pay_out, payout');
    expect(lines).toContain('warning: transactions.csv:1:24: SENTRA_DATASET_UNKNOWN_COLUMN: column "loyalty_tier" is not part of data contract v1 and is ignored');
    expect(result.stdout).toContain('INVALID (32 errors, 5 warnings)');
    expect(lines).toContain('    SENTRA_DATASET_ENUM: 7');
    expect(result.stdout).toContain('transactions.csv: 11 rows, 9 with errors');
  });

  it('prints the report as JSON with --json', async () => {
    const result = await runCli(['validate', '--json', '--max-problems', '2', join(fixtures, 'invalid-jsonl')]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      valid: boolean;
      errorCount: number;
      problems: { code: string; path: string; severity: string }[];
      problemCountsByCode: Record<string, number>;
      counts: Record<string, { rows: number }>;
    };
    expect(report.valid).toBe(false);
    expect(report.errorCount).toBe(6);
    expect(report.problems).toEqual([
      expect.objectContaining({ path: 'transactions.jsonl:2:65', code: 'SENTRA_DATASET_JSON_SYNTAX', severity: 'error' }),
      expect.objectContaining({ path: 'transactions.jsonl:3:amount', code: 'SENTRA_DATASET_TYPE' }),
    ]);
    expect(report.problemCountsByCode['SENTRA_DATASET_JSON_SYNTAX']).toBe(2);
    expect(report.counts['transactions.jsonl']!.rows).toBe(6);
  });

  it('exits 2 when the folder does not exist or the command is misused', async () => {
    const missing = await runCli(['validate', join(fixtures, 'no-such-folder')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('SENTRA_ERR_NOT_FOUND');
    const json = await runCli(['validate', '--json', join(fixtures, 'no-such-folder')]);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({ error: { code: 'SENTRA_ERR_NOT_FOUND', message: expect.stringContaining('does not exist') as unknown } });
    const usage = await runCli(['validate']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("missing required argument 'dir'");
  });
});

describe('sentra simulate', () => {
  it('writes a dataset that sentra validate accepts, reproducibly', async () => {
    const args = ['--customers', '150', '--terminals', '300', '--days', '10', '--seed', '11', '--start', '2020-01-01'];
    const first = await runCli(['simulate', '--out', join(root, 'one'), ...args, '--json']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout) as { transactions: number; fraudTransactions: number; options: { seed: number } };
    expect(summary.options.seed).toBe(11);
    expect(summary.transactions).toBeGreaterThan(1000);
    const validation = await runCli(['validate', join(root, 'one')]);
    expect(validation.code).toBe(0);
    expect(validation.stdout).toContain(`transactions.csv: ${summary.transactions.toLocaleString('en-US')} rows, 0 with errors`);
    expect(validation.stdout).toContain('created_at from 2020-01-01');
    const second = await runCli(['simulate', '--out', join(root, 'two'), ...args]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('fraud:');
    expect(await readFile(join(root, 'two', 'transactions.csv'), 'utf8')).toBe(await readFile(join(root, 'one', 'transactions.csv'), 'utf8'));
  });

  it('restricts to the handbook scenarios and writes JSONL', async () => {
    const result = await runCli(['simulate', '--out', join(root, 'handbook'), '--customers', '100', '--terminals', '200', '--days', '5', '--scenarios', 'card', '--format', 'jsonl', '--json']);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { fraudByReason: Record<string, number>; options: { scenarios: string[]; format: string } };
    expect(summary.options).toMatchObject({ scenarios: ['card'], format: 'jsonl' });
    expect(summary.fraudByReason['account_takeover']).toBe(0);
    expect((await runCli(['validate', join(root, 'handbook')])).code).toBe(0);
  });

  it('exits 2 on bad options and on a folder that already holds a dataset', async () => {
    const unknown = await runCli(['simulate', '--out', join(root, 'x'), '--scenarios', 'card,phishing']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown: phishing');
    const badDay = await runCli(['simulate', '--out', join(root, 'x'), '--start', '2018-02-30']);
    expect(badDay.code).toBe(2);
    expect(badDay.stderr).toContain('start must be a date YYYY-MM-DD');
    const occupied = await runCli(['simulate', '--out', join(root, 'one'), '--days', '1']);
    expect(occupied.code).toBe(2);
    expect(occupied.stderr).toContain('SENTRA_ERR_CONFLICT');
  });
});
