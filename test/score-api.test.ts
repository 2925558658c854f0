import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import { scoreBody } from './support/score-body.js';
import { rowCounts } from './support/row-counts.js';

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

describe.each(storeKinds)('POST /v1/risk/score on %s', (store) => {
  let sentra: TestApp;
  let analystToken: string;

  beforeAll(async () => {
    sentra = await startTestApp(store);
    analystToken = await sentra.addToken('default', 'analyst');
  });
  afterAll(async () => {
    await sentra.close();
  });

  const score = (body: unknown, token = adminToken) =>
    sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers: auth(token), payload: body as object });
  const putThresholds = (payload: object) =>
    sentra.app.inject({ method: 'PUT', url: '/v1/admin/thresholds', headers: auth(adminToken), payload });
  const defaults = { review_at: 300, hold_at: 600, block_at: 850 };

  it('answers the seed-003 response with a decision consistent with the thresholds', async () => {
    const response = await score(scoreBody(), analystToken);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(Object.keys(body).sort()).toEqual(
      ['decision', 'evidence', 'latency_ms', 'llm_status', 'llm_version', 'model_version', 'reasons', 'request_id', 'risk_score'].sort(),
    );
    expect(Number.isInteger(body.risk_score)).toBe(true);
    expect(body.risk_score).toBeGreaterThanOrEqual(0);
    expect(body.risk_score).toBeLessThanOrEqual(1000);
    const expected = body.risk_score >= 850 ? 'BLOCK' : body.risk_score >= 600 ? 'HOLD' : body.risk_score >= 300 ? 'REVIEW' : 'PASS';
    expect(body.decision).toBe(expected);
    expect(body.request_id).toMatch(/^dec_[0-9A-Z]{26}$/);
    expect(body.model_version).toBe(sentra.runtime.models.activeVersionOf('default'));
    expect(body.llm_status).toBe('ready');
    expect(body.latency_ms).toBeGreaterThan(0);
    for (const reason of body.reasons) expect(reason).toMatch(/^[A-Z0-9_]+$/);
    expect(body.evidence.some((item: { source: string }) => item.source === 'threshold')).toBe(true);
  });

  it('persists the decision before answering and serves it at GET /v1/decisions/{request_id}', async () => {
    const request = scoreBody({ transaction: { amount: '980.00' } });
    const response = await score(request);
    const { request_id } = response.json();
    const db = sentra.runtime.database.db;
    const stored = await db.selectFrom('risk_scores').selectAll().where('id', '=', request_id).executeTakeFirst();
    expect(stored?.tx_id).toBe(request.transaction.tx_id);
    const transaction = await db.selectFrom('transactions').selectAll().where('tx_id', '=', request.transaction.tx_id).executeTakeFirst();
    expect(Number(transaction?.amount)).toBe(980);
    const entities = await db.selectFrom('entities').select('entity_id').where('entity_id', 'in', ['cust-1001', 'merch-77']).execute();
    expect(entities).toHaveLength(2);
    const audit = await db.selectFrom('audit_log').selectAll().where('subject', '=', request_id).executeTakeFirst();
    expect(audit?.action).toBe('decision.created');

    const decision = await sentra.app.inject({ method: 'GET', url: `/v1/decisions/${request_id}`, headers: auth(adminToken) });
    expect(decision.statusCode).toBe(200);
    const record = decision.json();
    expect(record.request_id).toBe(request_id);
    expect(record.tx_id).toBe(request.transaction.tx_id);
    expect(record.request_digest).toMatch(/^[0-9a-f]{64}$/);
    expect(record.model_version).toBe(response.json().model_version);
    expect(record.decision).toBe(response.json().decision);
    expect(record.reasons).toEqual(response.json().reasons);
    expect(Object.keys(record.features).length).toBeGreaterThan(10);
  });

  it('opens exactly one case per escalated transaction, also when it is scored again', async () => {
    const put = await putThresholds({ review_at: 0, hold_at: 1000, block_at: 1000 });
    expect(put.statusCode).toBe(200);
    const request = scoreBody();
    const first = (await score(request)).json();
    expect(first.decision).toBe('REVIEW');
    const second = (await score({ ...request, transaction: { ...request.transaction, status: 'completed' } })).json();
    expect(second.decision).toBe('REVIEW');
    const db = sentra.runtime.database.db;
    const cases = await db.selectFrom('cases').selectAll().where('tx_id', '=', request.transaction.tx_id).execute();
    expect(cases).toHaveLength(1);
    expect(cases[0]!.latest_score_id).toBe(second.request_id);
    const scores = await db.selectFrom('risk_scores').select('id').where('tx_id', '=', request.transaction.tx_id).execute();
    expect(scores).toHaveLength(2);
    const transactions = await db.selectFrom('transactions').selectAll().where('tx_id', '=', request.transaction.tx_id).execute();
    expect(transactions).toHaveLength(1);
    expect(transactions[0]!.status).toBe('completed');
    const decision = (await sentra.app.inject({ method: 'GET', url: `/v1/decisions/${second.request_id}`, headers: auth(adminToken) })).json();
    expect(decision.case.case_id).toBe(cases[0]!.id);
    await putThresholds(defaults);
  });

  it('points an escalated transaction\'s case at a later PASS score and keeps what it opened with', async () => {
    await putThresholds({ review_at: 0, hold_at: 1000, block_at: 1000 });
    const request = scoreBody();
    const first = (await score(request)).json();
    expect(first.decision).toBe('REVIEW');
    const db = sentra.runtime.database.db;
    const opened = await db.selectFrom('cases').selectAll().where('tx_id', '=', request.transaction.tx_id).executeTakeFirstOrThrow();
    await putThresholds({ review_at: 1000, hold_at: 1000, block_at: 1000 });
    const later = (await score({ ...request, transaction: { ...request.transaction, status: 'completed' } })).json();
    expect(later.decision).toBe('PASS');
    const refreshed = await db.selectFrom('cases').selectAll().where('tx_id', '=', request.transaction.tx_id).execute();
    expect(refreshed).toHaveLength(1);
    expect(refreshed[0]).toMatchObject({ id: opened.id, decision: 'PASS', risk_score: later.risk_score, latest_score_id: later.request_id, status: opened.status, priority: opened.priority, version: opened.version });
    expect(refreshed[0]!.created_at).toEqual(opened.created_at);
    expect(refreshed[0]!.sla_due_at).toEqual(opened.sla_due_at);
    expect(refreshed[0]!.updated_at.getTime()).toBeGreaterThanOrEqual(opened.updated_at.getTime());
    // A transaction that only ever passed has no case.
    const quiet = scoreBody();
    expect((await score(quiet)).json().decision).toBe('PASS');
    expect(await db.selectFrom('cases').select('id').where('tx_id', '=', quiet.transaction.tx_id).execute()).toEqual([]);
    await putThresholds(defaults);
  });

  it('applies threshold changes to the very next request', async () => {
    const block = await putThresholds({ review_at: 0, hold_at: 0, block_at: 0 });
    expect(block.statusCode).toBe(200);
    expect((await score(scoreBody())).json().decision).toBe('BLOCK');
    await putThresholds({ review_at: 1000, hold_at: 1000, block_at: 1000 });
    const pass = (await score(scoreBody())).json();
    expect(pass.risk_score < 1000 ? pass.decision : 'PASS').toBe('PASS');
    const read = await sentra.app.inject({ method: 'GET', url: '/v1/admin/thresholds', headers: auth(adminToken) });
    expect(read.json()).toMatchObject({ review_at: 1000, hold_at: 1000, block_at: 1000 });
    await putThresholds(defaults);
  });

  it('queues KYC enrichment and answers llm_status pending when KYC refs are sent', async () => {
    const request = scoreBody({ kyc_refs: [{ entity_id: 'cust-1001', doc_hash: 'sha256:abc123', text_blob: 'Passport of Jane Roe' }] });
    const body = (await score(request)).json();
    expect(body.llm_status).toBe('pending');
    const db = sentra.runtime.database.db;
    const refs = await db.selectFrom('kyc_refs').selectAll().where('ref_key', '=', 'sha256:abc123').execute();
    expect(refs).toHaveLength(1);
    const jobs = await db.selectFrom('jobs').selectAll().where('dedupe_key', '=', 'sha256:abc123').execute();
    expect(jobs).toHaveLength(1);
    // The in-process worker may already have taken it.
    expect(['queued', 'running', 'done']).toContain(jobs[0]!.status);
  });

  it('accepts amounts and fees as numbers or numeric strings', async () => {
    const numeric = await score(scoreBody({ transaction: { amount: 10, fee_total: 0.3, fx_rate: '1.08', currency: 'EUR' } }));
    expect(numeric.statusCode).toBe(200);
    const text = await score(scoreBody({ transaction: { amount: '10.00', fee_total: '0' } }));
    expect(text.statusCode).toBe(200);
  });

  it('rejects bad input with every problem listed by JSON path and writes nothing', async () => {
    const before = await rowCounts(sentra.runtime.database.db);
    const request = scoreBody({
      transaction: { direction: 'sideways' as never, amount: -5, created_at: 'yesterday', currency: 'usd' },
      entities: { sender_country: 'USA' },
    }) as unknown as { transaction: Record<string, unknown>; entities: Record<string, unknown> };
    delete request.transaction.psp;
    delete request.entities.receiver_entity_id;
    const response = await score(request);
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('SENTRA_ERR_VALIDATION');
    const problems = Object.fromEntries(error.details.map((detail: { path: string; code: string }) => [detail.path, detail.code]));
    expect(problems).toEqual({
      '/transaction/psp': 'required',
      '/transaction/direction': 'enum',
      '/transaction/amount': 'type',
      '/transaction/created_at': 'format',
      '/transaction/currency': 'pattern',
      '/entities/receiver_entity_id': 'required',
      '/entities/sender_country': 'pattern',
    });
    for (const detail of error.details) expect(detail.message.length).toBeGreaterThan(5);
    expect(await rowCounts(sentra.runtime.database.db)).toEqual(before);
  });

  it('rejects a raw IP in a hash field and a KYC reference without a document', async () => {
    const before = await rowCounts(sentra.runtime.database.db);
    const response = await score(scoreBody({ entities: { ip_hash: '203.0.113.7' }, kyc_refs: [{ entity_id: 'cust-1' }] }));
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.details.map((detail: { path: string; code: string }) => `${detail.path}:${detail.code}`);
    expect(paths.sort()).toEqual(['/entities/ip_hash:raw_ip', '/kyc_refs/0:required']);
    expect(await rowCounts(sentra.runtime.database.db)).toEqual(before);
  });

  it('answers 401 without a token or with an unknown one, 403 for the wrong role', async () => {
    const missing = await sentra.app.inject({ method: 'POST', url: '/v1/risk/score', payload: scoreBody() });
    expect(missing.statusCode).toBe(401);
    expect(missing.json().error.code).toBe('SENTRA_ERR_UNAUTHENTICATED');
    const unknown = await score(scoreBody(), 'not-a-real-token-at-all');
    expect(unknown.statusCode).toBe(401);
    const basic = await sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers: { authorization: 'Basic YTpi' }, payload: scoreBody() });
    expect(basic.statusCode).toBe(401);
    const forbidden = await sentra.app.inject({
      method: 'PUT',
      url: '/v1/admin/thresholds',
      headers: auth(analystToken),
      payload: { review_at: 1, hold_at: 2, block_at: 3 },
    });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe('SENTRA_ERR_FORBIDDEN');
  });

  it('answers 413 for an oversized body, 415 for a non-JSON body and 400 for malformed JSON', async () => {
    const before = await rowCounts(sentra.runtime.database.db);
    const huge = JSON.stringify({ ...scoreBody(), padding: 'x'.repeat(1_100_000) });
    const tooLarge = await sentra.app.inject({
      method: 'POST',
      url: '/v1/risk/score',
      headers: { ...auth(adminToken), 'content-type': 'application/json' },
      payload: huge,
    });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error.code).toBe('SENTRA_ERR_PAYLOAD_TOO_LARGE');
    const text = await sentra.app.inject({
      method: 'POST',
      url: '/v1/risk/score',
      headers: { ...auth(adminToken), 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe('SENTRA_ERR_UNSUPPORTED_MEDIA_TYPE');
    const malformed = await sentra.app.inject({
      method: 'POST',
      url: '/v1/risk/score',
      headers: { ...auth(adminToken), 'content-type': 'application/json' },
      payload: '{"transaction": {',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('SENTRA_ERR_MALFORMED_JSON');
    expect(await rowCounts(sentra.runtime.database.db)).toEqual(before);
  });

  it('rejects invalid thresholds with every problem and keeps the old ones', async () => {
    const response = await putThresholds({ review_at: 700, hold_at: 600, block_at: 850 });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].code).toBe('order');
    const range = await putThresholds({ review_at: -1, hold_at: 2000 });
    expect(range.statusCode).toBe(400);
    expect(range.json().error.details.map((detail: { path: string }) => detail.path).sort()).toEqual(['/block_at', '/hold_at', '/review_at']);
    const read = await sentra.app.inject({ method: 'GET', url: '/v1/admin/thresholds', headers: auth(adminToken) });
    expect(read.json()).toMatchObject({ review_at: 300, hold_at: 600, block_at: 850 });
  });

  it("never shows one tenant's decision to another tenant", async () => {
    const tenantB = await sentra.addTenant(`tenant-b-${store}`, 'admin');
    const { request_id } = (await score(scoreBody())).json();
    const other = await sentra.app.inject({ method: 'GET', url: `/v1/decisions/${request_id}`, headers: auth(tenantB) });
    expect(other.statusCode).toBe(404);
    const own = await sentra.app.inject({ method: 'GET', url: `/v1/decisions/${request_id}`, headers: auth(adminToken) });
    expect(own.statusCode).toBe(200);
    const scoredByB = await score(scoreBody(), tenantB);
    expect(scoredByB.statusCode).toBe(200);
    const rows = await sentra.runtime.database.db.selectFrom('risk_scores').select('tenant_id').where('id', '=', scoredByB.json().request_id).execute();
    expect(rows.map((row) => row.tenant_id)).toEqual([`tenant-b-${store}`]);
  });
});
