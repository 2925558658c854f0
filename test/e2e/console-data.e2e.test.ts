import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, type TestApp } from '../support/test-app.js';
import { browserAvailable, screenshot, servedToChromium } from '../support/browser.js';

const fixtures = new URL('../fixtures/datasets/', import.meta.url).pathname;
/** The files of a fixture dataset folder, as a person would pick them in the file chooser. */
const folderFiles = (folder: string) => readdirSync(join(fixtures, folder)).map((name) => join(fixtures, folder, name));
const contractFiles = (folder: string) => folderFiles(folder).filter((path) => !path.endsWith('.txt'));

describe.skipIf(!browserAvailable())('the console data contract page in headless Chromium', () => {
  let sentra: TestApp;

  beforeAll(async () => {
    sentra = await startTestApp('pglite');
  });
  const served = servedToChromium(() => sentra);
  const runs = async () => (await sentra.app.inject({ method: 'GET', url: '/v1/admin/datasets/runs', headers: { authorization: `Bearer ${adminToken}` } })).json().items as { dataset_name: string }[];

  it('reads the error report of an invalid upload by file, line and column, then imports a valid one and shows its run', async () => {
    const page = await served.pages.signedIn(adminToken, '/admin');
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Data' }).click();
    await page.waitForURL(`${served.base}/admin/data`);
    await page.getByRole('heading', { name: 'Data contract' }).waitFor();

    // A file that is not part of the contract is refused before anything is sent.
    await page.getByLabel('Dataset files').setInputFiles(folderFiles('invalid-rows'));
    await page.getByRole('button', { name: 'Validate' }).click();
    await expect.poll(() => page.locator('#upload-problems').textContent()).toContain('notes.txt');

    await page.getByLabel('Dataset files').setInputFiles(contractFiles('invalid-rows'));
    await page.getByRole('button', { name: 'Validate' }).click();
    const report = page.getByRole('region', { name: 'Validation report' });
    await expect.poll(() => report.getByRole('status').textContent()).toContain('is invalid');
    const errors = report.getByRole('table', { name: /^Errors/ });
    const enumRow = errors.getByRole('row').filter({ hasText: 'SENTRA_DATASET_ENUM' }).first();
    expect((await enumRow.getByRole('cell').allTextContents()).slice(0, 3)).toEqual(['3', '5', 'SENTRA_DATASET_ENUM']);
    expect(await enumRow.getByRole('rowheader').textContent()).toBe('transactions.csv');
    await report.getByRole('table', { name: /^Warnings/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Import' }).isDisabled()).toBe(true);
    await screenshot(page, 'admin-data-invalid');
    expect(await runs()).toEqual([]);

    await page.getByLabel('Dataset files').setInputFiles(contractFiles('valid-csv'));
    expect(await report.count()).toBe(0);
    await page.getByRole('button', { name: 'Validate' }).click();
    await expect.poll(() => report.getByRole('status').textContent()).toContain('is valid');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Imported' }).textContent()).toContain('ingest run');
    const runTable = page.getByRole('region', { name: 'Ingest runs' }).getByRole('table');
    await expect.poll(() => runTable.textContent()).toContain('hand-written valid dataset');
    expect(await runTable.textContent()).toContain('committed');
    expect((await runs()).map((run) => run.dataset_name)).toEqual(['hand-written valid dataset']);
    await screenshot(page, 'admin-data');
  });

  it('downloads a template whose header is the one the validator expects', async () => {
    const page = await served.pages.signedIn(adminToken, '/admin/data');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'labels.csv' }).click()]);
    expect(download.suggestedFilename()).toBe('labels.csv');
    expect(readFileSync((await download.path())!, 'utf8').split('\n')[0]).toBe('tx_id,label,labeled_at,source,reason');
  });
});
