import { beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, type TestApp } from '../support/test-app.js';
import { scoreBody } from '../support/score-body.js';
import { browserAvailable, screenshot, servedToChromium } from '../support/browser.js';

describe.skipIf(!browserAvailable())('the console rule and list administration in headless Chromium', () => {
  let sentra: TestApp;
  let analystToken: string;

  const auth = { authorization: `Bearer ${adminToken}` };
  const get = async (url: string) => (await sentra.app.inject({ method: 'GET', url, headers: auth })).json();

  beforeAll(async () => {
    sentra = await startTestApp('pglite');
    analystToken = await sentra.addToken('default', 'analyst');
    for (const amount of [40, 900, 15_000]) {
      const scored = await sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers: auth, payload: scoreBody({ transaction: { amount } }) });
      expect(scored.statusCode).toBe(200);
    }
  });
  const served = servedToChromium(() => sentra);

  it('shows a compile error at its line and column with the cursor there, writes nothing, then creates, edits, disables and archives the rule', async () => {
    const page = await served.pages.signedIn(adminToken, '/admin');
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Rules' }).click();
    await page.waitForURL(`${served.base}/admin/rules`);
    await page.getByText('No rule yet.').waitFor();
    await page.getByRole('link', { name: 'New rule' }).click();
    await page.getByLabel('Name').fill('Large card payments');
    await page.getByLabel('Condition (CEL)').fill('tx.amount >\n  && tx.channel == "card"');
    await page.getByLabel('Action').selectOption('HOLD');
    await page.getByRole('button', { name: 'Create rule' }).click();
    const where = page.getByLabel('Error at line 2, column 3');
    await where.waitFor();
    expect(await where.textContent()).toMatch(/^2 \| {3}&& tx\.channel == "card"\n {6}\^ /);
    expect(await page.locator('#rule-problems').textContent()).toContain('/expression');
    expect(await page.getByLabel('Condition (CEL)').getAttribute('aria-invalid')).toBe('true');
    // The cursor waits at the error (offset 14, the "&&" of line 2), so the keyboard fixes it in place.
    expect(await page.evaluate('[document.activeElement.id, document.activeElement.selectionStart]')).toEqual(['rule-expression', 14]);
    await screenshot(page, 'admin-rule-compile-error');
    expect((await get('/v1/rules?include_archived=true')).rules).toEqual([]);
    for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.type(' 500');
    expect(await page.getByLabel('Condition (CEL)').inputValue()).toBe('tx.amount > 500\n  && tx.channel == "card"');
    expect(await where.count()).toBe(0);
    await page.getByLabel('Name').press('Enter');
    await page.getByRole('heading', { name: 'Rule “Large card payments”' }).waitFor();
    const ruleId = new URL(page.url()).pathname.split('/').at(-1)!;
    expect(await get(`/v1/rules/${ruleId}`)).toMatchObject({ version: 1, action: 'HOLD', enabled: true, expression: 'tx.amount > 500\n  && tx.channel == "card"' });

    // Editing saves the next version; both are listed, newest first.
    await page.getByLabel('Action').selectOption('score');
    await page.getByLabel('Points').fill('120');
    await page.getByRole('button', { name: 'Save new version' }).click();
    await page.getByRole('heading', { name: 'Version 2' }).waitFor();
    const versions = page.getByRole('list', { name: 'Rule versions' }).locator(':scope > li');
    await expect.poll(() => versions.count()).toBe(2);
    expect(await versions.first().textContent()).toContain('v2');
    expect(await versions.first().textContent()).toContain('+120 points');
    expect(await get(`/v1/rules/${ruleId}`)).toMatchObject({ version: 2, action: { score: 120 } });
    await screenshot(page, 'admin-rule');

    await page.getByRole('button', { name: 'Disable' }).click();
    await page.getByRole('button', { name: 'Enable' }).waitFor();
    expect((await get(`/v1/rules/${ruleId}`)).enabled).toBe(false);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Archive' }).click();
    await expect.poll(() => page.getByRole('definition').filter({ hasText: /^archived$/ }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Save new version' }).count()).toBe(0);
    expect((await get(`/v1/rules/${ruleId}`)).status).toBe('archived');
    expect((await get('/v1/rules')).rules).toEqual([]);
  });

  it('refuses a duplicate name with its field path and keeps the rule unwritten', async () => {
    const created = await sentra.app.inject({ method: 'POST', url: '/v1/rules', headers: auth, payload: { name: 'Night transfers', expression: 'tx.amount > 10', action: 'REVIEW' } });
    expect(created.statusCode).toBe(201);
    const page = await served.pages.signedIn(adminToken, '/admin/rules/new');
    await page.getByLabel('Name').fill('Night transfers');
    await page.getByLabel('Condition (CEL)').fill('tx.amount > 20');
    await page.getByRole('button', { name: 'Create rule' }).click();
    await expect.poll(() => page.locator('#rule-problems').textContent()).toMatch(/\/name.*a rule named "Night transfers" exists already/);
    expect(await page.getByLabel('Name').getAttribute('aria-invalid')).toBe('true');
    expect((await get('/v1/rules')).rules.filter((rule: { name: string }) => rule.name === 'Night transfers')).toHaveLength(1);
  });

  it('backtests a draft over the stored decisions with the figures the API gives, and locates a draft that does not compile', async () => {
    const page = await served.pages.signedIn(adminToken, '/admin/rules/new');
    await page.getByLabel('Condition (CEL)').fill('tx.amount > 500');
    await page.getByLabel('Action').selectOption('BLOCK');
    await page.getByRole('button', { name: 'Backtest this draft' }).click();
    const result = page.getByRole('status', { name: 'Backtest result' });
    await result.waitFor();
    const from = await page.getByLabel('From').inputValue();
    const to = await page.getByLabel('To (not included)').inputValue();
    const expected = (
      await sentra.app.inject({ method: 'POST', url: '/v1/rules/backtest', headers: auth, payload: { expression: 'tx.amount > 500', action: 'BLOCK', from: `${from}T00:00:00.000Z`, to: `${to}T00:00:00.000Z` } })
    ).json();
    expect(expected.evaluated).toBeGreaterThanOrEqual(3);
    expect(expected.hits.transactions).toBeGreaterThanOrEqual(2);
    const facts = await result.getByRole('definition').allTextContents();
    expect(facts[0]).toBe(String(expected.evaluated));
    expect(facts[1]).toMatch(new RegExp(`^${expected.hits.transactions} \\(`));
    expect(await result.getByRole('table', { name: /Examples/ }).locator('tbody tr').count()).toBe(expected.examples.length);
    await screenshot(page, 'admin-rule-backtest');
    await page.getByLabel('Condition (CEL)').fill('tx.amount >> 5');
    await page.getByRole('button', { name: 'Backtest this draft' }).click();
    await expect.poll(() => page.locator('#backtest-problems').textContent()).toMatch(/\/expression.*line 1, column/);
  });

  it('creates a list, refuses a bad value by its position writing nothing, adds typed values and a CSV file, and removes the selected entries', async () => {
    const page = await served.pages.signedIn(adminToken, '/admin');
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Lists' }).click();
    await page.getByLabel('Name').fill('blocked_countries');
    await page.getByLabel('Kind').selectOption('country');
    await page.getByRole('button', { name: 'Create list' }).click();
    await page.waitForURL(`${served.base}/admin/lists/blocked_countries`);
    await page.getByText('No live entry.').waitFor();

    await page.getByLabel('Values, one per line').fill('DE\nUSA\nfr');
    await page.getByRole('button', { name: 'Add 3 entries' }).click();
    await expect.poll(() => page.locator('#entry-problems').textContent()).toMatch(/\/entries\/1\/value.*a country is an ISO-3166 alpha-2 code/);
    expect((await get('/v1/lists/blocked_countries')).entry_count).toBe(0);

    await page.getByLabel('Values, one per line').fill('DE\nfr');
    await page.getByLabel('Note for these values').fill('sanctions review 2026');
    await page.getByRole('button', { name: 'Add 2 entries' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Received 2' }).textContent()).toContain('written 2');
    await page.getByLabel('Or a CSV file').setInputFiles({ name: 'more.csv', mimeType: 'text/csv', buffer: Buffer.from('value,note,expires_at\nIT,from the file,\n') });
    await page.getByRole('button', { name: 'Upload more.csv' }).click();
    const rows = page.getByRole('table', { name: 'Entries of blocked_countries' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.allTextContents()).toEqual([expect.stringContaining('DEsanctions review 2026'), expect.stringContaining('FRsanctions review 2026'), expect.stringContaining('ITfrom the file')]);
    await screenshot(page, 'admin-list');

    await page.getByLabel('Select DE').check();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Remove selected (1)' }).click();
    await expect.poll(() => rows.count()).toBe(2);
    expect((await get('/v1/lists/blocked_countries')).entries.map((entry: { value: string }) => entry.value)).toEqual(['FR', 'IT']);

    // A rule names the list: deleting it is refused, the rule named; once the rule is archived it goes.
    const rule = (await sentra.app.inject({ method: 'POST', url: '/v1/rules', headers: auth, payload: { name: 'Blocked countries', expression: 'entities.sender_country in lists.blocked_countries', action: 'BLOCK' } })).json();
    expect(rule.rule_id).toBeDefined();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Delete list blocked_countries' }).click();
    await expect.poll(() => page.locator('#delete-list-problems').textContent()).toContain(`/rules/${rule.rule_id}`);
    expect(await page.locator('#delete-list-problems').textContent()).toContain('archive or edit those rules first');
    expect((await get('/v1/lists/blocked_countries')).entry_count).toBe(2);
    expect((await sentra.app.inject({ method: 'DELETE', url: `/v1/rules/${rule.rule_id}`, headers: auth })).statusCode).toBeLessThan(300);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Delete list blocked_countries' }).click();
    await page.waitForURL(`${served.base}/admin/lists`);
    expect((await sentra.app.inject({ method: 'GET', url: '/v1/lists/blocked_countries', headers: auth })).statusCode).toBe(404);
  });

  it('keeps rules and lists from an analyst', async () => {
    const page = await served.pages.signedIn(analystToken, '/admin/rules');
    await page.getByRole('heading', { name: 'Not available to your role' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).count()).toBe(0);
  });
});
