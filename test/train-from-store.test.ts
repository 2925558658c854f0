import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { simulateDataset } from '../src/datasets/simulator/simulate-dataset.js';
import { openDatabase } from '../src/platform/database.js';
import { freshPostgresSchema, storeKinds } from './support/test-app.js';
import { runCli } from './support/run-cli.js';

// Each test runs the CLI in several child processes (import, export, two trainings).
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

let root: string;
let dataset: string;
const windows = ['--valid-from', '2021-03-11', '--valid-to', '2021-03-14'];
const params = ['--no-tune', '--trees', '12', '--depth', '3', '--seed', '5'];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sentra-train-store-'));
  dataset = join(root, 'dataset');
  await simulateDataset(dataset, { customers: 60, terminals: 120, days: 14, start: '2021-03-01', seed: 21 });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const artifactFiles = async (folder: string) => ({
  model: await readFile(join(folder, 'model.json'), 'utf8'),
  schema: await readFile(join(folder, 'feature_schema.json'), 'utf8'),
  metadata: JSON.parse(await readFile(join(folder, 'metadata.json'), 'utf8')) as Record<string, { rows?: number; frauds?: number } | string | null>,
});

describe.each(storeKinds)('sentra train --from-store on %s', (store) => {
  const storeEnv = async (name: string) => {
    const dataDir = await mkdtemp(join(root, `${store}-${name}-`));
    return { SENTRA_DATA_DIR: dataDir, DATABASE_URL: store === 'postgres' ? await freshPostgresSchema() : '' };
  };
  const auditActions = async (env: { SENTRA_DATA_DIR: string; DATABASE_URL: string }) => {
    const database = await openDatabase({ databaseUrl: env.DATABASE_URL === '' ? undefined : env.DATABASE_URL, dataDir: env.SENTRA_DATA_DIR, timeoutMs: 10_000 });
    try {
      return (await database.db.selectFrom('audit_log').select('action').orderBy('seq').execute()).map((row) => row.action);
    } finally {
      await database.close();
    }
  };

  it('trains on the stored payments and labels the same model as a train on their export', async () => {
    const env = await storeEnv('source');
    const imported = await runCli(['import', dataset], env);
    expect(imported.code, imported.stderr).toBe(0);

    const fromStore = join(root, `${store}-model-store`);
    const trained = await runCli(['train', '--from-store', '--from', '2021-03-01', '--to', '2021-03-10', ...windows, ...params, '--out', fromStore], env);
    expect(trained.code, trained.stderr).toBe(0);
    expect(trained.stderr).toMatch(/read [\d,]+ stored payments and [\d,]+ labels of tenant default/);

    const exported = join(root, `${store}-export`);
    const exportRun = await runCli(['export-dataset', '--from', '2021-03-01', '--to', '2021-03-15', '--out', exported], env);
    expect(exportRun.code, exportRun.stderr).toBe(0);
    const fromExport = join(root, `${store}-model-export`);
    const trainedOnExport = await runCli(['train', exported, '--train-from', '2021-03-01', '--train-to', '2021-03-10', ...windows, ...params, '--out', fromExport], {});
    expect(trainedOnExport.code, trainedOnExport.stderr).toBe(0);

    const [storeArtifact, exportArtifact, datasetArtifact] = await Promise.all([artifactFiles(fromStore), artifactFiles(fromExport), trainDirect()]);
    expect(storeArtifact.model).toBe(exportArtifact.model);
    expect(storeArtifact.schema).toBe(exportArtifact.schema);
    expect(storeArtifact.metadata.training).toEqual(exportArtifact.metadata.training);
    expect(storeArtifact.metadata.validation).toEqual(exportArtifact.metadata.validation);
    expect(storeArtifact.metadata.name).toBe('store-default');
    // The store holds what the dataset held: the same windows, rows and frauds as training on it directly.
    expect(storeArtifact.metadata.training).toEqual(datasetArtifact.metadata.training);
    expect((storeArtifact.metadata.training as { frauds: number }).frauds).toBeGreaterThan(0);
    // Reading the store for training is an export of the tenant's history, and audited as one.
    expect((await auditActions(env)).filter((action) => action === 'dataset.exported')).toHaveLength(2);
  });

  it('refuses a tenant without stored payments, a folder given with --from-store, and a missing window, writing nothing', async () => {
    const env = await storeEnv('empty');
    const out = join(root, `${store}-refused`);
    const empty = await runCli(['train', '--from-store', '--from', '2021-03-01', '--to', '2021-03-10', ...params, '--out', out], env);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('SENTRA_ERR_VALIDATION');
    expect(empty.stderr).toContain('--tenant: no_payments');
    const both = await runCli(['train', dataset, '--from-store', '--from', '2021-03-01', '--to', '2021-03-10', '--out', out], env);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('not both');
    const noWindow = await runCli(['train', '--from-store', '--out', out], env);
    expect(noWindow.code).toBe(2);
    expect(noWindow.stderr).toContain('give the training window');
    const twice = await runCli(['train', dataset, '--from', '2021-03-01', '--train-from', '2021-03-01', '--to', '2021-03-10', '--out', out], {});
    expect(twice.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(await auditActions(env)).not.toContain('dataset.exported');
  });
});

let direct: Promise<Awaited<ReturnType<typeof artifactFiles>>> | undefined;
/** The same training on the simulated dataset folder itself (once for every store). */
function trainDirect(): Promise<Awaited<ReturnType<typeof artifactFiles>>> {
  direct ??= (async () => {
    const out = join(root, 'model-dataset');
    const run = await runCli(['train', dataset, '--train-from', '2021-03-01', '--train-to', '2021-03-10', ...windows, ...params, '--out', out], {});
    expect(run.code, run.stderr).toBe(0);
    return artifactFiles(out);
  })();
  return direct;
}
