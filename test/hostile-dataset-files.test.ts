import { cp, mkdtemp, readFile, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { simulateDataset } from '../src/datasets/simulator/simulate-dataset.js';
import { openDatabase } from '../src/platform/database.js';
import { runCli } from './support/run-cli.js';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

let root: string;
let base: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sentra-hostile-files-'));
  base = join(root, 'base');
  await simulateDataset(base, { customers: 6, terminals: 12, days: 2, start: '2021-05-01', seed: 4 });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A copy of the valid dataset with one file rewritten. */
async function variant(name: string, file: string, rewrite: (bytes: Buffer) => Buffer | Promise<void>): Promise<string> {
  const dir = join(root, name);
  await cp(base, dir, { recursive: true });
  const result = await rewrite(await readFile(join(dir, file)));
  if (Buffer.isBuffer(result)) await writeFile(join(dir, file), result);
  return dir;
}

/** Validates and imports a dataset into a fresh embedded store; answers both runs and the stored row count. */
async function validateAndImport(dir: string) {
  const validated = await runCli(['validate', dir]);
  const dataDir = await mkdtemp(join(root, 'store-'));
  const imported = await runCli(['import', dir], { SENTRA_DATA_DIR: dataDir, DATABASE_URL: '' });
  const database = await openDatabase({ databaseUrl: undefined, dataDir, timeoutMs: 10_000 });
  try {
    const tables = ['transactions', 'entities', 'labels', 'kyc_refs'] as const;
    let rows = 0;
    for (const table of tables) rows += Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    return { validated, imported, rows };
  } finally {
    await database.close();
  }
}

describe('dataset files in the wrong shape, through sentra validate and sentra import', () => {
  it('refuses Latin-1 bytes in an id with the line and column, instead of storing them as U+FFFD', async () => {
    const dir = await variant('latin-1', 'entities.csv', (bytes) => {
      const lines = bytes.toString('latin1').split('\n');
      lines[1] = lines[1]!.replace(',', 'é,');
      return Buffer.from(lines.join('\n'), 'latin1');
    });
    const { validated, imported, rows } = await validateAndImport(dir);
    expect(validated.code).toBe(1);
    expect(validated.stdout).toMatch(/entities\.csv:2:\d+: SENTRA_DATASET_ENCODING: the line holds bytes that are not UTF-8/);
    expect(imported.code).toBe(1);
    expect(imported.stdout).toContain('SENTRA_DATASET_ENCODING');
    expect(rows).toBe(0);
  });

  it('refuses a UTF-16 file', async () => {
    const dir = await variant('utf-16', 'labels.csv', (bytes) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(bytes.toString('utf8'), 'utf16le')]));
    const { validated, rows } = await validateAndImport(dir);
    expect(validated.code).toBe(1);
    expect(validated.stdout).toContain('labels.csv:1:1: SENTRA_DATASET_ENCODING: labels.csv is UTF-16');
    expect(rows).toBe(0);
  });

  it('reads a UTF-8 file with a byte-order mark and multi-byte names as valid', async () => {
    const dir = await variant('utf-8-bom', 'entities.csv', (bytes) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(bytes.toString('utf8').replace('Card holder 1', 'Zoë Łukasiewicz 山田'))]));
    const { validated, imported, rows } = await validateAndImport(dir);
    expect(validated.code, validated.stdout).toBe(0);
    expect(imported.code, imported.stderr).toBe(0);
    expect(rows).toBeGreaterThan(0);
  });

  it('refuses a 64 MB line with a clear problem and stores nothing', async () => {
    const dir = await variant('huge-line', 'transactions.csv', async () => {
      await appendFile(join(root, 'huge-line', 'transactions.csv'), `tx_huge,2021-05-01T10:00:00Z,${'9'.repeat(64 * 1024 * 1024)}\n`);
    });
    const { validated, imported, rows } = await validateAndImport(dir);
    expect(validated.code).toBe(1);
    expect(validated.stdout).toMatch(/transactions\.csv:\d+:1: SENTRA_DATASET_COLUMN_COUNT/);
    expect(imported.code).toBe(1);
    expect(rows).toBe(0);
  });
});
