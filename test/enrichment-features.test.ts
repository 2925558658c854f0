import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDataset } from '../src/datasets/export-dataset.js';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import { scoreBody } from './support/score-body.js';
import { eventually, importSampleList } from './support/enrichment.js';
import { runCli } from './support/run-cli.js';

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** An expired passport of a person on the sample sanctions list, issued in another country than the entity's. */
const passport = (number: string) =>
  [
    'REPUBLIC OF EXAMPLE - PASSPORT',
    'Full name: Viktor A. Kolesnikov',
    'Date of birth: 12.04.1968',
    'Nationality: RU',
    `Passport number: ${number}`,
    'Date of issue: 2010-01-05',
    'Date of expiry: 2020-01-04',
  ].join('\n');

/** The KYC/KYB feature names of a stored feature vector. */
// The KYC features with a value: a model that uses them stores the unknown ones as null (rules see those absent).
const kycNames = (features: Record<string, unknown>) =>
  Object.entries(features)
    .filter(([name, value]) => name.includes('_kyc_') && value !== null)
    .map(([name]) => name)
    .sort();

describe.each(storeKinds)('KYC/KYB features of the next score, on %s', (store) => {
  let sentra: TestApp;
  let otherTenant: string;
  let ruleId: string;
  /** Payments of the tests, for the export. */
  const txIds = { pending: '', ready: '', receiver: '', none: '' };

  beforeAll(async () => {
    sentra = await startTestApp(store, { SENTRA_WORKER_POLL_MS: '20' });
    otherTenant = await sentra.addTenant('tenant-b', 'admin');
    await importSampleList(sentra);
    const rule = await sentra.app.inject({
      method: 'POST',
      url: '/v1/rules',
      headers: auth(adminToken),
      payload: { name: 'Sanctioned sender (KYC feature)', expression: 'has(features.sender_kyc_sanctions_match) && features.sender_kyc_sanctions_match == 1.0 && features.sender_kyc_screening_score >= 0.9', action: 'BLOCK' },
    });
    expect(rule.statusCode, rule.body).toBe(201);
    ruleId = rule.json().rule_id;
  });
  afterAll(async () => {
    await sentra.close();
  });

  const score = (body: object, token = adminToken) => sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers: auth(token), payload: body });
  const decision = async (requestId: string, token = adminToken) => {
    const response = await sentra.app.inject({ method: 'GET', url: `/v1/decisions/${requestId}`, headers: auth(token) });
    expect(response.statusCode).toBe(200);
    return response.json() as { features: Record<string, number | null>; decision: string; reasons: string[] };
  };
  const ready = (entityId: string) =>
    eventually(async () => ((await sentra.app.inject({ method: 'GET', url: `/v1/enrichment/${entityId}`, headers: auth(adminToken) })).json().status === 'ready' ? true : undefined), 15_000, `${entityId}'s enrichment`);

  it('stores the sender KYC features with the next score once the job ran, and a rule on features.* acts on them', async () => {
    const entities = { sender_entity_id: 'cust-feat-1', sender_country: 'US', receiver_entity_id: 'merchant-feat-1' };
    const firstBody = scoreBody({ entities, kyc_refs: [{ entity_id: 'cust-feat-1', text_blob: passport('7512345601') }] });
    txIds.pending = firstBody.transaction.tx_id;
    const first = await score(firstBody);
    expect(first.json()).toMatchObject({ llm_status: 'pending' });
    // While the document is pending, the decision has no KYC features and the rule cannot hit.
    const pending = await decision(first.json().request_id);
    expect(kycNames(pending.features)).toEqual([]);
    expect(pending.reasons).not.toContain(`RULE_${ruleId}`);

    await ready('cust-feat-1');
    const nextBody = scoreBody({ entities });
    txIds.ready = nextBody.transaction.tx_id;
    const next = await score(nextBody);
    expect(next.statusCode).toBe(200);
    const stored = await decision(next.json().request_id);
    expect(stored.features).toMatchObject({
      sender_kyc_ready: 1,
      sender_kyc_sanctions_match: 1,
      sender_kyc_pep_match: 0,
      sender_kyc_kyb_red_flags: 0,
      sender_kyc_high_risk_jurisdiction: 0,
    });
    expect(stored.features.sender_kyc_screening_score).toBeGreaterThanOrEqual(0.9);
    expect(stored.features.sender_kyc_screening_score).toBeLessThanOrEqual(1);
    // Expired, and issued in RU for an entity of US.
    expect(stored.features.sender_kyc_document_failures).toBe(2);
    // The receiver has no analysed document: none of its KYC features exists.
    expect(kycNames(stored.features).filter((name) => name.startsWith('receiver_'))).toEqual([]);
    expect(next.json()).toMatchObject({ decision: 'BLOCK' });
    expect(next.json().reasons).toContain(`RULE_${ruleId}`);
  });

  it("gives a receiver's documents to the receiver's features only", async () => {
    const entities = { sender_entity_id: 'cust-feat-clean', sender_country: 'US', receiver_entity_id: 'merchant-feat-2', receiver_country: 'US' };
    const first = await score(scoreBody({ entities, kyc_refs: [{ entity_id: 'merchant-feat-2', text_blob: passport('7512345602') }] }));
    expect(first.json()).toMatchObject({ llm_status: 'pending' });
    await ready('merchant-feat-2');
    const nextBody = scoreBody({ entities });
    txIds.receiver = nextBody.transaction.tx_id;
    const next = await score(nextBody);
    const stored = await decision(next.json().request_id);
    expect(kycNames(stored.features)).toEqual([
      'receiver_kyc_document_failures',
      'receiver_kyc_high_risk_jurisdiction',
      'receiver_kyc_kyb_red_flags',
      'receiver_kyc_pep_match',
      'receiver_kyc_ready',
      'receiver_kyc_sanctions_match',
      'receiver_kyc_screening_score',
    ]);
    expect(stored.features).toMatchObject({ receiver_kyc_ready: 1, receiver_kyc_sanctions_match: 1 });
    // The sender rule reads the sender's features, which do not exist here.
    expect(next.json().reasons).not.toContain(`RULE_${ruleId}`);
  });

  it('counts a director shared with another entity as a KYB red flag of the later one', async () => {
    const company = (name: string) => `Company name: ${name}\nDirectors: Zeno Overlapwood; ${name} Founder\n`;
    await score(scoreBody({ entities: { sender_entity_id: 'biz-first', sender_country: 'US' }, kyc_refs: [{ entity_id: 'biz-first', text_blob: company('Alpha Widgets') }] }));
    await ready('biz-first');
    await score(scoreBody({ entities: { sender_entity_id: 'biz-second', sender_country: 'US' }, kyc_refs: [{ entity_id: 'biz-second', text_blob: company('Beta Gadgets') }] }));
    await ready('biz-second');
    const second = (await sentra.app.inject({ method: 'GET', url: '/v1/enrichment/biz-second', headers: auth(adminToken) })).json();
    expect(second.signals).toMatchObject({ director_overlap: true });
    expect(second.documents[0].signals.overlapping_entities).toEqual(['biz-first']);
    expect(second.documents[0].evidence).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'director_overlap', quote: 'Zeno Overlapwood' })]));
    const next = await score(scoreBody({ entities: { sender_entity_id: 'biz-second', sender_country: 'US' } }));
    expect((await decision(next.json().request_id)).features).toMatchObject({ sender_kyc_ready: 1, sender_kyc_kyb_red_flags: 1 });
    // The first entity was analysed before the second existed: no overlap is claimed for it.
    const first = (await sentra.app.inject({ method: 'GET', url: '/v1/enrichment/biz-first', headers: auth(adminToken) })).json();
    expect(first.signals).toMatchObject({ director_overlap: false });
  });

  it('has no KYC feature for an entity without enrichment', async () => {
    const plainBody = scoreBody({ entities: { sender_entity_id: 'cust-feat-none', sender_country: 'US' } });
    txIds.none = plainBody.transaction.tx_id;
    const plain = await score(plainBody);
    expect(plain.statusCode).toBe(200);
    const stored = await decision(plain.json().request_id);
    expect(Object.keys(stored.features).length).toBeGreaterThan(10);
    expect(kycNames(stored.features)).toEqual([]);
    expect(plain.json().reasons).not.toContain(`RULE_${ruleId}`);
  });

  it("keeps tenants apart: another tenant's score of the same entity sees none of its features", async () => {
    const theirs = await score(scoreBody({ entities: { sender_entity_id: 'cust-feat-1', sender_country: 'US', receiver_entity_id: 'merchant-feat-1' } }), otherTenant);
    expect(theirs.statusCode).toBe(200);
    const stored = await decision(theirs.json().request_id, otherTenant);
    expect(kycNames(stored.features)).toEqual([]);
    expect(theirs.json().decision).not.toBe('BLOCK');
  });

  it("exports the features a payment's first decision saw as f_ columns of a valid dataset", async () => {
    // The pending payment of the first test, re-scored now that its sender's enrichment is ready.
    const rescored = await score(scoreBody({ transaction: { tx_id: txIds.pending, status: 'completed' }, entities: { sender_entity_id: 'cust-feat-1', sender_country: 'US', receiver_entity_id: 'merchant-feat-1' } }));
    expect(rescored.statusCode).toBe(200);
    expect(kycNames((await decision(rescored.json().request_id)).features)).not.toEqual([]);
    const out = await mkdtemp(join(tmpdir(), 'sentra-kyc-export-'));
    try {
      await exportDataset(sentra.runtime.database.db, { tenantId: 'default', from: new Date('2000-01-01'), to: new Date('2100-01-01'), out, actor: 'test', at: new Date() });
      const rows = (await readFile(join(out, 'transactions.jsonl'), 'utf8')).trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      const row = (txId: string) => rows.find((candidate) => candidate.tx_id === txId)!;
      const kycColumns = (txId: string) => Object.keys(row(txId)).filter((key) => key.includes('_kyc_')).sort();
      expect(row(txIds.ready)).toMatchObject({ f_sender_kyc_ready: 1, f_sender_kyc_sanctions_match: 1, f_sender_kyc_document_failures: 2 });
      expect(kycColumns(txIds.ready).every((key) => key.startsWith('f_sender_kyc_'))).toBe(true);
      expect(kycColumns(txIds.receiver).every((key) => key.startsWith('f_receiver_kyc_'))).toBe(true);
      expect(kycColumns(txIds.receiver)).toHaveLength(7);
      // Its first decision was taken while the document was pending: what the enrichment found
      // later is not written back into its past.
      expect(kycColumns(txIds.pending)).toEqual([]);
      expect(kycColumns(txIds.none)).toEqual([]);
      const validated = await runCli(['validate', out]);
      expect(validated.stdout).toContain('VALID');
      expect(validated.code).toBe(0);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
