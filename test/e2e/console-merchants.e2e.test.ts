import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, type TestApp } from '../support/test-app.js';
import { sentryMinimalRequest } from '../support/merchants.js';
import { newId } from '../../src/platform/ids.js';
import { browserAvailable, screenshot, servedToChromium } from '../support/browser.js';

describe.skipIf(!browserAvailable())('the console merchant and job administration in headless Chromium', () => {
  let sentra: TestApp;

  const auth = { authorization: `Bearer ${adminToken}` };
  const get = async (url: string) => (await sentra.app.inject({ method: 'GET', url, headers: auth })).json();
  /** A background job as the worker leaves it (the app's own worker is off in this suite). */
  const storeJob = async (status: string, lastError: string | null) => {
    const id = newId('job');
    const at = new Date();
    await sentra.runtime.database.db
      .insertInto('jobs')
      .values({ id, tenant_id: 'default', kind: 'kyc_enrichment', dedupe_key: id, payload: JSON.stringify({ ref_key: id }), status, attempts: 3, run_after: at, last_error: lastError, created_at: at, updated_at: at, finished_at: status === 'queued' ? null : at })
      .execute();
    return id;
  };

  beforeAll(async () => {
    sentra = await startTestApp('pglite', { SENTRA_WORKER: 'off' });
  });
  const served = servedToChromium(() => sentra);

  it('creates a merchant, shows a new key once, tops up, bills a call, reports usage (also as CSV), switches mode and revokes the key', async () => {
    const page = await served.pages.signedIn(adminToken, '/admin');
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Merchants' }).click();
    await page.getByText('No merchant yet.').waitFor();
    await page.getByLabel('Name').fill('Corner shop');
    await page.getByLabel('Mode').selectOption('shadow');
    await page.getByRole('button', { name: 'Create merchant' }).click();
    await page.getByRole('heading', { name: 'Merchant “Corner shop”' }).waitFor();
    const merchantId = new URL(page.url()).pathname.split('/').at(-1)!;

    // A top-up the API refuses (too many decimals) is shown with its field path; the balance stays.
    await page.getByLabel(/Top-up amount/).fill('10.12345');
    await page.getByRole('button', { name: 'Top up' }).click();
    await expect.poll(() => page.locator('#top-up-problems').textContent()).toContain('/amount');
    expect((await get(`/v1/admin/merchants/${merchantId}`)).balance).toBe('0.0000');
    await page.getByLabel(/Top-up amount/).fill('250');
    await page.getByLabel(/Top-up amount/).press('Enter');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Balance now' }).textContent()).toContain('250.0000 USD');

    await page.getByLabel('Key name').fill('checkout');
    await page.getByRole('button', { name: 'Issue key' }).click();
    const secret = (await page.getByLabel('New API key').textContent())!;
    expect(secret).toMatch(/^smk_/);
    const keys = page.getByRole('table', { name: 'API keys' });
    await expect.poll(() => keys.textContent()).toContain('checkout');
    expect(await keys.textContent()).not.toContain(secret);
    const billed = await sentra.app.inject({ method: 'POST', url: '/api/v1/sentry', headers: { 'x-api-key': secret, 'x-merchant-id': merchantId }, payload: sentryMinimalRequest() });
    expect(billed.statusCode, billed.body).toBe(200);
    // A second key with an expiry date: listed with it, as the API stored it.
    const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Key name').fill('season');
    await page.getByLabel('Expires on').fill(day);
    await page.getByRole('button', { name: 'Issue key' }).click();
    await expect.poll(() => keys.getByRole('row', { name: /season/ }).textContent()).toContain('expires');
    const stored = (await get(`/v1/admin/merchants/${merchantId}/keys`)).items.find((key: { name: string }) => key.name === 'season');
    expect(stored.expires_at).toBe(`${day}T00:00:00.000Z`);

    await page.getByRole('button', { name: 'Show usage' }).click();
    const totals = page.getByRole('table', { name: 'Totals per service' });
    await expect.poll(() => totals.textContent()).toContain('SENTRY');
    const usage = await get(`/v1/admin/merchants/${merchantId}/usage`);
    expect(await totals.locator('tbody tr').first().textContent()).toBe(`SENTRY${usage.totals[0].calls}${usage.totals[0].amount}`);
    await expect.poll(() => page.getByRole('table', { name: /^Lines/ }).locator('tbody tr').count()).toBe(usage.lines.length);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`usage-${merchantId}.csv`);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.trim().split('\n')).toHaveLength(usage.lines.length + 1);
    await screenshot(page, 'admin-merchant');

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Promote to live' }).click();
    await expect.poll(() => page.getByRole('definition').filter({ hasText: /^live$/ }).count()).toBe(1);
    expect((await get(`/v1/admin/merchants/${merchantId}`)).mode).toBe('live');

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Revoke checkout' }).click();
    await expect.poll(() => keys.textContent()).toContain('revoked');
    await expect
      .poll(async () => (await sentra.app.inject({ method: 'POST', url: '/api/v1/sentry', headers: { 'x-api-key': secret, 'x-merchant-id': merchantId }, payload: sentryMinimalRequest() })).statusCode, { timeout: 10_000 })
      .toBe(401);
  });

  it('answers an unknown merchant plainly', async () => {
    const page = await served.pages.signedIn(adminToken, '/admin/merchants/mer_missing');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('No merchant with this id in your tenant.');
  });

  it('lists jobs by status from the address, retries a dead one, and says why a job that moved meanwhile is not retried', async () => {
    const dead = await storeJob('dead', 'provider timed out after 30 s');
    const deadToo = await storeJob('dead', 'document unreadable');
    const done = await storeJob('done', null);
    const page = await served.pages.signedIn(adminToken, '/admin/jobs?status=dead');
    const rows = page.getByRole('table', { name: 'Jobs, newest first' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.allTextContents()).toEqual([expect.stringContaining('document unreadable'), expect.stringContaining('provider timed out after 30 s')]);
    expect(await page.getByLabel('Status').inputValue()).toBe('dead');
    await screenshot(page, 'admin-jobs');

    await page.getByRole('button', { name: `Retry ${dead}` }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'queued again' }).textContent()).toContain(dead);
    await expect.poll(() => rows.count()).toBe(1);
    expect((await get('/v1/admin/jobs?status=queued')).jobs.map((job: { id: string }) => job.id)).toContain(dead);

    // Someone else retries the other job first: this page still offers it, and the server's refusal is shown.
    expect((await sentra.app.inject({ method: 'POST', url: `/v1/admin/jobs/${deadToo}/retry`, headers: auth })).statusCode).toBe(200);
    await page.getByRole('button', { name: `Retry ${deadToo}` }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain(`Job ${deadToo} is queued; only a failed or dead job can be retried`);

    await page.getByLabel('Status').selectOption('done');
    await page.waitForURL(`${served.base}/admin/jobs?status=done`);
    await expect.poll(() => rows.allTextContents()).toEqual([expect.stringContaining(done)]);
    expect(await page.getByRole('button', { name: `Retry ${done}` }).count()).toBe(0);
  });
});
