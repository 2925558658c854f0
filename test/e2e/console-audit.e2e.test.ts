import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { adminToken, startTestApp, type TestApp } from '../support/test-app.js';
import { browserAvailable, screenshot, servedToChromium } from '../support/browser.js';

describe.skipIf(!browserAvailable())('the console audit page in headless Chromium', () => {
  let sentra: TestApp;

  const auth = { authorization: `Bearer ${adminToken}` };
  const get = async (url: string) => (await sentra.app.inject({ method: 'GET', url, headers: auth })).json();

  beforeAll(async () => {
    sentra = await startTestApp('pglite');
    // Audited changes: two tokens and a threshold change.
    for (const name of ['ops', 'reporting']) expect((await sentra.app.inject({ method: 'POST', url: '/v1/admin/tokens', headers: auth, payload: { name, role: 'analyst' } })).statusCode).toBe(201);
    expect((await sentra.app.inject({ method: 'PUT', url: '/v1/admin/thresholds', headers: auth, payload: { review_at: 400, hold_at: 700, block_at: 900 } })).statusCode).toBe(200);
  });
  /** Changes the review threshold `times` times: one audit entry each. */
  const changeThresholds = async (times: number) => {
    for (let index = 0; index < times; index++) {
      const answer = await sentra.app.inject({ method: 'PUT', url: '/v1/admin/thresholds', headers: auth, payload: { review_at: 401 + (index % 2), hold_at: 700, block_at: 900 } });
      expect(answer.statusCode).toBe(200);
    }
  };
  const served = servedToChromium(() => sentra);

  it('shows the chain intact with the API’s figures, downloads a signed export, shows the public key, and refuses a reversed window by its field', async () => {
    const page = await served.pages.signedIn(adminToken, '/admin');
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Audit' }).click();
    await page.waitForURL(`${served.base}/admin/audit`);
    const verified = await get('/v1/audit/verify');
    expect(verified.ok).toBe(true);
    expect(verified.entries).toBeGreaterThanOrEqual(3);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Intact' }).textContent()).toBe(`Intact: ${verified.entries} entries chained, ${verified.checkpoints} signed checkpoints checked.`);
    const key = await get('/v1/audit/public-key');
    expect(await page.getByLabel('Audit public key').textContent()).toBe(key.public_key_pem);
    await screenshot(page, 'admin-audit');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download export' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^sentra-audit-default-\d{4}-\d{2}-\d{2}\.jsonl$/);
    const lines = readFileSync((await download.path())!, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    const summary = lines.at(-1);
    expect(summary).toMatchObject({ type: 'sentra.audit.export', count: lines.length - 1, key_id: key.key_id });
    expect(lines.slice(0, -1).map((entry) => entry.action)).toEqual(expect.arrayContaining(['token.created']));

    await page.getByLabel('From').fill('2026-12-10');
    await page.getByLabel('To (not included)').fill('2026-12-01');
    await page.getByRole('button', { name: 'Download export' }).click();
    await expect.poll(() => page.locator('#export-problems').textContent()).toMatch(/\/to.*to must be after from/);
  });

  it('lists the entries newest first with their payloads, filters them by action, and pages to older ones', async () => {
    const page = await served.pages.signedIn(adminToken, '/admin/audit');
    await page.getByRole('status').filter({ hasText: 'Intact' }).waitFor();
    const table = page.getByRole('table', { name: 'Audit entries, newest first' });
    const rows = table.locator('tbody tr');
    const newest = (await get('/v1/audit/entries')).items[0];
    await expect.poll(() => rows.first().locator('td:nth-child(5)').textContent()).toBe(String(newest.seq));
    expect(await rows.first().getByRole('rowheader').textContent()).toBe(newest.action);

    // A threshold change made now is listed once the filter is applied, with its payload behind a summary.
    await changeThresholds(1);
    await page.getByLabel('Action').fill('thresholds.changed');
    await page.getByRole('button', { name: 'Apply filters' }).press('Enter');
    const changes = (await get('/v1/audit/entries?action=thresholds.changed')).items;
    expect(changes.length).toBe(2);
    await expect.poll(() => rows.locator('td:nth-child(5)').allTextContents()).toEqual(changes.map((entry: { seq: number }) => String(entry.seq)));
    expect(await rows.getByRole('rowheader').allTextContents()).toEqual(['thresholds.changed', 'thresholds.changed']);
    const payload = page.getByText(`Payload of entry ${changes[0].seq}`);
    await payload.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => rows.first().locator('pre').textContent()).toBe(JSON.stringify(changes[0].payload, null, 2));
    await screenshot(page, 'admin-audit-entries');

    // More than a page of entries: the older ones come with "Older entries", none twice.
    await changeThresholds(55);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => rows.count()).toBe(50);
    await page.getByRole('button', { name: 'Older entries' }).click();
    await expect.poll(() => rows.count()).toBe(57);
    const seqs = (await rows.locator('td:nth-child(5)').allTextContents()).map(Number);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(new Set(seqs).size).toBe(57);
    expect(await page.getByRole('button', { name: 'Older entries' }).count()).toBe(0);
  });

  it('says where the chain breaks once a stored entry is altered', async () => {
    const page = await served.pages.signedIn(adminToken, '/admin/audit');
    await page.getByRole('status').filter({ hasText: 'Intact' }).waitFor();
    // Someone with the rights to switch the table's append-only trigger off rewrites the second entry.
    await sentra.runtime.database.db.transaction().execute(async (trx) => {
      await sql.raw('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_or_delete').execute(trx);
      await sql.raw(`UPDATE audit_log SET payload = '{"rewritten": true}'::jsonb WHERE tenant_id = 'default' AND seq = 2`).execute(trx);
      await sql.raw('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_or_delete').execute(trx);
    });
    await page.getByRole('button', { name: 'Verify again' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('Broken at entry 2');
    expect((await get('/v1/audit/verify')).problem).toMatchObject({ seq: 2 });
    expect(await alert.textContent()).toContain((await get('/v1/audit/verify')).problem.kind);
    await screenshot(page, 'admin-audit-broken');
  });
});
