import { beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, type TestApp } from '../support/test-app.js';
import { browserAvailable, screenshot, servedToChromium } from '../support/browser.js';
import { readabilityProblems } from '../support/page-readability.js';
import { scoreBody } from '../support/score-body.js';

/** Fills a new app with one of each thing the pages show: a rule, a list, a merchant, a decision with its case. */
async function seedPages(sentra: TestApp) {
  const call = async (url: string, payload: object) => {
    const response = await sentra.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${adminToken}` }, payload });
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json();
  };
  const rule = (await call('/v1/rules', { name: 'Large card payments', expression: 'tx.amount > 5000.0 && tx.channel == "card"', action: 'HOLD' })).rule_id as string;
  await call('/v1/lists', { name: 'blocked_countries', kind: 'country' });
  const merchant = (await call('/v1/admin/merchants', { name: 'Corner shop' })).merchant_id as string;
  const decision = (await call('/v1/risk/score?save_as_case=true', scoreBody({ transaction: { amount: 6_400 } }))).request_id as string;
  const stored = await sentra.app.inject({ method: 'GET', url: `/v1/decisions/${decision}`, headers: { authorization: `Bearer ${adminToken}` } });
  return { rule, merchant, decision, case: stored.json().case.case_id as string };
}

/**
 * A screenshot of every page the flow suites do not already capture (index pages with something in
 * them, the rule editor, the not-found page), so test-artifacts/screenshots holds the whole console.
 */
describe.skipIf(!browserAvailable())('every console page, captured in headless Chromium', () => {
  let sentra: TestApp;

  beforeAll(async () => {
    sentra = await startTestApp('pglite');
    await seedPages(sentra);
  });
  const served = servedToChromium(() => sentra);

  it.each([
    ['/admin/rules', 'Rules', 'Large card payments', 'admin-rules'],
    ['/admin/rules/new', 'New rule', 'Condition (CEL)', 'admin-rule-new'],
    ['/admin/lists', 'Lists', 'blocked_countries', 'admin-lists'],
    ['/admin/merchants', 'Merchants', 'Corner shop', 'admin-merchants'],
    ['/no-such-page', 'No such page', 'No such page', 'not-found'],
  ])('%s', async (path, heading, content, name) => {
    const page = await served.pages.signedIn(adminToken, path === '/no-such-page' ? '/' : path);
    // An unknown path is reached inside the app (the server answers only its own paths with the page).
    if (path === '/no-such-page') {
      await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
      await page.evaluate(`history.pushState({}, '', '/no-such-page'); dispatchEvent(new PopStateEvent('popstate'))`);
    }
    await page.getByRole('heading', { name: heading, exact: true }).waitFor();
    await page.getByText(content).first().waitFor();
    await screenshot(page, name);
  });
});

/** Every page of the console, filled from the API, read at 1366×768 as a new user sees it. */
describe.skipIf(!browserAvailable())('every console page is readable on a 1366×768 laptop screen', () => {
  let sentra: TestApp;
  let ids: Awaited<ReturnType<typeof seedPages>>;

  beforeAll(async () => {
    sentra = await startTestApp('pglite');
    ids = await seedPages(sentra);
  });
  const served = servedToChromium(() => sentra);

  it.each([
    ['/', 'Dashboard'],
    ['/cases', 'Cases'],
    ['/cases/{case}', 'Case case_'],
    ['/manual-score', 'Manual score'],
    ['/decisions', 'Decisions'],
    ['/decisions/{decision}', 'Decision dec_'],
    ['/admin', 'Decision thresholds'],
    ['/admin/models', 'Models'],
    ['/admin/data', 'Data contract'],
    ['/admin/tokens', 'API tokens'],
    ['/admin/rules', 'Rules'],
    ['/admin/rules/new', 'New rule'],
    ['/admin/rules/{rule}', 'Large card payments'],
    ['/admin/lists', 'Lists'],
    ['/admin/lists/blocked_countries', 'blocked_countries'],
    ['/admin/merchants', 'Merchants'],
    ['/admin/merchants/{merchant}', 'Corner shop'],
    ['/admin/jobs', 'Background jobs'],
    ['/admin/audit', 'Audit trail'],
  ])('%s: no sideways scroll, every control named, text contrast at least WCAG AA', async (template, heading) => {
    const path = template.replace(/\{(\w+)\}/, (_, name: keyof typeof ids) => ids[name]);
    const page = await served.pages.signedIn(adminToken, path);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await readabilityProblems(page)).toEqual([]);
  });

  it('the check finds a sideways scroll, an unnamed control and faint text', async () => {
    const page = await served.pages.signedIn(adminToken, '/decisions');
    await page.getByRole('heading', { level: 1, name: 'Decisions' }).waitFor();
    await page.evaluate(`{
      const main = document.querySelector('main');
      const faint = main.appendChild(document.createElement('p'));
      faint.textContent = 'faint words';
      faint.style.color = '#bbbbbb';
      main.appendChild(document.createElement('input'));
      const wide = main.appendChild(document.createElement('div'));
      wide.textContent = 'wide';
      wide.style.width = '2000px';
    }`);
    const problems = await readabilityProblems(page);
    expect(problems, problems.join("\n")).toHaveLength(3);
    expect(problems[0]).toMatch(/^scrolls sideways/);
    expect(problems[1]).toMatch(/^no accessible name: <input>/);
    expect(problems[2]).toMatch(/^contrast 1\.\d+:1 of p "faint words"/);
  });
});
