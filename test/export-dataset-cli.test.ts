import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { simulateDataset } from '../src/datasets/simulator/simulate-dataset.js';
import { openDatabase } from '../src/platform/database.js';
import { freshPostgresSchema, storeKinds } from './support/test-app.js';
import { runCli } from './support/run-cli.js';

// Each test runs the CLI in several child processes (a few seconds each on a busy machine).
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

let root: string;
let dataset: string;
let simulated: { transactions: number; fraud: number };

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sentra-export-cli-'));
  dataset = join(root, 'dataset');
  const summary = await simulateDataset(dataset, { customers: 40, terminals: 80, days: 10, start: '2021-03-01', seed: 11 });
  simulated = { transactions: summary.transactions, fraud: summary.fraudTransactions };
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe.each(storeKinds)('sentra export-dataset on %s', (store) => {
  const storeEnv = async (name: string) => {
    const dataDir = await mkdtemp(join(root, `${store}-${name}-`));
    return { SENTRA_DATA_DIR: dataDir, DATABASE_URL: store === 'postgres' ? await freshPostgresSchema() : '' };
  };
  /** The stored transactions of a store, as comparable rows (store-only columns left out). */
  const storedTransactions = async (env: { SENTRA_DATA_DIR: string; DATABASE_URL: string }) => {
    const database = await openDatabase({ databaseUrl: env.DATABASE_URL === '' ? undefined : env.DATABASE_URL, dataDir: env.SENTRA_DATA_DIR, timeoutMs: 10_000 });
    try {
      const rows = await database.db.selectFrom('transactions').selectAll().orderBy('tx_id').execute();
      const labels = await database.db.selectFrom('labels').select(['tx_id', 'label', 'source', 'labeled_at', 'reason']).orderBy('tx_id').execute();
      return {
        transactions: rows.map(({ ingest_run_id: _run, updated_at: _updated, source: _source, network: _network, ...row }) => ({ ...row, amount: Number(row.amount), fee_total: Number(row.fee_total) })),
        labels,
      };
    } finally {
      await database.close();
    }
  };

  it('writes the stored window as a dataset that validates and imports back to the same rows', async () => {
    const source = await storeEnv('source');
    const imported = await runCli(['import', dataset], source);
    expect(imported.code, imported.stderr).toBe(0);
    const out = join(root, `${store}-export`);
    const exported = await runCli(['export-dataset', '--from', '2021-03-01', '--to', '2021-03-11', '--out', out, '--json'], source);
    expect(exported.code, exported.stderr).toBe(0);
    const summary = JSON.parse(exported.stdout);
    expect(summary).toMatchObject({ transactions: simulated.transactions, labels: simulated.fraud });
    const validated = await runCli(['validate', out], {});
    expect(validated.stdout).toContain('VALID');
    expect(validated.code).toBe(0);
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ contract_version: '1', exported_from: { tenant_id: 'default', from: '2021-03-01T00:00:00.000Z', to: '2021-03-11T00:00:00.000Z' } });

    const copy = await storeEnv('copy');
    const reimported = await runCli(['import', out], copy);
    expect(reimported.code, reimported.stderr).toBe(0);
    expect(await storedTransactions(copy)).toEqual(await storedTransactions(source));
  });

  it('exports only the window asked for, and refuses a backwards window without writing anything', async () => {
    const source = await storeEnv('window');
    expect((await runCli(['import', dataset], source)).code).toBe(0);
    const out = join(root, `${store}-one-day`);
    const oneDay = await runCli(['export-dataset', '--from', '2021-03-04T00:00:00Z', '--to', '2021-03-05T00:00:00Z', '--out', out], source);
    expect(oneDay.code, oneDay.stderr).toBe(0);
    const lines = (await readFile(join(out, 'transactions.jsonl'), 'utf8')).trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThan(simulated.transactions);
    for (const line of lines) expect(JSON.parse(line).created_at.slice(0, 10)).toBe('2021-03-04');
    const backwards = join(root, `${store}-backwards`);
    const refused = await runCli(['export-dataset', '--from', '2021-03-05', '--to', '2021-03-04', '--out', backwards], source);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--to must be after --from');
    expect(existsSync(backwards)).toBe(false);
    const unreadable = await runCli(['export-dataset', '--from', 'yesterday', '--to', '2021-03-04', '--out', backwards], source);
    expect(unreadable.code).toBe(2);
    expect(existsSync(backwards)).toBe(false);
  });
});
