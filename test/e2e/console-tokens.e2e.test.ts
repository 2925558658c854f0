import { beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, type TestApp } from '../support/test-app.js';
import { scoreBody } from '../support/score-body.js';
import { browserAvailable, screenshot, servedToChromium } from '../support/browser.js';

describe.skipIf(!browserAvailable())('the console token administration in headless Chromium', () => {
  let sentra: TestApp;

  beforeAll(async () => {
    sentra = await startTestApp('pglite');
  });
  const served = servedToChromium(() => sentra);

  const signedIn = (token: string, path: string) => served.pages.signedIn(token, path);

  it('issues a service token whose secret is shown once and scores, then revokes it after a confirmation', async () => {
    const page = await signedIn(adminToken, '/admin');
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Tokens' }).click();
    await page.waitForURL(`${served.base}/admin/tokens`);
    await page.getByRole('heading', { name: 'API tokens' }).waitFor();
    await page.getByLabel('Name').fill('checkout service');
    await page.getByLabel('Role').selectOption('service');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = (await page.getByLabel('New token secret').textContent())!;
    expect(secret).toMatch(/^sentra_/);
    await screenshot(page, 'admin-tokens');
    const list = page.getByRole('table');
    await expect.poll(() => list.textContent()).toContain('checkout service');
    expect(await list.textContent()).not.toContain(secret);
    // The secret works as the API's bearer token, with the service role.
    const scored = await sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers: { authorization: `Bearer ${secret}` }, payload: scoreBody() });
    expect(scored.statusCode).toBe(200);
    const thresholds = await sentra.app.inject({ method: 'GET', url: '/v1/admin/thresholds', headers: { authorization: `Bearer ${secret}` } });
    expect(thresholds.statusCode).toBe(403);
    // Leaving the page forgets the secret: it is shown only once.
    await page.reload();
    await page.getByRole('heading', { name: 'API tokens' }).waitFor();
    expect(await page.getByLabel('New token secret').count()).toBe(0);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Revoke checkout service' }).click();
    await expect.poll(() => list.textContent()).toContain('revoked');
    // The token this console is signed in with is marked as the session and cannot be revoked here.
    const own = list.getByRole('row').filter({ hasText: 'your session' });
    expect(await own.count()).toBe(1);
    expect(await own.getByRole('button').count()).toBe(0);
    const listed = await sentra.app.inject({ method: 'GET', url: '/v1/admin/tokens', headers: { authorization: `Bearer ${adminToken}` } });
    expect(listed.json().items.find((token: { name: string }) => token.name === 'checkout service').revoked_at).not.toBeNull();
  });

  it('issues a token with an expiry date, lists when it expires, and shows the refusal of a date in the past', async () => {
    const page = await signedIn(adminToken, '/admin/tokens');
    await page.getByRole('heading', { name: 'API tokens' }).waitFor();
    const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Name').fill('contractor');
    await page.getByLabel('Role').selectOption('analyst');
    await page.getByLabel('Expires on (optional)').fill(day);
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByLabel('New token secret').waitFor();
    const list = page.getByRole('table');
    await expect.poll(() => list.getByRole('row', { name: /contractor/ }).textContent()).toContain('expires');
    const listed = (await sentra.app.inject({ method: 'GET', url: '/v1/admin/tokens', headers: { authorization: `Bearer ${adminToken}` } })).json();
    expect(listed.items.find((token: { name: string }) => token.name === 'contractor').expires_at).toBe(`${day}T00:00:00.000Z`);
    // A date in the past: the API's refusal is shown by field, and nothing is created.
    await page.getByLabel('Name').fill('too late');
    await page.getByLabel('Expires on (optional)').fill('2020-01-01');
    await page.getByRole('button', { name: 'Create token' }).click();
    await expect.poll(() => page.locator('#token-problems').textContent()).toContain('expires_at must be in the future');
    const after = (await sentra.app.inject({ method: 'GET', url: '/v1/admin/tokens', headers: { authorization: `Bearer ${adminToken}` } })).json();
    expect(after.items.map((token: { name: string }) => token.name)).not.toContain('too late');
  });

  it('caps a name at the API limit of 100 characters and will not submit a blank one; nothing is created', async () => {
    const page = await signedIn(adminToken, '/admin/tokens');
    const before = (await sentra.app.inject({ method: 'GET', url: '/v1/admin/tokens', headers: { authorization: `Bearer ${adminToken}` } })).json().items.length;
    await page.getByLabel('Name').fill('x'.repeat(100) + 'y');
    expect(await page.getByLabel('Name').inputValue()).toHaveLength(100);
    await page.getByLabel('Name').fill('   ');
    expect(await page.getByRole('button', { name: 'Create token' }).isDisabled()).toBe(true);
    const after = (await sentra.app.inject({ method: 'GET', url: '/v1/admin/tokens', headers: { authorization: `Bearer ${adminToken}` } })).json().items.length;
    expect(after).toBe(before);
  });
});
