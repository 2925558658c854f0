import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { adminToken, startTestApp, type TestApp } from '../support/test-app.js';
import { scoreBody } from '../support/score-body.js';
import { listenOnLoopback } from '../support/listening-app.js';
import { browserAvailable, launchChromium, laptopViewport, screenshot, watchProblems } from '../support/browser.js';
import { measurePageLoad, recordLongTasks, reportTiming } from '../support/page-timing.js';

describe.skipIf(!browserAvailable())('the console in headless Chromium', () => {
  let sentra: TestApp;
  let base: string;
  let browser: Browser;
  let analystToken: string;
  const contexts: BrowserContext[] = [];
  let problems: string[] = [];

  beforeAll(async () => {
    sentra = await startTestApp('pglite');
    analystToken = await sentra.addToken('default', 'analyst');
    for (const amount of [12, 125.5, 980, 4_800, 25_000]) {
      const scored = await sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers: { authorization: `Bearer ${adminToken}` }, payload: scoreBody({ transaction: { amount } }) });
      expect(scored.statusCode).toBe(200);
    }
    base = await listenOnLoopback(sentra);
    browser = await launchChromium();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    expect(problems).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await sentra?.close();
  });

  async function openPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: laptopViewport });
    contexts.push(context);
    const page = await context.newPage();
    problems = watchProblems(page);
    return page;
  }

  async function signIn(page: Page, token: string, path = '/'): Promise<void> {
    await page.goto(base + path);
    await page.getByLabel('API token').fill(token);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  }

  it('signs in with a token kept in session storage, never in a URL, and returns to the page asked for', async () => {
    const page = await openPage();
    await page.goto(`${base}/manual-score`);
    await page.waitForURL(`${base}/sign-in`);
    await screenshot(page, 'sign-in');
    await page.getByLabel('API token').fill('not-a-token');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('unknown or revoked');
    await page.getByLabel('API token').fill(adminToken);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/manual-score`);
    expect(await page.evaluate<string | null>("sessionStorage.getItem('sentra.token')")).toBe(adminToken);
    expect(page.url()).not.toContain(adminToken);
    await page.reload();
    await page.getByRole('heading', { name: 'Manual score' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${base}/sign-in`);
    expect(await page.evaluate<string | null>("sessionStorage.getItem('sentra.token')")).toBeNull();
  });

  it('shows the dashboard from stored decisions', async () => {
    const page = await openPage();
    await signIn(page, adminToken);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    const figures = page.getByRole('list', { name: 'Key figures' });
    await expect.poll(() => figures.textContent()).toContain('Decisions5');
    await page.getByRole('img', { name: /Decisions per action over time/ }).waitFor();
    await page.getByRole('img', { name: /Decisions per risk-score bin/ }).waitFor();
    // The review backlog as the API counts it, and drift measured against the bundled model's validation histogram.
    const api = (await sentra.app.inject({ method: 'GET', url: '/v1/dashboard', headers: { authorization: `Bearer ${adminToken}` } })).json();
    const backlog = page.getByRole('region', { name: 'Review backlog' });
    expect(await backlog.getByRole('list', { name: 'Backlog figures' }).textContent()).toContain(`Unresolved cases${api.review_backlog.unresolved}`);
    expect(await backlog.textContent()).toContain('REVIEW 1 d');
    const drift = page.getByRole('region', { name: 'Score drift' });
    expect(await drift.getByRole('note').textContent()).toMatch(/Population stability index \d+\.\d{3}/);
    await drift.getByRole('img', { name: /Share of decisions per model-score bin/ }).waitFor();
    await screenshot(page, 'dashboard');
    await page.getByLabel('Window').selectOption('720');
    await page.waitForURL(`${base}/?hours=720`);
    await page.getByRole('heading', { name: 'Decisions per day' }).waitFor();
  });

  it('measures a cold load of the dashboard (reported, not asserted)', async () => {
    const page = await openPage();
    await page.addInitScript(`sessionStorage.setItem('sentra.token', ${JSON.stringify(adminToken)})`);
    await recordLongTasks(page);
    const timing = await measurePageLoad(page, `${base}/`, '.stat-cards', 'dashboard');
    expect(timing.readyMs).toBeGreaterThan(0);
    expect(timing.transferredBytes).toBeGreaterThan(0);
    reportTiming(timing);
  });

  it('validates a manual request as it is typed, scores it, and opens the stored decision', async () => {
    const page = await openPage();
    await signIn(page, adminToken, '/manual-score');
    const editor = page.getByLabel(/Scoring request/);
    await expect.poll(() => page.locator('#request-status').textContent()).toBe('Valid against the API schema.');
    const example = await editor.inputValue();
    await editor.fill(example.replace('"currency": "USD"', '"currency": "usd"').replace('"channel": "card"', '"channel": "fax"'));
    await expect.poll(() => page.locator('#request-problems').textContent()).toContain('/transaction/currency');
    expect(await page.locator('#request-problems').textContent()).toContain('/transaction/channel');
    expect(await page.getByRole('button', { name: /^Score/ }).isDisabled()).toBe(true);
    await editor.fill(example.replace('"amount": 125.5,', '"amount": 125.5'));
    await expect.poll(() => page.locator('#request-problems').textContent()).toMatch(/line \d+, column \d+/);
    await page.getByRole('button', { name: 'Reset to the example' }).click();
    await editor.focus();
    await page.keyboard.press('Control+Enter');
    const gauge = page.getByRole('meter', { name: /Risk score/ });
    await gauge.waitFor();
    const score = Number(await gauge.getAttribute('aria-valuenow'));
    expect(score).toBeGreaterThanOrEqual(0);
    expect(score).toBeLessThanOrEqual(1000);
    await page.getByRole('heading', { name: 'Evidence' }).waitFor();
    await screenshot(page, 'manual-score');
    const reference = page.getByRole('link', { name: /^dec_/ });
    const requestId = (await reference.textContent())!;
    await reference.click();
    await page.waitForURL(`${base}/decisions/${requestId}`);
    await page.getByRole('heading', { name: /Features/ }).waitFor();
    await page.locator('.contribution-chart').waitFor();
    expect(await page.locator('.contribution-chart figcaption ul').textContent()).toContain('raised the score');
    const stored = await sentra.app.inject({ method: 'GET', url: `/v1/decisions/${requestId}`, headers: { authorization: `Bearer ${adminToken}` } });
    expect(stored.json().risk_score).toBe(score);
    await screenshot(page, 'decision');
  });

  it('finds a decision by reference and says when there is none', async () => {
    const page = await openPage();
    await signIn(page, analystToken, '/decisions');
    await screenshot(page, 'decision-lookup');
    await page.getByLabel(/Decision reference/).fill('dec_does_not_exist');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('No decision with this reference');
  });

  it('previews a threshold change on the last 30 days, then saves it after confirmation', async () => {
    const page = await openPage();
    await signIn(page, adminToken, '/admin');
    await page.getByRole('heading', { name: 'Decision thresholds' }).waitFor();
    const table = page.locator('.effect-table');
    await expect.poll(() => table.textContent()).toContain('Proposed300/600/850');
    await page.getByLabel('Review at').fill('100');
    await expect.poll(() => table.textContent()).toContain('Proposed100/600/850');
    await screenshot(page, 'admin-thresholds');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Save thresholds' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved' }).count()).toBe(1);
    const stored = await sentra.app.inject({ method: 'GET', url: '/v1/admin/thresholds', headers: { authorization: `Bearer ${adminToken}` } });
    expect(stored.json()).toMatchObject({ review_at: 100, hold_at: 600, block_at: 850 });
    await page.getByLabel('Hold at').fill('50');
    await expect.poll(() => page.locator('#threshold-problems').textContent()).toContain('review_at ≤ hold_at ≤ block_at');
    expect(await page.getByRole('button', { name: 'Save thresholds' }).isDisabled()).toBe(true);
  });

  it('does not show admin pages to an analyst', async () => {
    const page = await openPage();
    await signIn(page, analystToken);
    const navigation = page.getByRole('navigation', { name: 'Main' });
    expect(await navigation.getByRole('link').allTextContents()).toEqual(['Dashboard', 'Cases', 'Manual score', 'Decisions']);
    await page.goto(`${base}/admin`);
    await page.getByRole('heading', { name: 'Not available to your role' }).waitFor();
    expect(await page.locator('.effect-table').count()).toBe(0);
    await screenshot(page, 'admin-as-analyst');
  });
});
