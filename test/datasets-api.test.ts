import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { entityColumns, kycRefColumns, labelColumns, transactionColumns } from '../src/datasets/dataset-columns.js';
import { datasetFileList } from '../src/contract/datasets.js';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import { expectSentraError } from './support/sentra-error.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const fixtures = new URL('./fixtures/datasets/', import.meta.url).pathname;
const contractFiles: ReadonlySet<string> = new Set(datasetFileList);

/** A fixture folder as an upload body: its contract files (other files are not uploadable). */
function upload(folder: string) {
  const dir = join(fixtures, folder);
  const names = readdirSync(dir).filter((name) => contractFiles.has(name)).sort();
  return { files: names.map((name) => ({ name, content: readFileSync(join(dir, name), 'utf8') })) };
}

describe.each(storeKinds)('data contract API on %s', (store) => {
  let sentra: TestApp;
  let analyst: string;
  let rivalAdmin: string;

  const call = (method: 'GET' | 'POST', url: string, token: string, payload?: unknown) =>
    sentra.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const stored = async () => {
    const db = sentra.runtime.database.db;
    const count = async (table: 'ingest_runs' | 'transactions' | 'labels') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    return { runs: await count('ingest_runs'), transactions: await count('transactions'), labels: await count('labels') };
  };

  beforeAll(async () => {
    sentra = await startTestApp(store);
    analyst = await sentra.addToken('default', 'analyst');
    rivalAdmin = await sentra.addTenant('rival', 'admin');
  });
  afterAll(async () => {
    await sentra?.close();
  });

  it('serves a template per contract file whose header is the contract, and the templates together are a valid dataset', async () => {
    const templates: Record<string, string> = {};
    for (const file of datasetFileList) {
      const response = await call('GET', `/v1/admin/datasets/templates/${file}`, adminToken);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-disposition']).toBe(`attachment; filename="${file}"`);
      templates[file] = response.body;
    }
    await expect(call('GET', '/v1/admin/datasets/templates/transactions.csv', adminToken).then((response) => response.headers['content-type'])).resolves.toBe('text/csv; charset=utf-8');
    const header = (file: string) => templates[file]!.split('\n')[0]!.split(',');
    expect(header('transactions.csv').slice(0, transactionColumns.required.length + transactionColumns.optional.length)).toEqual([...transactionColumns.required, ...transactionColumns.optional]);
    expect(header('labels.csv')).toEqual([...labelColumns.required, ...labelColumns.optional]);
    expect(header('entities.csv')).toEqual([...entityColumns.required, ...entityColumns.optional]);
    expect(header('kyc_refs.csv')).toEqual([...kycRefColumns.required, ...kycRefColumns.optional]);
    for (const file of ['transactions.csv', 'labels.csv', 'entities.csv', 'kyc_refs.csv']) expect(templates[file]!.trim().split('\n'), file).toHaveLength(2);
    expect(Object.keys(JSON.parse(templates['transactions.jsonl']!) as object)).toEqual(expect.arrayContaining([...transactionColumns.required]));

    for (const transactions of ['transactions.csv', 'transactions.jsonl']) {
      const files = datasetFileList.filter((file) => !file.startsWith('transactions.') || file === transactions).map((name) => ({ name, content: templates[name]! }));
      const report = await call('POST', '/v1/admin/datasets/validate', adminToken, { files });
      expect(report.statusCode, report.body).toBe(200);
      expect(report.json(), transactions).toMatchObject({ valid: true, error_count: 0, warning_count: 0, dataset_name: 'example dataset', label_counts: { fraud: 1, legit: 0 } });
    }
    const unknown = await call('GET', '/v1/admin/datasets/templates/notes.txt', adminToken);
    expectSentraError(unknown, 400, 'SENTRA_ERR_VALIDATION');
  });

  it('reports an invalid upload by file:line:column and code, and writes nothing', async () => {
    const before = await stored();
    const response = await call('POST', '/v1/admin/datasets/validate', adminToken, upload('invalid-rows'));
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report.valid).toBe(false);
    expect(report.error_count).toBeGreaterThan(3);
    expect(report.problems.length).toBe(report.error_count);
    expect(report.problems).toContainEqual(expect.objectContaining({ path: 'transactions.csv:3:5', file: 'transactions.csv', line: 3, column: '5', code: 'SENTRA_DATASET_ENUM', severity: 'error' }));
    expect(report.warnings).toContainEqual(expect.objectContaining({ code: 'SENTRA_DATASET_UNKNOWN_COLUMN', path: 'transactions.csv:1:24' }));
    expect(report.problem_counts_by_code.SENTRA_DATASET_ENUM).toBeGreaterThan(0);
    expect(report.files.map((file: { file: string }) => file.file)).toEqual(['transactions.csv', 'entities.csv', 'labels.csv', 'kyc_refs.csv']);
    expect(JSON.stringify(report)).not.toContain('sentra-upload-');
    expect(await stored()).toEqual(before);
  });

  it('refuses bad upload bodies with a code and a path, and oversized ones with 413', async () => {
    const content = 'tx_id\n';
    const unknownName = await call('POST', '/v1/admin/datasets/validate', adminToken, { files: [{ name: '../etc/passwd', content }] });
    expectSentraError(unknownName, 400, 'SENTRA_ERR_VALIDATION');
    expect(unknownName.json().error.details).toContainEqual(expect.objectContaining({ path: '/files/0/name' }));
    const twice = await call('POST', '/v1/admin/datasets/validate', adminToken, { files: [{ name: 'labels.csv', content }, { name: 'labels.csv', content }] });
    expectSentraError(twice, 400, 'SENTRA_ERR_VALIDATION');
    expect(twice.json().error.details).toEqual([expect.objectContaining({ code: 'duplicate', path: '/files/1/name' })]);
    const none = await call('POST', '/v1/admin/datasets/import', adminToken, { files: [] });
    expectSentraError(none, 400, 'SENTRA_ERR_VALIDATION');
    expect(none.json().error.details).toContainEqual(expect.objectContaining({ path: '/files' }));
    const huge = await call('POST', '/v1/admin/datasets/validate', adminToken, { files: [{ name: 'transactions.csv', content: 'x'.repeat(33 * 1024 * 1024) }] });
    expectSentraError(huge, 413, 'SENTRA_ERR_PAYLOAD_TOO_LARGE');
    expect((await stored()).runs).toBe(0);
  });

  it('refuses to import an invalid dataset with its problems, nothing written', async () => {
    const before = await stored();
    const response = await call('POST', '/v1/admin/datasets/import', adminToken, upload('invalid-rows'));
    expectSentraError(response, 400, 'SENTRA_ERR_DATASET_INVALID');
    const body = response.json();
    expect(body.error.message).not.toContain('sentra-upload-');
    expect(body.error.details).toContainEqual(expect.objectContaining({ code: 'SENTRA_DATASET_ENUM', path: 'transactions.csv:3:5' }));
    expect(await stored()).toEqual(before);
  });

  it('imports a valid upload as one ingest run, lists it for its tenant only, and a re-import inserts nothing', async () => {
    const imported = await call('POST', '/v1/admin/datasets/import', adminToken, upload('valid-csv'));
    expect(imported.statusCode, imported.body).toBe(201);
    const run = imported.json();
    expect(run).toMatchObject({ dataset_name: 'hand-written valid dataset', status: 'committed', finished_at: expect.any(String) });
    expect(run.created_by).not.toContain(adminToken);
    expect(run.counts.transactions.inserted).toBeGreaterThan(0);
    expect(run.counts.transactions.read).toBe(run.counts.transactions.inserted);
    expect(run.counts.labels.inserted).toBeGreaterThan(0);
    const after = await stored();
    expect(after.runs).toBe(1);
    expect(after.transactions).toBe(run.counts.transactions.inserted);

    const again = await call('POST', '/v1/admin/datasets/import', adminToken, upload('valid-csv'));
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().counts.transactions).toEqual({ read: run.counts.transactions.read, inserted: 0, already_present: run.counts.transactions.read });

    const runs = await call('GET', '/v1/admin/datasets/runs', adminToken);
    expect(runs.statusCode, runs.body).toBe(200);
    expect(runs.json().items.map((item: { run_id: string }) => item.run_id)).toEqual([again.json().run_id, run.run_id]);
    expect(runs.json().items[1]).toEqual(run);
    expect((await call('GET', '/v1/admin/datasets/runs', rivalAdmin)).json().items).toEqual([]);
  });

  it('is for admins only', async () => {
    for (const [method, url, payload] of [
      ['GET', '/v1/admin/datasets/templates/labels.csv', undefined],
      ['POST', '/v1/admin/datasets/validate', upload('valid-csv')],
      ['POST', '/v1/admin/datasets/import', upload('valid-csv')],
      ['GET', '/v1/admin/datasets/runs', undefined],
    ] as const) {
      expectSentraError(await call(method, url, analyst, payload), 403, 'SENTRA_ERR_FORBIDDEN');
    }
  });
});
