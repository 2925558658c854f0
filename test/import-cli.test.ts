import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { simulateDataset } from '../src/datasets/simulator/simulate-dataset.js';
import { importDataset } from '../src/datasets/import/import-dataset.js';
import { identifyDataset } from '../src/datasets/replay/dataset-identity.js';
import { openDatabase, type DatabaseHandle } from '../src/platform/database.js';
import { migrateToLatest } from '../src/platform/migrate.js';
import { freshPostgresSchema, storeKinds } from './support/test-app.js';
import { repository, runCli, spawnCli } from './support/run-cli.js';

// Each test runs the CLI in several child processes (a few seconds each on a busy machine).
vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

const tables = ['transactions', 'labels', 'entities', 'kyc_refs', 'ingest_runs', 'audit_log'] as const;

async function counts(database: DatabaseHandle): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of tables) result[table] = Number((await sql<{ count: string }>`select count(*) as count from ${sql.table(table)}`.execute(database.db)).rows[0]!.count);
  return result;
}

let root: string;
let dataset: string;
let simulated: { transactions: number; fraud: number };

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sentra-import-cli-'));
  dataset = join(root, 'dataset');
  const summary = await simulateDataset(dataset, { customers: 60, terminals: 120, days: 12, start: '2021-03-01', seed: 5 });
  simulated = { transactions: summary.transactions, fraud: summary.fraudTransactions };
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe.each(storeKinds)('sentra import on %s', (store) => {
  let env: Record<string, string>;
  let open: () => Promise<DatabaseHandle>;

  beforeAll(async () => {
    const dataDir = await mkdtemp(join(root, `${store}-`));
    const databaseUrl = store === 'postgres' ? await freshPostgresSchema() : '';
    env = { SENTRA_DATA_DIR: dataDir, DATABASE_URL: databaseUrl };
    open = async () => {
      const database = await openDatabase({ databaseUrl: databaseUrl === '' ? undefined : databaseUrl, dataDir, timeoutMs: 5000 });
      await migrateToLatest(database.db as never);
      return database;
    };
  });

  it('refuses an invalid dataset with the validation report and imports nothing', async () => {
    const result = await runCli(['import', join(repository, 'test/fixtures/datasets/invalid-rows')], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('transactions.csv:3:5: SENTRA_DATASET_ENUM');
    expect(result.stdout).toContain('INVALID (32 errors, 5 warnings)');
    const database = await open();
    expect(await counts(database)).toMatchObject({ transactions: 0, labels: 0, ingest_runs: 0 });
    await database.close();
  });

  it('imports a dataset as one committed ingest run, then re-imports it idempotently', async () => {
    const first = await runCli(['import', dataset], env);
    expect(first.stderr).toContain('in one transaction');
    expect(first.code, first.stderr).toBe(0);
    const count = simulated.transactions.toLocaleString('en-US');
    expect(first.stdout).toContain(`transactions: ${count} read, ${count} inserted, 0 already present`);
    let database = await open();
    const afterFirst = await counts(database);
    expect(afterFirst).toMatchObject({ transactions: simulated.transactions, labels: simulated.fraud, ingest_runs: 1, audit_log: 1 });
    expect(afterFirst.kyc_refs).toBeGreaterThan(0);
    const run = await database.db.selectFrom('ingest_runs').selectAll().executeTakeFirstOrThrow();
    expect(run).toMatchObject({ tenant_id: 'default', status: 'committed', dataset_name: 'sentra-simulation-seed-5' });
    expect(run.dataset_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(run.counts).toMatchObject({ transactions: { read: simulated.transactions, inserted: simulated.transactions, alreadyPresent: 0 } });
    expect(run.report).toMatchObject({ valid: true, error_count: 0 });
    const sources = await database.db.selectFrom('transactions').select(['source', 'ingest_run_id']).distinct().execute();
    expect(sources).toEqual([{ source: 'import', ingest_run_id: run.id }]);
    const labels = await database.db.selectFrom('labels').select('created_by').distinct().execute();
    expect(labels).toEqual([{ created_by: 'import' }]);
    const card = await database.db.selectFrom('entities').selectAll().where('entity_id', '=', 'cus_000001').executeTakeFirstOrThrow();
    expect(card.entity_type).toBe('individual');
    expect(card.first_seen_at.getTime()).toBeLessThanOrEqual(card.last_seen_at.getTime());
    const audit = await database.db.selectFrom('audit_log').selectAll().executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'dataset.imported', subject: run.id });
    await database.close();

    const second = await runCli(['import', dataset, '--json'], env);
    expect(second.code, second.stderr).toBe(0);
    const summary = JSON.parse(second.stdout) as { counts: Record<string, { read: number; inserted: number; alreadyPresent: number }> };
    for (const file of Object.values(summary.counts)) expect(file).toMatchObject({ inserted: 0, alreadyPresent: file.read });
    database = await open();
    expect(await counts(database)).toEqual({ ...afterFirst, ingest_runs: 2, audit_log: 2 });
    await database.close();
  });

  it('leaves nothing behind when the database fails part-way through', async () => {
    const database = await open();
    await sql`delete from transactions`.execute(database.db);
    await sql`delete from labels`.execute(database.db);
    const before = await counts(database);
    const identity = await identifyDataset(dataset);
    const failing = importDataset(database.db, identity, {
      tenantId: 'default',
      actor: 'test',
      async afterBatch(trx, file, rows) {
        if (file === 'transactions' && rows >= 500) await sql`select 1/0`.execute(trx);
      },
    });
    await expect(failing).rejects.toThrow(/division by zero/);
    expect(await counts(database)).toEqual(before);
    await database.close();
  });
});

describe('sentra import killed mid-way on the embedded database', () => {
  it('has committed nothing after a restart', async () => {
    // Large enough (~20,000 payments) that the import is still running 250 ms after it started.
    const larger = join(root, 'larger');
    await simulateDataset(larger, { customers: 300, terminals: 600, days: 30, start: '2021-03-01', seed: 6, scenarios: ['card'] });
    const dataDir = await mkdtemp(join(root, 'killed-'));
    const child = spawnCli(['import', larger], { SENTRA_DATA_DIR: dataDir, DATABASE_URL: '' });
    await new Promise<void>((resolve, reject) => {
      child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
        if (chunk.includes('in one transaction')) setTimeout(() => resolve(), 250);
      });
      child.on('exit', () => reject(new Error('the import finished before it could be killed')));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('close', resolve));
    const database = await openDatabase({ databaseUrl: undefined, dataDir, timeoutMs: 5000 });
    expect(await counts(database)).toMatchObject({ transactions: 0, labels: 0, ingest_runs: 0, audit_log: 0 });
    await database.close();
  });
});
