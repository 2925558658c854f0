import { beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, type TestApp } from '../support/test-app.js';
import { scoreBody } from '../support/score-body.js';
import { eventually, importSampleList } from '../support/enrichment.js';
import { browserAvailable, screenshot, servedToChromium } from '../support/browser.js';

/** A passport of a person on the sample list, expired, with a document number the server masks. */
const passport = ['REPUBLIC OF EXAMPLE - PASSPORT', 'Full name: Viktor A. Kolesnikov', 'Date of birth: 12.04.1968', 'Nationality: RU', 'Passport number: 7512345678', 'Date of expiry: 2020-01-04'].join('\n');

type Enrichment = { status: string; signals: Record<string, unknown>; documents: { text: string; evidence: { source: string; key: string; quote: string; span: string }[] }[] };

describe.skipIf(!browserAvailable())('the KYC signals of a case in headless Chromium', () => {
  let sentra: TestApp;
  let analystToken: string;
  let caseId: string;
  let enrichment: Enrichment;

  const auth = { authorization: `Bearer ${adminToken}` };

  beforeAll(async () => {
    sentra = await startTestApp('pglite', { SENTRA_WORKER_POLL_MS: '20' });
    analystToken = await sentra.addToken('default', 'analyst');
    await importSampleList(sentra);
    expect((await sentra.app.inject({ method: 'PUT', url: '/v1/admin/thresholds', headers: auth, payload: { review_at: 0, hold_at: 1000, block_at: 1000 } })).statusCode).toBe(200);
    const scored = await sentra.app.inject({
      method: 'POST',
      url: '/v1/risk/score',
      headers: auth,
      payload: scoreBody({ entities: { sender_entity_id: 'cust-kyc-1', sender_country: 'US' }, kyc_refs: [{ entity_id: 'cust-kyc-1', text_blob: passport }] }),
    });
    expect(scored.statusCode).toBe(200);
    caseId = (await sentra.app.inject({ method: 'GET', url: `/v1/decisions/${scored.json().request_id}`, headers: auth })).json().case.case_id;
    enrichment = await eventually(async () => {
      const response = await sentra.app.inject({ method: 'GET', url: '/v1/enrichment/cust-kyc-1', headers: auth });
      return response.statusCode === 200 && response.json().status === 'ready' ? (response.json() as Enrichment) : undefined;
    }, 15_000, 'the enrichment to be ready');
  });
  const served = servedToChromium(() => sentra);

  it("shows the party's signals, its list match, and each quote highlighted where it stands in the masked document", async () => {
    const page = await served.pages.signedIn(analystToken, `/cases/${caseId}`);
    const section = page.getByRole('region', { name: 'KYC signals' });
    await section.getByRole('heading', { name: /cust-kyc-1.*ready/ }).waitFor();
    const signals = section.getByRole('definition');
    expect(enrichment.signals).toMatchObject({ sanctions_match: true, document_expired: true });
    const sanctions = section.getByRole('term').filter({ hasText: /^sanctions_match$/ });
    expect(await sanctions.count()).toBe(1);
    expect(await signals.first().textContent()).toBe('yes');
    expect(await section.getByRole('list', { name: 'List matches' }).textContent()).toContain('“Viktor A. Kolesnikov” matched');

    const quoted = enrichment.documents[0]!.evidence.filter((item) => item.source === 'kyc_document');
    expect(quoted.length).toBeGreaterThan(0);
    const shown = section.getByLabel('Quote in the document text');
    await expect.poll(() => shown.count()).toBe(quoted.length);
    const text = enrichment.documents[0]!.text;
    for (const [index, item] of quoted.entries()) {
      const quote = shown.nth(index);
      expect(await quote.locator('mark').textContent()).toBe(item.quote);
      // The quote in its masked text, with up to 140 characters each side, at its own offsets.
      const [start, end] = item.span.split('-').map(Number) as [number, number];
      const from = Math.max(0, start - 140);
      const to = Math.min(text.length, end + 140);
      expect(await quote.textContent()).toBe(`${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`);
      // (this text has no character that HTML escapes)
      expect((await quote.innerHTML()).indexOf('<mark>')).toBe(start - from + (from > 0 ? 1 : 0));
    }
    expect(await section.textContent()).not.toContain('7512345678');
    await screenshot(page, 'case-kyc-signals');
  });
});
