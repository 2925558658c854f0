import { beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, type TestApp } from '../support/test-app.js';
import { scoreBody } from '../support/score-body.js';
import { browserAvailable, screenshot, servedToChromium } from '../support/browser.js';

describe.skipIf(!browserAvailable())('the console case pages in headless Chromium', () => {
  let sentra: TestApp;
  let analystToken: string;
  let secondAnalystToken: string;
  const caseIds: string[] = [];

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const scoreEscalated = async (amount: number) => {
    const scored = await sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers: auth(adminToken), payload: scoreBody({ transaction: { amount } }) });
    expect(scored.statusCode).toBe(200);
    const decision = await sentra.app.inject({ method: 'GET', url: `/v1/decisions/${scored.json().request_id}`, headers: auth(adminToken) });
    return decision.json().case.case_id as string;
  };
  const caseOf = async (caseId: string) => (await sentra.app.inject({ method: 'GET', url: `/v1/cases/${caseId}`, headers: auth(adminToken) })).json();

  beforeAll(async () => {
    sentra = await startTestApp('pglite');
    analystToken = await sentra.addToken('default', 'analyst');
    secondAnalystToken = await sentra.addToken('default', 'analyst');
    // Every payment escalates (REVIEW from 0), so each score opens a case.
    const thresholds = await sentra.app.inject({ method: 'PUT', url: '/v1/admin/thresholds', headers: auth(adminToken), payload: { review_at: 0, hold_at: 1000, block_at: 1000 } });
    expect(thresholds.statusCode).toBe(200);
    for (const amount of [40, 900, 15_000]) caseIds.push(await scoreEscalated(amount));
  });
  const served = servedToChromium(() => sentra);

  const signedIn = (token: string, path: string) => served.pages.signedIn(token, path);

  it('lists the queue by priority with per-status counts, and keeps filters in the address', async () => {
    const page = await signedIn(analystToken, '/cases');
    await page.getByRole('heading', { name: 'Cases' }).waitFor();
    const rows = page.getByRole('table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    const priorities = (await rows.locator('td.number').evaluateAll((cells) => cells.map((cell) => cell.textContent ?? ''))).filter((_, index) => index % 3 === 0).map(Number);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    // The largest payment ranks first: 15,000 USD adds the most amount points.
    expect(await rows.first().textContent()).toContain('$15,000.00');
    await expect.poll(() => page.getByRole('navigation', { name: 'Case status' }).textContent()).toContain('Unresolved (3)');
    await screenshot(page, 'case-queue');
    await page.getByLabel('Assignee').selectOption('me');
    await page.waitForURL(`${served.base}/cases?assignee=me`);
    await page.getByText('No case matches these filters.').waitFor();
    await page.getByLabel('Assignee').selectOption('');
    await page.getByLabel('Sort').selectOption('created');
    await page.waitForURL(`${served.base}/cases?sort=created`);
    await expect.poll(() => rows.count()).toBe(3);
  });

  it('works a case: assign to me, note, resolve with a verdict, and shows each step on the timeline', async () => {
    const caseId = caseIds[1]!;
    const page = await signedIn(analystToken, `/cases/${caseId}`);
    await page.getByRole('heading', { name: `Case ${caseId}` }).waitFor();
    const facts = page.getByRole('definition').filter({ hasText: 'unassigned' });
    await facts.waitFor();
    await page.getByRole('button', { name: 'Assign to me' }).click();
    await page.getByRole('button', { name: 'Unassign' }).waitFor();
    await page.getByLabel('New note').fill('Card used from two countries within an hour.');
    await page.getByRole('button', { name: 'Add note' }).click();
    const timeline = page.getByRole('list', { name: 'Case timeline' });
    await expect.poll(() => timeline.textContent()).toContain('Note: Card used from two countries within an hour.');
    expect(await timeline.textContent()).toMatch(/Assigned to tok_/);
    await page.getByLabel('Verdict').selectOption('fraud');
    await page.getByRole('textbox', { name: 'Reason', exact: true }).fill('Confirmed with the cardholder');
    await page.getByRole('button', { name: 'Resolve', exact: true }).click();
    await page.getByRole('button', { name: 'Reopen' }).waitFor();
    await expect.poll(() => timeline.textContent()).toContain('Resolved as fraud: Confirmed with the cardholder');
    await expect.poll(() => page.getByRole('region', { name: /Labels/ }).textContent()).toContain('fraud from analyst');
    await screenshot(page, 'case-detail');
    // What the page showed is what the server stored.
    const stored = await caseOf(caseId);
    expect(stored.case).toMatchObject({ status: 'resolved', resolution: 'fraud' });
    expect(stored.notes.map((note: { text: string }) => note.text)).toEqual(['Card used from two countries within an hour.']);
    expect(stored.effective_label).toEqual({ source: 'analyst', label: 'fraud' });
  });

  it('tells an analyst whose view went stale that someone else changed the case, and acts on nothing', async () => {
    const caseId = caseIds[0]!;
    const page = await signedIn(analystToken, `/cases/${caseId}`);
    await page.getByRole('button', { name: 'Assign to me' }).waitFor();
    // A second analyst takes the case while the first still has version 1 on screen.
    const taken = await sentra.app.inject({ method: 'POST', url: `/v1/cases/${caseId}/assign`, headers: auth(secondAnalystToken), payload: { assignee: 'me', version: 1 } });
    expect(taken.statusCode).toBe(200);
    await page.getByLabel('Verdict').selectOption('legit');
    await page.getByRole('textbox', { name: 'Reason', exact: true }).fill('Known customer');
    await page.getByRole('button', { name: 'Resolve', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Someone changed this case');
    await expect.poll(() => page.getByRole('definition').filter({ hasText: /^2$/ }).count()).toBe(1);
    const stored = await caseOf(caseId);
    expect(stored.case).toMatchObject({ status: 'open', version: 2 });
    expect(stored.labels).toEqual([]);
  });

  it('bulk-resolves the selected cases from the queue and reports each one', async () => {
    const page = await signedIn(analystToken, '/cases');
    const remaining = [caseIds[0]!, caseIds[2]!];
    for (const caseId of remaining) await page.getByLabel(`Select ${caseId}`).check();
    const form = page.getByRole('form', { name: 'Resolve selected cases' });
    await form.getByLabel('Verdict').selectOption('legit');
    await form.getByLabel('Reason').fill('Reviewed in batch');
    await form.getByRole('button', { name: 'Resolve 2' }).click();
    await page.getByText('No case matches these filters.').waitFor();
    await page.getByRole('link', { name: /^Resolved/ }).click();
    await page.waitForURL(`${served.base}/cases?tab=resolved`);
    await expect.poll(() => page.getByRole('table').locator('tbody tr').count()).toBe(3);
    for (const caseId of remaining) expect((await caseOf(caseId)).case).toMatchObject({ status: 'resolved', resolution: 'legit' });
  });

  it('links a decision to its case, and answers an unknown case plainly', async () => {
    const detail = await caseOf(caseIds[2]!);
    const requestId = detail.decisions[0].request_id as string;
    const page = await signedIn(analystToken, `/decisions/${requestId}`);
    await page.getByRole('link', { name: caseIds[2]! }).click();
    await page.waitForURL(`${served.base}/cases/${caseIds[2]!}`);
    await page.getByRole('heading', { name: `Case ${caseIds[2]!}` }).waitFor();
    await page.goto(`${served.base}/cases/case_missing`);
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('No case with this id in your tenant.');
  });
});
