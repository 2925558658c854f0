import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import { scoreBody } from './support/score-body.js';
import { eventually, importSampleList } from './support/enrichment.js';

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** A passport of a person on the sample list, expired, with a document number and an email to mask. */
const passport = [
  'REPUBLIC OF EXAMPLE - PASSPORT',
  'Full name: Viktor A. Kolesnikov',
  'Date of birth: 12.04.1968',
  'Nationality: RU',
  'Passport number: 7512345678',
  'Date of issue: 2010-01-05',
  'Date of expiry: 2020-01-04',
  'Contact: v.kolesnikov@example.org',
].join('\n');

describe.each(storeKinds)('KYC enrichment, score to signal, on %s', (store) => {
  let sentra: TestApp;
  let otherTenant: string;

  beforeAll(async () => {
    sentra = await startTestApp(store, { SENTRA_WORKER_POLL_MS: '20' });
    otherTenant = await sentra.addTenant('tenant-b', 'admin');
    await importSampleList(sentra);
  });
  afterAll(async () => {
    await sentra.close();
  });

  const score = (body: object, token = adminToken) => sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers: auth(token), payload: body });
  const enrichment = (entityId: string, token = adminToken) => sentra.app.inject({ method: 'GET', url: `/v1/enrichment/${entityId}`, headers: auth(token) });
  const ref = { entity_id: 'cust-kyc-1', text_blob: passport };
  const entities = { sender_entity_id: 'cust-kyc-1', sender_country: 'US' };

  it('answers pending at once, runs the job, stores verified signals, and the next score sees them', async () => {
    const first = await score(scoreBody({ entities, kyc_refs: [ref] }));
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ llm_status: 'pending', llm_version: 'builtin:rules-1' });
    expect(first.json().reasons.filter((reason: string) => reason.startsWith('KYC_'))).toEqual([]);

    const ready: { signals: object; documents: { matches: object[]; evidence: { key: string; quote: string; span: string }[] }[] } = await eventually(async () => {
      const response = await enrichment('cust-kyc-1');
      return response.statusCode === 200 && response.json().status === 'ready' ? response.json() : undefined;
    }, 15_000, 'the enrichment to be ready');
    expect(ready.signals).toMatchObject({ sanctions_match: true, document_expired: true, country_mismatch: true, pep_match: false });
    const document = ready.documents[0]!;
    expect(document.matches[0]).toMatchObject({ list: 'sanctions', entry_id: 'sample-0001', screened_name: 'Viktor A. Kolesnikov' });
    expect(document.evidence.map((item) => item.key)).toEqual(expect.arrayContaining(['sanctions_match', 'document_expired', 'country_mismatch']));
    // Every quote is verbatim at its span of the stored (masked) text.
    const stored = await sentra.runtime.database.db.selectFrom('kyc_refs').select('text_blob').where('entity_id', '=', 'cust-kyc-1').executeTakeFirstOrThrow();
    expect(stored.text_blob).not.toContain('7512345678');
    expect(stored.text_blob).not.toContain('v.kolesnikov@example.org');
    for (const item of document.evidence) {
      const [start, end] = item.span.split('-').map(Number);
      expect(stored.text_blob!.slice(start, end)).toBe(item.quote);
    }

    // The next score of the same entity (no documents this time) carries the signals as reasons and evidence.
    const next = await score(scoreBody({ entities }));
    expect(next.json().llm_status).toBe('ready');
    expect(next.json().reasons).toEqual(expect.arrayContaining(['KYC_SANCTIONS_MATCH', 'KYC_DOCUMENT_EXPIRED']));
    expect(next.json().evidence).toEqual(expect.arrayContaining([expect.objectContaining({ source: 'kyc_document', key: 'sanctions_match', quote: 'Viktor A. Kolesnikov' })]));

    // The same document again: answered ready at once from the cache, and no second job.
    const cached = await score(scoreBody({ entities, kyc_refs: [ref] }));
    expect(cached.json().llm_status).toBe('ready');
    // (A job is marked done just after its result is stored, so the mark is waited for.)
    const jobs = await eventually(async () => {
      const answer = await sentra.app.inject({ method: 'GET', url: '/v1/admin/jobs', headers: auth(adminToken) });
      return answer.json().jobs[0]?.status === 'done' ? answer : undefined;
    }, 10_000, 'the job to be done');
    expect(jobs.json().jobs.filter((job: { payload: { entity_id: string } }) => job.payload.entity_id === 'cust-kyc-1')).toHaveLength(1);
    expect(jobs.json().jobs[0]).toMatchObject({ kind: 'kyc_enrichment', status: 'done', attempts: 1 });
  });

  it("puts the finished analysis on the case's timeline as enrichment_ready, with the signals found", async () => {
    const caseRef = { entity_id: 'cust-kyc-case', text_blob: passport.replace('7512345678', '7512345679') };
    const scored = await sentra.app.inject({ method: 'POST', url: '/v1/risk/score?save_as_case=true', headers: auth(adminToken), payload: scoreBody({ entities: { sender_entity_id: 'cust-kyc-case', sender_country: 'US' }, kyc_refs: [caseRef] }) });
    expect(scored.statusCode).toBe(200);
    const decision = (await sentra.app.inject({ method: 'GET', url: `/v1/decisions/${scored.json().request_id}`, headers: auth(adminToken) })).json();
    type Entry = { kind: string; actor: string; detail: { entity_id: string; signals: Record<string, boolean> } };
    const timeline = await eventually<Entry[]>(async () => {
      const detail = await sentra.app.inject({ method: 'GET', url: `/v1/cases/${decision.case.case_id}`, headers: auth(adminToken) });
      const entries = detail.json().timeline as Entry[];
      return entries.some((entry) => entry.kind === 'enrichment_ready') ? entries : undefined;
    }, 15_000, 'the enrichment on the case timeline');
    expect(timeline.map((entry) => entry.kind)).toEqual(['created', 'enrichment_ready']);
    expect(timeline[1]).toMatchObject({ actor: 'system', detail: { entity_id: 'cust-kyc-case', signals: { sanctions_match: true, document_expired: true } } });

    // The case detail's enrichment section: the sender's documents with their signals, matches and evidence.
    const detail = (await sentra.app.inject({ method: 'GET', url: `/v1/cases/${decision.case.case_id}`, headers: auth(adminToken) })).json();
    expect(detail.enrichment.receiver).toBeNull();
    expect(detail.enrichment.sender).toMatchObject({ entity_id: 'cust-kyc-case', status: 'ready', signals: { sanctions_match: true, document_expired: true } });
    expect(detail.enrichment.sender.documents).toEqual([
      expect.objectContaining({ status: 'ready', provider: 'builtin', llm_version: 'builtin:rules-1', matches: [expect.objectContaining({ entry_id: 'sample-0001' })] }),
    ]);
    expect(detail.enrichment.sender.documents[0].evidence).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'document_expired', quote: '2020-01-04' })]));
  });

  it('keeps tenants apart: no signals, no cache and no jobs across tenants', async () => {
    expect((await enrichment('cust-kyc-1', otherTenant)).statusCode).toBe(404);
    const theirs = await score(scoreBody({ entities, kyc_refs: [ref] }), otherTenant);
    expect(theirs.json().llm_status).toBe('pending');
    expect(theirs.json().reasons.filter((reason: string) => reason.startsWith('KYC_'))).toEqual([]);
    const jobs = await sentra.app.inject({ method: 'GET', url: '/v1/admin/jobs', headers: auth(otherTenant) });
    expect(jobs.json().jobs).toHaveLength(1);
  });

  it('lets a rule act on signals.kyc: no hit while the document is pending, a hit on the next score once it is ready', async () => {
    const rule = await sentra.app.inject({
      method: 'POST',
      url: '/v1/rules',
      headers: auth(adminToken),
      payload: { name: 'Sanctioned by KYC', expression: 'has(signals.kyc) && signals.kyc.sanctions_match && signals.kyc.sanctions_score >= 0.9', action: 'BLOCK' },
    });
    expect(rule.statusCode).toBe(201);
    const ruleReason = `RULE_${rule.json().rule_id}`;
    const ruleEntities = { sender_entity_id: 'cust-kyc-rule', sender_country: 'US' };
    const pending = await score(scoreBody({ entities: ruleEntities, kyc_refs: [{ entity_id: 'cust-kyc-rule', text_blob: passport.replace('7512345678', '7512345670') }] }));
    expect(pending.json()).toMatchObject({ llm_status: 'pending' });
    expect(pending.json().reasons).not.toContain(ruleReason);
    await eventually(async () => ((await enrichment('cust-kyc-rule')).json().status === 'ready' ? true : undefined), 15_000, 'the enrichment to be ready');
    const next = await score(scoreBody({ entities: ruleEntities }));
    expect(next.json()).toMatchObject({ decision: 'BLOCK' });
    expect(next.json().reasons).toContain(ruleReason);
  });
});
