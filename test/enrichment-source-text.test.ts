import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import { scoreBody } from './support/score-body.js';
import { eventually, importSampleList } from './support/enrichment.js';

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** A passport of a person on the sample list, expired, with a document number to mask. */
const passport = ['REPUBLIC OF EXAMPLE - PASSPORT', 'Full name: Viktor A. Kolesnikov', 'Date of birth: 12.04.1968', 'Passport number: 7512345678', 'Date of expiry: 2020-01-04'].join('\n');

type Enrichment = { status: string; documents: { text: string | null; evidence: { source: string; quote: string; span: string }[] }[] };

describe.each(storeKinds)('the source text of KYC evidence, on %s', (store) => {
  const apps: TestApp[] = [];
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
  });
  const start = async (environment: Record<string, string>) => {
    const sentra = await startTestApp(store, { SENTRA_WORKER_POLL_MS: '20', ...environment });
    apps.push(sentra);
    await importSampleList(sentra);
    return sentra;
  };
  /** Scores a payment carrying the passport for `entityId`, then waits until its enrichment is ready and `until` holds. */
  const ready = async (sentra: TestApp, entityId: string, until: (found: Enrichment) => boolean = () => true): Promise<Enrichment> => {
    const scored = await sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers: auth(adminToken), payload: scoreBody({ entities: { sender_entity_id: entityId }, kyc_refs: [{ entity_id: entityId, text_blob: passport }] }) });
    expect(scored.statusCode).toBe(200);
    return eventually(async () => {
      const response = await sentra.app.inject({ method: 'GET', url: `/v1/enrichment/${entityId}`, headers: auth(adminToken) });
      const found = response.json() as Enrichment;
      return response.statusCode === 200 && found.status === 'ready' && until(found) ? found : undefined;
    }, 15_000, 'the enrichment to be ready');
  };

  let kept: TestApp;
  beforeAll(async () => {
    kept = await start({});
  });

  it('gives each document its masked text, in which every document quote stands at its span', async () => {
    const found = await ready(kept, 'cust-source-1');
    const [document] = found.documents;
    expect(document!.text).toContain('Full name: Viktor A. Kolesnikov');
    expect(document!.text).not.toContain('7512345678');
    const quoted = document!.evidence.filter((item) => item.source === 'kyc_document');
    expect(quoted.length).toBeGreaterThan(0);
    for (const item of quoted) {
      const [from, to] = item.span.split('-').map(Number);
      expect(document!.text!.slice(from, to)).toBe(item.quote);
    }
  });

  it("never shows another tenant's text", async () => {
    const otherToken = await kept.addTenant(`tenant-${store}-x`, 'admin');
    const response = await kept.app.inject({ method: 'GET', url: '/v1/enrichment/cust-source-1', headers: auth(otherToken) });
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('Kolesnikov');
  });

  it('answers null once the text is deleted (retention 0), keeping the evidence', async () => {
    const forgetful = await start({ SENTRA_KYC_TEXT_RETENTION_DAYS: '0' });
    const found = await ready(forgetful, 'cust-source-2', (answer) => answer.documents[0]!.text === null);
    expect(found.documents[0]!.evidence.length).toBeGreaterThan(0);
  });
});
