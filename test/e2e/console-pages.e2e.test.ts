import { beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, type TestApp } from '../support/test-app.js';
import { browserAvailable, screenshot, servedToChromium } from '../support/browser.js';

/**
 * A screenshot of every page the flow suites do not already capture (index pages with something in
 * them, the rule editor, the not-found page), so test-artifacts/screenshots holds the whole console.
 */
describe.skipIf(!browserAvailable())('every console page, captured in headless Chromium', () => {
  let sentra: TestApp;

  beforeAll(async () => {
    sentra = await startTestApp('pglite');
    const call = async (url: string, payload: object) => {
      const response = await sentra.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${adminToken}` }, payload });
      expect(response.statusCode, response.body).toBeLessThan(300);
    };
    await call('/v1/rules', { name: 'Large card payments', expression: 'tx.amount > 5000.0 && tx.channel == "card"', action: 'HOLD' });
    await call('/v1/lists', { name: 'blocked_countries', kind: 'country' });
    await call('/v1/admin/merchants', { name: 'Corner shop' });
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
