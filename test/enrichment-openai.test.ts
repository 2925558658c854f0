import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import { scoreBody } from './support/score-body.js';
import { eventually, importSampleList } from './support/enrichment.js';
import { seriesValue } from './support/metrics-page.js';
import { documentTextOf, startFakeChat, type ChatRequest, type FakeChat } from './support/fake-chat.js';

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** A passport of a person on the sample list, expired, with a document number, an email and a phone to mask. */
const passport = (serial: string) =>
  [
    'REPUBLIC OF EXAMPLE - PASSPORT',
    'Full name: Viktor A. Kolesnikov',
    'Date of birth: 12.04.1968',
    'Nationality: RU',
    `Passport number: 75${serial}`,
    'Date of issue: 2010-01-05',
    'Date of expiry: 2020-01-04',
    'Contact: v.kolesnikov@example.org, phone +44 20 7946 0958',
  ].join('\n');

const noSignals = {
  document_expired: false,
  document_dates_invalid: false,
  name_mismatch: false,
  country_mismatch: false,
  high_risk_jurisdiction: false,
  recently_incorporated: false,
  shell_keywords: false,
  registered_agent_address: false,
};

/** An answer as a careful model gives it: expired, quoting the expiry date and naming the holder. */
const honestAnswer = () =>
  JSON.stringify({
    signals: { ...noSignals, document_expired: true },
    evidence: [{ source: 'kyc_document', key: 'document_expired', quote: '2020-01-04' }],
    facts: { names: ['Viktor A. Kolesnikov'], birth_date: '12.04.1968', company_name: null, directors: [] },
  });

type Document = { status: string; provider: string | null; llm_version: string | null; last_error: string | null; dropped_quotes: number; signals: Record<string, unknown> | null; evidence: { key: string; quote: string; span: string }[]; matches: { entry_id: string }[] };

