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
