import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import { scoreBody } from './support/score-body.js';

const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const iso = (ms: number) => new Date(ms).toISOString();

describe.each(storeKinds)('labels and the feedback loop on %s', (store) => {
  let sentra: TestApp;
  let analyst: string;
  let service: string;
  let rivalAnalyst: string;

  const inject = (method: 'GET' | 'POST' | 'PUT', url: string, token: string, payload?: object) =>
    sentra.app.inject({ method, url, headers: auth(token), ...(payload === undefined ? {} : { payload }) });
  const score = async (body: ReturnType<typeof scoreBody>, token = analyst) => {
    const response = await inject('POST', '/v1/risk/score', token, body);
    expect(response.statusCode, response.body).toBe(200);
    return (await inject('GET', `/v1/decisions/${response.json().request_id}`, adminToken)).json();
  };
  const labelCount = async () => Number((await sentra.runtime.database.db.selectFrom('labels').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    sentra = await startTestApp(store);
    const issue = async (role: string, token = adminToken) => (await inject('POST', '/v1/admin/tokens', token, { name: role, role })).json().token as string;
    analyst = await issue('analyst');
    service = await issue('service');
    const rival = await inject('POST', '/v1/admin/tenants', adminToken, { tenant_id: 'rival', name: 'Rival' });
    rivalAnalyst = await issue('analyst', rival.json().admin_token.token);
    expect((await inject('PUT', '/v1/admin/thresholds', adminToken, { review_at: 0, hold_at: 1000, block_at: 1000 })).statusCode).toBe(200);
  });
  afterAll(async () => {
    await sentra.close();
  });

  it('closes the loop: score → case → assign → note → resolve fraud → the next score of that receiver sees the fraud', async () => {
    const now = Date.now();
    const receiver = `merchant-loop-${store}`;
    const first = await score(scoreBody({ transaction: { created_at: iso(now - 3_600_000) }, entities: { receiver_entity_id: receiver, sender_entity_id: `payer-a-${store}` } }));
    expect(first.features.receiver_known_fraud_count_30d).toBe(0);
    const caseUrl = first.case.href as string;
    expect((await inject('POST', `${caseUrl}/assign`, analyst, { assignee: 'me', version: 1 })).statusCode).toBe(200);
    expect((await inject('POST', `${caseUrl}/notes`, analyst, { text: 'Card reported stolen.' })).statusCode).toBe(200);
    const resolved = await inject('POST', `${caseUrl}/resolve`, analyst, { label: 'fraud', reason: 'stolen card', version: 2 });
    expect(resolved.statusCode).toBe(200);
    const detail = (await inject('GET', caseUrl, analyst)).json();
    expect(detail.labels).toEqual([expect.objectContaining({ source: 'analyst', label: 'fraud', reason: 'stolen card' })]);
    expect(detail.effective_label).toEqual({ source: 'analyst', label: 'fraud' });
    expect(detail.timeline.map((entry: { kind: string }) => entry.kind)).toEqual(['created', 'assigned', 'note', 'resolved', 'label']);
    const next = await score(scoreBody({ transaction: { created_at: iso(Date.now() + 60_000) }, entities: { receiver_entity_id: receiver, sender_entity_id: `payer-b-${store}` } }));
    expect(next.features.receiver_known_fraud_count_30d).toBe(1);
  });

  it('takes labels as a JSON array and as NDJSON, keeps every label and applies the documented precedence', async () => {
    const now = Date.now();
    const receiver = `merchant-labels-${store}`;
    const tx = await score(scoreBody({ transaction: { created_at: iso(now - 7_200_000) }, entities: { receiver_entity_id: receiver } }));
    const warned = await inject('POST', '/v1/labels', analyst, [{ tx_id: tx.tx_id, label: 'fraud', labeled_at: iso(now - 3_600_000), source: 'early_fraud_warning', reason: 'EFW' }]);
    expect(warned.json()).toEqual({ received: 1, written: 1, effective_changes: 1 });
    const ndjson = [
      JSON.stringify({ tx_id: tx.tx_id, label: 'legit', labeled_at: iso(now - 1_800_000), source: 'chargeback', reason: 'chargeback reversed' }),
      JSON.stringify({ tx_id: tx.tx_id, label: 'fraud', labeled_at: iso(now - 900_000), source: 'partner', reason: 'partner report' }),
    ].join('\n');
    const lines = await sentra.app.inject({ method: 'POST', url: '/v1/labels', headers: { ...auth(analyst), 'content-type': 'application/x-ndjson' }, payload: `${ndjson}\n` });
    expect(lines.statusCode, lines.body).toBe(200);
    // The chargeback outranks the partner and the early warning, whatever their times.
    expect(lines.json()).toEqual({ received: 2, written: 2, effective_changes: 1 });
    expect((await inject('POST', '/v1/labels', analyst, [{ tx_id: tx.tx_id, label: 'legit', labeled_at: iso(now - 1_800_000), source: 'chargeback', reason: 'chargeback reversed' }])).json()).toMatchObject({ written: 0 });
    const stored = await sentra.runtime.database.db.selectFrom('labels').select(['source', 'label']).where('tx_id', '=', tx.tx_id).orderBy('labeled_at').execute();
    expect(stored).toEqual([
      { source: 'early_fraud_warning', label: 'fraud' },
      { source: 'chargeback', label: 'legit' },
      { source: 'partner', label: 'fraud' },
    ]);
    const next = await score(scoreBody({ transaction: { created_at: iso(Date.now() + 60_000) }, entities: { receiver_entity_id: receiver } }));
    expect(next.features.receiver_known_fraud_count_30d).toBe(0);
    const audit = await sentra.runtime.database.db.selectFrom('audit_log').select('action').where('action', '=', 'labels.recorded').execute();
    expect(audit.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses a label for an unknown or foreign transaction with 404 and a path, and bad labels with 400; nothing is written', async () => {
    const now = Date.now();
    const tx = await score(scoreBody({ transaction: { created_at: iso(now - 60_000) } }));
    const before = await labelCount();
    const unknown = await inject('POST', '/v1/labels', analyst, [
      { tx_id: tx.tx_id, label: 'fraud', labeled_at: iso(now), source: 'analyst' },
      { tx_id: 'tx-never-seen', label: 'fraud', labeled_at: iso(now), source: 'analyst' },
    ]);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({ code: 'SENTRA_ERR_NOT_FOUND', details: [{ code: 'unknown_transaction', path: '/1/tx_id' }] });
    const foreign = await inject('POST', '/v1/labels', rivalAnalyst, [{ tx_id: tx.tx_id, label: 'fraud', labeled_at: iso(now), source: 'analyst' }]);
    expect(foreign.statusCode).toBe(404);
    const bad = await inject('POST', '/v1/labels', analyst, [{ tx_id: tx.tx_id, label: 'maybe', labeled_at: 'yesterday', source: 'rumour' }]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((detail: { path: string }) => detail.path)).toEqual(expect.arrayContaining(['/0/label', '/0/labeled_at', '/0/source']));
    const early = await inject('POST', '/v1/labels', analyst, [{ tx_id: tx.tx_id, label: 'fraud', labeled_at: iso(now - 3_600_000), source: 'analyst' }]);
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details[0]).toMatchObject({ code: 'before_transaction', path: '/0/labeled_at' });
    const brokenLine = await sentra.app.inject({ method: 'POST', url: '/v1/labels', headers: { ...auth(analyst), 'content-type': 'application/x-ndjson' }, payload: '{"tx_id": \n' });
    expect(brokenLine.statusCode).toBe(400);
    expect(brokenLine.json().error.code).toBe('SENTRA_ERR_MALFORMED_JSON');
    expect((await inject('POST', '/v1/labels', service, [{ tx_id: tx.tx_id, label: 'fraud', labeled_at: iso(now), source: 'analyst' }])).statusCode).toBe(403);
    expect(await labelCount()).toBe(before);
  });

  it('refuses an empty status_reason, as data contract v1 does', async () => {
    const response = await inject('POST', '/v1/risk/score', analyst, scoreBody({ transaction: { status_reason: '' } }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.map((detail: { path: string }) => detail.path)).toContain('/transaction/status_reason');
  });
});