describe.each(storeKinds)('the OpenAI-compatible chat provider against a local endpoint, on %s', (store) => {
  let sentra: TestApp;
  let fake: FakeChat;
  let budgetTenant: string;
  let serial = 1000;

  beforeAll(async () => {
    fake = await startFakeChat();
    sentra = await startTestApp(store, {
      SENTRA_ENRICHMENT_PROVIDER: 'openai',
      SENTRA_LLM_BASE_URL: fake.baseUrl,
      SENTRA_LLM_MODEL: 'fake-model-1',
      SENTRA_LLM_API_KEY: 'test-llm-key',
      SENTRA_LLM_TIMEOUT_MS: '300',
      SENTRA_LLM_TENANT_DAILY_TOKENS: '2000',
      SENTRA_WORKER_POLL_MS: '20',
      SENTRA_JOB_MAX_ATTEMPTS: '2',
      SENTRA_JOB_BACKOFF_MS: '10',
      SENTRA_JOB_BACKOFF_MAX_MS: '20',
    });
    budgetTenant = await sentra.addTenant('tenant-budget', 'admin');
    await importSampleList(sentra);
  });
  afterAll(async () => {
    await sentra.close();
    await fake.close();
  });

  /** Scores a payment of a new entity with one fresh passport; returns the entity id, the text and the answer. */
  const scoreDocument = async (token = adminToken) => {
    const entityId = `cust-llm-${serial++}`;
    const text = passport(String(serial));
    const response = await sentra.app.inject({
      method: 'POST',
      url: '/v1/risk/score',
      headers: auth(token),
      payload: scoreBody({ entities: { sender_entity_id: entityId, sender_country: 'RU' }, kyc_refs: [{ entity_id: entityId, text_blob: text }] }),
    });
    expect(response.statusCode).toBe(200);
    return { entityId, text, scored: response.json() as { llm_status: string; llm_version: string } };
  };
  /** The entity's one document once it is ready or given up. */
  const settled = (entityId: string, token = adminToken) =>
    eventually(async () => {
      const response = await sentra.app.inject({ method: 'GET', url: `/v1/enrichment/${entityId}`, headers: auth(token) });
      const document = response.json().documents?.[0] as Document | undefined;
      return document !== undefined && ['ready', 'dead'].includes(document.status) ? document : undefined;
    }, 15_000, `the document of ${entityId} to settle`);
  const metric = async (line: string) => {
    const text = (await sentra.app.inject({ method: 'GET', url: '/metrics' })).body;
    return seriesValue(text, line) ?? 0;
  };

  it('asks for schema-bound JSON with the configured model and key, keeps quoted signals, screens the names it read, and answers llm_version openai:model', async () => {
    fake.answer = () => ({ content: honestAnswer(), totalTokens: 40 });
    const { entityId, scored } = await scoreDocument();
    expect(scored).toMatchObject({ llm_status: 'pending', llm_version: 'openai:fake-model-1' });
    const document = await settled(entityId);
    expect(document).toMatchObject({ status: 'ready', provider: 'openai', llm_version: 'openai:fake-model-1', dropped_quotes: 0 });
    expect(document.signals).toMatchObject({ document_expired: true, sanctions_match: true, shell_keywords: false });
    expect(document.matches[0]).toMatchObject({ entry_id: 'sample-0001' });
    const stored = await sentra.runtime.database.db.selectFrom('kyc_refs').select('text_blob').where('entity_id', '=', entityId).executeTakeFirstOrThrow();
    for (const item of document.evidence) {
      const [start, end] = item.span.split('-').map(Number);
      expect(stored.text_blob!.slice(start, end)).toBe(item.quote);
    }
    const request = fake.requests.at(-1)!;
    expect(request.authorization).toBe('Bearer test-llm-key');
    expect(request.body.model).toBe('fake-model-1');
    expect(request.body.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'kyc_analysis', strict: true } });
    expect(Object.keys(request.body.response_format!.json_schema!.schema.properties as object)).toEqual(['signals', 'evidence', 'facts']);
  });

  it('never sends a document number, an email or a phone number to the provider', async () => {
    fake.answer = () => ({ content: honestAnswer(), totalTokens: 40 });
    const { entityId, text } = await scoreDocument();
    await settled(entityId);
    const sent = fake.requests.map((request: ChatRequest) => JSON.stringify(request.body)).join('\n');
    const documentNumber = /Passport number: (\d+)/.exec(text)![1]!;
    expect(sent).not.toContain(documentNumber);
    expect(sent).not.toContain('v.kolesnikov@example.org');
    expect(sent).not.toContain('7946');
    expect(documentTextOf(fake.requests.at(-1)!)).toContain('Passport number: [document-number]');
  });

  it('drops a quote the model invented, with the signal it was meant to prove, and counts it', async () => {
    const droppedBefore = await metric('sentra_enrichment_evidence_dropped_total{provider="openai"}');
    fake.answer = (request) => {
      expect(documentTextOf(request)).not.toContain('nominee');
      return {
        content: JSON.stringify({
          signals: { ...noSignals, document_expired: true, shell_keywords: true },
          evidence: [
            { source: 'kyc_document', key: 'document_expired', quote: '2020-01-04' },
            { source: 'kyc_document', key: 'shell_keywords', quote: 'held through a nominee director' },
          ],
          facts: { names: [], birth_date: null, company_name: null, directors: [] },
        }),
        totalTokens: 40,
      };
    };
    const { entityId } = await scoreDocument();
    const document = await settled(entityId);
    expect(document).toMatchObject({ status: 'ready', dropped_quotes: 1 });
    expect(document.signals).toMatchObject({ document_expired: true, shell_keywords: false });
    expect(document.evidence.map((item) => item.key)).toEqual(['document_expired']);
    expect(await metric('sentra_enrichment_evidence_dropped_total{provider="openai"}')).toBe(droppedBefore + 1);
  });

  it("keeps only the names and directors written in the document, so an invented director links no entities", async () => {
    const director = (names: string[]) => () => ({
      content: JSON.stringify({ signals: noSignals, evidence: [], facts: { names: [], birth_date: null, company_name: null, directors: names } }),
      totalTokens: 40,
    });
    // The model claims a director the first document does not name.
    fake.answer = director(['Marta Quell']);
    const first = await scoreDocument();
    await settled(first.entityId);
    // A second entity's document really names her: no overlap with the first may be found.
    fake.answer = director(['Marta Quell']);
    const entityId = `cust-llm-${serial++}`;
    const scored = await sentra.app.inject({
      method: 'POST',
      url: '/v1/risk/score',
      headers: auth(adminToken),
      payload: scoreBody({ entities: { sender_entity_id: entityId, sender_country: 'RU' }, kyc_refs: [{ entity_id: entityId, text_blob: `Company name: Quell Trading\nDirectors: Marta Quell\nRef ${serial}` }] }),
    });
    expect(scored.statusCode).toBe(200);
    const document = await settled(entityId);
    expect(document.signals).toMatchObject({ director_overlap: false, overlapping_entities: [] });
  });

  it.each([
    ['prose instead of JSON', { content: 'Sure! The passport looks expired.' }, "the model's answer is not JSON"],
    ['JSON off the schema', { content: JSON.stringify({ signals: { document_expired: 'yes' }, evidence: [] }) }, 'does not follow the schema'],
    ['an answer cut at the token limit', { content: '{"signals": {', finishReason: 'length' as const }, 'was cut at'],
    ['no answer within the timeout', { content: honestAnswer(), delayMs: 2_000 }, 'did not answer within 300 ms'],
  ])('retries %s, then dead-letters the job with the reason, stores nothing, and a retry from the admin API runs it again', async (_case, answer, reason) => {
    const calls = fake.requests.length;
    fake.answer = () => ({ totalTokens: 40, ...answer });
    const { entityId } = await scoreDocument();
    const document = await settled(entityId);
    expect(document).toMatchObject({ status: 'dead', provider: null, signals: null });
    expect(document.last_error).toContain(reason);
    expect(fake.requests.length - calls).toBe(2);

    fake.answer = () => ({ content: honestAnswer(), totalTokens: 40 });
    const jobs = (await sentra.app.inject({ method: 'GET', url: '/v1/admin/jobs?status=dead', headers: auth(adminToken) })).json().jobs as { id: string; payload: { entity_id: string } }[];
    const job = jobs.find((candidate) => candidate.payload.entity_id === entityId)!;
    expect((await sentra.app.inject({ method: 'POST', url: `/v1/admin/jobs/${job.id}/retry`, headers: auth(adminToken) })).statusCode).toBe(200);
    expect(await settled(entityId)).toMatchObject({ status: 'ready', provider: 'openai' });
  });

  it('dead-letters at once, without retrying, a request the provider refuses (a wrong key or model), and retries a rate limit', async () => {
    let calls = fake.requests.length;
    fake.answer = () => ({ content: 'Incorrect API key provided.', errorStatus: 401 });
    const refused = await scoreDocument();
    const document = await settled(refused.entityId);
    expect(document).toMatchObject({ status: 'dead', provider: null });
    expect(document.last_error).toContain('the provider refused the request (HTTP 401)');
    expect(fake.requests.length - calls).toBe(1);

    calls = fake.requests.length;
    fake.answer = () => ({ content: 'Rate limit reached.', errorStatus: 429 });
    const limited = await scoreDocument();
    expect((await settled(limited.entityId)).status).toBe('dead');
    expect(fake.requests.length - calls).toBe(2);
  });

  it("stops calling the model for a tenant that spent its daily budget, without touching other tenants' budgets", async () => {
    fake.answer = () => ({ content: honestAnswer(), totalTokens: 2_500 });
    const first = await scoreDocument(budgetTenant);
    expect(await settled(first.entityId, budgetTenant)).toMatchObject({ status: 'ready' });
    const calls = fake.requests.length;
    const second = await scoreDocument(budgetTenant);
    const refused = await settled(second.entityId, budgetTenant);
    expect(refused.status).toBe('dead');
    expect(refused.last_error).toMatch(/tenant tenant-budget spent its language-model budget of 2000 tokens for \d{4}-\d{2}-\d{2}/);
    expect(fake.requests.length).toBe(calls);

    fake.answer = () => ({ content: honestAnswer(), totalTokens: 40 });
    const other = await scoreDocument(adminToken);
    expect(await settled(other.entityId)).toMatchObject({ status: 'ready' });
    // The other tenant cannot see the budget tenant's documents.
    expect((await sentra.app.inject({ method: 'GET', url: `/v1/enrichment/${first.entityId}`, headers: auth(adminToken) })).statusCode).toBe(404);
  });
});
