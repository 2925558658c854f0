import { beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, type TestApp } from '../support/test-app.js';
import { scoreBody } from '../support/score-body.js';
import { browserAvailable, screenshot, servedToChromium } from '../support/browser.js';

describe.skipIf(!browserAvailable())('the case queue at the keyboard in headless Chromium', () => {
  let sentra: TestApp;
  let analystToken: string;
  let analystId: string;

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const score = async (amount: number, query = '') => {
    const scored = await sentra.app.inject({ method: 'POST', url: `/v1/risk/score${query}`, headers: auth(adminToken), payload: scoreBody({ transaction: { amount } }) });
    expect(scored.statusCode).toBe(200);
    return scored.json().request_id as string;
  };
  const caseOfDecision = async (requestId: string) =>
    (await sentra.app.inject({ method: 'GET', url: `/v1/decisions/${requestId}`, headers: auth(adminToken) })).json().case as { case_id: string; manual: boolean } | null;
  const caseOf = async (caseId: string) => (await sentra.app.inject({ method: 'GET', url: `/v1/cases/${caseId}`, headers: auth(adminToken) })).json();

  beforeAll(async () => {
    sentra = await startTestApp('pglite');
    analystToken = await sentra.addToken('default', 'analyst');
    analystId = (await sentra.app.inject({ method: 'GET', url: '/v1/me', headers: auth(analystToken) })).json().token_id;
    // Every payment escalates (REVIEW from 0), so each score opens a case.
    const thresholds = await sentra.app.inject({ method: 'PUT', url: '/v1/admin/thresholds', headers: auth(adminToken), payload: { review_at: 0, hold_at: 1000, block_at: 1000 } });
    expect(thresholds.statusCode).toBe(200);
    const rule = await sentra.app.inject({ method: 'POST', url: '/v1/rules', headers: auth(adminToken), payload: { name: 'Payments over 10,000', expression: 'tx.amount > 10000.0', action: 'HOLD' } });
    expect(rule.statusCode, rule.body).toBe(201);
    await score(40);
  });
  const served = servedToChromium(() => sentra);

  it('shows a newly scored case without a reload, then j / a / Enter / f work it to a fraud label the API returns', async () => {
    const page = await served.pages.signedIn(analystToken, '/cases');
    const rows = page.getByRole('table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    const caseId = (await caseOfDecision(await score(25_000)))!.case_id;
    // The queue refreshes itself: the new case (the largest payment, so the highest priority) comes first.
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
    expect(await rows.first().textContent()).toContain(caseId);
    await page.keyboard.press('j');
    await expect.poll(() => page.evaluate<string | undefined>('document.activeElement?.textContent')).toBe(caseId);
    expect(await rows.first().getAttribute('class')).toBe('active-row');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await expect.poll(() => page.evaluate<string | undefined>('document.activeElement?.textContent')).toBe(caseId);
    await page.keyboard.press('a');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'assigned to you' }).textContent()).toBe(`${caseId} is assigned to you.`);
    expect((await caseOf(caseId)).case.assignee).toBe(analystId);
    await screenshot(page, 'case-queue-keyboard');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${served.base}/cases/${caseId}`);
    await page.getByRole('heading', { name: 'Reasons' }).waitFor();
    expect(await page.getByRole('region', { name: 'Reasons' }).locator('code').count()).toBeGreaterThan(0);
    await page.getByRole('heading', { name: 'Evidence' }).waitFor();
    await page.getByRole('region', { name: 'Why this score' }).locator('.contribution-chart').waitFor();
    const ruleHits = page.getByRole('region', { name: 'Rule hits' });
    await expect.poll(() => ruleHits.getByRole('table').textContent()).toMatch(/Payments over 10,000 v1HOLDlivehit/);
    // Related payments of the same sender, device and receiver, as many as the API relates.
    const related = (await caseOf(caseId)).related;
    const relatedTabs = page.getByRole('region', { name: /Related payments/ }).getByRole('tab');
    expect(await relatedTabs.allTextContents()).toEqual([`Same sender (${related.sender.length})`, `Same device (${related.device.length})`, `Same receiver (${related.receiver.length})`]);
    expect(related.sender.length).toBeGreaterThan(0);
    expect(await page.getByRole('region', { name: /Related payments/ }).getByRole('table').textContent()).toContain(related.sender[0].decision);
    await page.getByRole('button', { name: 'Unassign' }).waitFor();
    await page.keyboard.press('f');
    expect(await page.evaluate<string | undefined>("document.activeElement?.closest('label')?.textContent")).toMatch(/^Reason/);
    expect(await page.getByLabel('Verdict').inputValue()).toBe('fraud');
    await page.keyboard.type('Stolen card, confirmed by the issuer');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Reopen' }).waitFor();
    const stored = await caseOf(caseId);
    expect(stored.case).toMatchObject({ status: 'resolved', resolution: 'fraud' });
    expect(stored.effective_label).toEqual({ source: 'analyst', label: 'fraud' });
  });

  it('resolves as legit with l, and a shortcut letter typed in a field stays text', async () => {
    const caseId = (await caseOfDecision(await score(60)))!.case_id;
    const page = await served.pages.signedIn(analystToken, `/cases/${caseId}`);
    await page.getByRole('button', { name: 'Assign to me' }).waitFor();
    await page.keyboard.press('l');
    expect(await page.getByLabel('Verdict').inputValue()).toBe('legit');
    await page.keyboard.type('fl known customer');
    expect(await page.getByLabel('Verdict').inputValue()).toBe('legit');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Reopen' }).waitFor();
    expect((await caseOf(caseId)).case).toMatchObject({ status: 'resolved', resolution: 'legit' });
    expect((await caseOf(caseId)).labels.at(-1)).toMatchObject({ label: 'legit' });
  });

  it('keeps the score range, dates and KYC filter in the address, / goes to the filters, and saves a view', async () => {
    const page = await served.pages.signedIn(analystToken, '/cases?tab=resolved');
    const rows = page.getByRole('table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    await page.keyboard.press('/');
    expect(await page.evaluate<string | undefined>("document.activeElement?.closest('label')?.textContent")).toMatch(/^Decision/);
    await page.getByLabel('KYC documents').selectOption('false');
    await page.getByLabel('Maximum score').fill('1000');
    const today = new Date().toISOString().slice(0, 10);
    await page.getByLabel('Created from').fill(today);
    await page.waitForURL(`${served.base}/cases?tab=resolved&score_max=1000&from=${today}&kyc=false`);
    await expect.poll(() => rows.count()).toBe(2);
    await page.getByLabel('Created to').fill('2020-01-01');
    await page.getByText('No case matches these filters.').waitFor();
    await page.getByLabel('Created to').fill('');
    await page.getByLabel('View name').fill('Resolved today');
    await page.getByRole('button', { name: 'Save this view' }).click();
    await page.goto(`${served.base}/cases`);
    await page.getByRole('list', { name: 'Saved views' }).getByRole('link', { name: 'Resolved today' }).click();
    await page.waitForURL(`${served.base}/cases?tab=resolved&score_max=1000&from=${today}&kyc=false`);
    await expect.poll(() => rows.count()).toBe(2);
    await screenshot(page, 'case-queue-saved-view');
    await page.getByRole('button', { name: 'Remove view Resolved today' }).click();
    await page.getByText('None yet').waitFor();
  });

  it('scores a manual request as a case (marked manual), linked from the answer', async () => {
    const page = await served.pages.signedIn(analystToken, '/manual-score');
    await expect.poll(() => page.locator('#request-status').textContent(), { timeout: 10_000 }).toBe('Valid against the API schema.');
    await page.getByLabel(/Save as a case/).check();
    await page.getByLabel(/Scoring request/).focus();
    await page.keyboard.press('Control+Enter');
    const link = page.getByRole('link', { name: /^case_/ });
    await link.waitFor();
    const caseId = (await link.textContent())!;
    await screenshot(page, 'manual-score-case');
    expect((await caseOf(caseId)).case).toMatchObject({ manual: true, status: 'open' });
    await link.click();
    await page.waitForURL(`${served.base}/cases/${caseId}`);
    await page.getByRole('heading', { name: `Case ${caseId}` }).waitFor();
  });

  it("filters by KYC signal status, kept in the address, and shows each case's status", async () => {
    // A document of the sender stored without a result yet (as an import leaves it until its job has run).
    const at = new Date();
    await sentra.runtime.database.db
      .insertInto('kyc_refs')
      .values({ tenant_id: 'default', entity_id: 'e2e-kyc-sender', ref_key: 'e2e-kyc-doc', doc_hash: 'e2e-kyc-hash', doc_s3_url: null, text_blob: null, created_at: at, updated_at: at })
      .execute();
    const scored = await sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers: auth(adminToken), payload: scoreBody({ entities: { sender_entity_id: 'e2e-kyc-sender' } }) });
    const caseId = (await caseOfDecision(scored.json().request_id))!.case_id;
    const page = await served.pages.signedIn(analystToken, '/cases');
    const rows = page.getByRole('table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    await page.getByLabel('KYC status').selectOption('pending');
    await page.waitForURL(`${served.base}/cases?kyc_status=pending`);
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(caseId);
    expect(await rows.first().locator('td').nth(7).textContent()).toBe('pending');
    await page.getByLabel('KYC status').selectOption('flagged');
    await page.getByText('No case matches these filters.').waitFor();
    // The address alone restores the filter.
    await page.goto(`${served.base}/cases?kyc_status=none`);
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    expect(await page.getByLabel('KYC status').inputValue()).toBe('none');
    expect(await rows.allTextContents()).not.toContainEqual(expect.stringContaining(caseId));
    await screenshot(page, 'case-queue-kyc-status');
  });

  it('moves focus in reading order with Tab: skip link, navigation, sign out, status tabs, then the filters', async () => {
    const page = await served.pages.signedIn(analystToken, '/cases');
    await page.getByRole('table').waitFor();
    const stops: string[] = [];
    for (let step = 0; step < 14; step += 1) {
      await page.keyboard.press('Tab');
      stops.push(await page.evaluate<string>("(document.activeElement.closest('label')?.firstChild?.textContent ?? document.activeElement.textContent).trim().replace(/\\s*\\(\\d+\\)$/, '')"));
    }
    expect(stops).toEqual(['Skip to content', 'Dashboard', 'Cases', 'Manual score', 'Decisions', 'Sign out', 'Unresolved', 'Open', 'In review', 'Escalated', 'Resolved', 'Decision', 'Assignee', 'Minimum score']);
    // The skip link takes the keyboard past the navigation to the page.
    await page.goto(`${served.base}/cases`);
    await page.getByRole('table').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('main');
  });
});
