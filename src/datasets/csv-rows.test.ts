import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateDataset } from './validate-dataset.js';

const fixtures = join(import.meta.dirname, '../../test/fixtures/datasets');
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sentra-csv-rows-'));
  await writeFile(join(dir, 'manifest.json'), '{"contract_version":"1","name":"line numbering"}');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function validRow(txId: string, statusReason = 'ok'): Promise<string> {
  const valid = (await readFile(join(fixtures, 'invalid-rows/transactions.csv'), 'utf8')).split('\n')[1]!;
  return valid.replace('tx_a,', `${txId},`).replace(',ok,', `,${statusReason},`);
}

describe('CSV line numbers', () => {
  it('counts physical lines with CRLF endings, quoted line breaks, blank lines and a BOM', async () => {
    const header = (await readFile(join(fixtures, 'invalid-rows/transactions.csv'), 'utf8')).split('\n')[0]!;
    const lines = [
      `\ufeff${header}`,
      await validRow('tx_1', '"first line\r\nsecond line\r\nthird line"'),
      '',
      (await validRow('tx_2')).replace(',pay_in,', ',payin,'),
      (await validRow('tx_3')).replace(',approved,', ',"bad"x,'),
      await validRow('tx_4'),
    ];
    await writeFile(join(dir, 'transactions.csv'), lines.join('\r\n'));
    const report = await validateDataset(dir);
    // tx_1 spans lines 2–4, line 5 is blank, tx_2 is on line 6 and the malformed quote on line 7.
    expect(report.problems.map((problem) => `${problem.path} ${problem.code}`)).toEqual([
      'transactions.csv:6:5 SENTRA_DATASET_ENUM',
      'transactions.csv:7:1 SENTRA_DATASET_CSV_SYNTAX',
    ]);
    expect(report.counts['transactions.csv']).toEqual({ rows: 2, rowsWithErrors: 1 });
  });

  it('checks rows that precede a syntax error in the same chunk', async () => {
    const header = (await readFile(join(fixtures, 'invalid-rows/transactions.csv'), 'utf8')).split('\n')[0]!;
    const rows = [header, (await validRow('tx_1')).replace('USD', 'usd'), await validRow('tx_2'), '"unterminated'];
    await writeFile(join(dir, 'transactions.csv'), rows.join('\n'));
    const report = await validateDataset(dir);
    expect(report.problems.map((problem) => `${problem.path} ${problem.code}`)).toEqual([
      'transactions.csv:2:4 SENTRA_DATASET_CURRENCY',
      'transactions.csv:4:1 SENTRA_DATASET_CSV_SYNTAX',
    ]);
  });
});
