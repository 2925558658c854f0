import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeChat, type FakeChat } from './support/fake-chat.js';
import { scoreBody } from './support/score-body.js';
import { adminToken, startTestApp, type TestApp } from './support/test-app.js';

const passport = (name: string) => ['PASSPORT', `Full name: ${name}`, 'Date of birth: 01.02.1980', 'Date of expiry: 2031-01-01'].join('\n');

describe('a hung enrichment provider', () => {
  let sentra: TestApp;
  let fake: FakeChat;

  beforeAll(async () => {
    fake = await startFakeChat();
    // The provider accepts each call and answers nothing for a minute.
    fake.answer = () => ({ content: '{}', delayMs: 60_000 });
    sentra = await startTestApp('pglite', {
      SENTRA_ENRICHMENT_PROVIDER: 'openai',
      SENTRA_LLM_BASE_URL: fake.baseUrl,
      SENTRA_LLM_MODEL: 'fake-model-1',
      SENTRA_LLM_API_KEY: 'test-llm-key',
      SENTRA_LLM_TIMEOUT_MS: '50000',
      SENTRA_WORKER_POLL_MS: '20',
    });
  });
  afterAll(async () => {
    await fake.close();
    await sentra.close();
  });

  const score = (body: object) => sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers: { authorization: `Bearer ${adminToken}` }, payload: body });

  it('never holds up scoring: payments with and without documents are answered while its calls hang', async () => {
    const first = await score(scoreBody({ entities: { sender_entity_id: 'slow-0' }, kyc_refs: [{ entity_id: 'slow-0', text_blob: passport('Anna Slow') }] }));
    expect(first.statusCode, first.body).toBe(200);
    for (let attempt = 0; attempt < 500 && fake.requests.length === 0; attempt++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.requests.length, 'the worker called the provider').toBeGreaterThan(0);

    // The worker is now waiting on the provider. Scoring goes on, documents or not.
    for (let index = 1; index <= 40; index++) {
      const withDocument = index % 2 === 0;
      const response = await score(
        scoreBody({ entities: { sender_entity_id: `slow-${index}` }, ...(withDocument ? { kyc_refs: [{ entity_id: `slow-${index}`, text_blob: passport(`Person ${index}`) }] } : {}) }),
      );
      expect(response.statusCode, response.body).toBe(200);
      if (withDocument) expect(response.json().llm_status).toBe('pending');
    }
    // Not one provider call has come back while all of that was answered.
    const enrichment = await sentra.app.inject({ method: 'GET', url: '/v1/enrichment/slow-0', headers: { authorization: `Bearer ${adminToken}` } });
    expect(enrichment.body).not.toContain('"ready"');
  });
});
