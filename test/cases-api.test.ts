import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../src/audit/audit-chain.js';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import { scoreBody } from './support/score-body.js';
import { storedChain } from './support/stored-chain.js';

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

describe.each(storeKinds)('cases API on %s', (store) => {
  let sentra: TestApp;
  let analyst: string;
  let analystId: string;
  let secondAnalyst: string;
  let service: string;
  let otherTenantAnalyst: string;

  const inject = (method: 'GET' | 'POST' | 'PUT', url: string, token: string, payload?: object) =>
    sentra.app.inject({ method, url, headers: auth(token), ...(payload === undefined ? {} : { payload }) });
  const escalate = async (overrides: Parameters<typeof scoreBody>[0] = {}, query = '') => {
    const body = scoreBody(overrides);
    const scored = await inject('POST', `/v1/risk/score${query}`, analyst, body);
    expect(scored.statusCode).toBe(200);
    const decision = (await inject('GET', `/v1/decisions/${scored.json().request_id}`, analyst)).json();
    return { body, scored: scored.json(), decision };
  };
  const eventCount = async () => Number((await sentra.runtime.database.db.selectFrom('case_events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    sentra = await startTestApp(store);
    const issue = async (role: string, token = adminToken) => (await inject('POST', '/v1/admin/tokens', token, { name: role, role })).json();
    const first = await issue('analyst');
    analyst = first.token;
    analystId = first.token_id;
    secondAnalyst = (await issue('analyst')).token;
    service = (await issue('service')).token;
    const tenant = await inject('POST', '/v1/admin/tenants', adminToken, { tenant_id: 'rival', name: 'Rival' });
    otherTenantAnalyst = (await issue('analyst', tenant.json().admin_token.token)).token;
    // Every payment escalates (REVIEW from 0), so each score opens a case.
    expect((await inject('PUT', '/v1/admin/thresholds', adminToken, { review_at: 0, hold_at: 1000, block_at: 1000 })).statusCode).toBe(200);
  });
  afterAll(async () => {
    await sentra.close();
  });

  it("opens a case whose href resolves, with the payment, entities, every decision and a timeline read from them", async () => {
    const { body, decision } = await escalate();
    expect(decision.decision).not.toBe('PASS');
    expect(decision.thresholds).toEqual({ review_at: 0, hold_at: 1000, block_at: 1000 });
    expect(decision.case.href).toBe(`/v1/cases/${decision.case.case_id}`);
    await inject('POST', '/v1/risk/score', analyst, { ...body, transaction: { ...body.transaction, status: 'completed' } });
    const detail = await inject('GET', decision.case.href, analyst);
    expect(detail.statusCode).toBe(200);
    const view = detail.json();
    expect(view.case).toMatchObject({ case_id: decision.case.case_id, tx_id: body.transaction.tx_id, status: 'open', version: 1, assignee: null, manual: false });
    // 125.50 USD: 10 × log10(126.5) = 21 amount points.
    expect(view.case.priority).toBe(Math.floor(decision.risk_score / 10) + 21);
    expect(Date.parse(view.case.sla_due_at) - Date.parse(view.case.created_at)).toBe(1440 * 60_000);
    expect(view.transaction).toMatchObject({ tx_id: body.transaction.tx_id, status: 'completed' });
    expect(view.entities.sender.entity_id).toBe(body.entities.sender_entity_id);
    expect(view.entities.receiver.entity_id).toBe(body.entities.receiver_entity_id);
    expect(view.decisions).toHaveLength(2);
    expect(view.decisions[0]).toMatchObject({ request_id: decision.request_id, thresholds: { review_at: 0 } });
    expect(view.decisions[0].reasons).toEqual(decision.reasons);
    expect(view.timeline.map((entry: { kind: string }) => entry.kind)).toEqual(['created', 're-scored']);
    const cases = await sentra.runtime.database.db.selectFrom('cases').select('id').where('tx_id', '=', body.transaction.tx_id).execute();
    expect(cases).toHaveLength(1);
  });

  it('shows related payments of the same sender, device and receiver, with their decisions', async () => {
    const sender = `cust-related-${store}`;
    const earlier = await escalate({ entities: { sender_entity_id: sender, device_id_hash: `dev-${store}`, receiver_entity_id: 'merch-r1' }, transaction: { created_at: '2026-11-20T10:00:00Z' } });
    const { decision } = await escalate({ entities: { sender_entity_id: sender, device_id_hash: `dev-${store}`, receiver_entity_id: 'merch-r2' }, transaction: { created_at: '2026-11-21T10:00:00Z' } });
    const view = (await inject('GET', decision.case.href, analyst)).json();
    expect(view.related.sender.map((item: { tx_id: string }) => item.tx_id)).toEqual([earlier.body.transaction.tx_id]);
    expect(view.related.device.map((item: { tx_id: string }) => item.tx_id)).toEqual([earlier.body.transaction.tx_id]);
    expect(view.related.sender[0]).toMatchObject({ decision: earlier.decision.decision, request_id: earlier.decision.request_id, label: null });
    expect(view.related.receiver.map((item: { tx_id: string }) => item.tx_id)).not.toContain(earlier.body.transaction.tx_id);
  });

  it('works a case: assign to me, note, status, resolve, reopen; each a timeline event and an audit entry', async () => {
    const { decision } = await escalate();
    const caseId = decision.case.case_id;
    const url = (action: string) => `/v1/cases/${caseId}/${action}`;
    const assigned = await inject('POST', url('assign'), analyst, { assignee: 'me', version: 1 });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json()).toMatchObject({ assignee: analystId, version: 2 });
    const noted = await inject('POST', url('notes'), analyst, { text: 'Called the merchant.' });
    expect(noted.json().version).toBe(2);
    expect((await inject('POST', url('status'), analyst, { status: 'escalated', version: 2 })).json()).toMatchObject({ status: 'escalated', version: 3 });
    const resolved = await inject('POST', url('resolve'), analyst, { label: 'fraud', reason: 'stolen card', version: 3 });
    expect(resolved.json()).toMatchObject({ status: 'resolved', resolution: 'fraud', version: 4, resolved_by: analystId });
    const again = await inject('POST', url('resolve'), analyst, { label: 'legit', reason: 'x', version: 4 });
    expect(again.statusCode).toBe(409);
    expect((await inject('POST', url('reopen'), analyst, { version: 4 })).json()).toMatchObject({ status: 'open', resolution: null, version: 5 });
    const view = (await inject('GET', `/v1/cases/${caseId}`, analyst)).json();
    // Resolving records the verdict as the analyst label: it shows in the timeline right after.
    expect(view.timeline.map((entry: { kind: string }) => entry.kind)).toEqual(['created', 'assigned', 'note', 'status_changed', 'resolved', 'label', 'reopened']);
    expect(view.notes).toEqual([expect.objectContaining({ actor: analystId, text: 'Called the merchant.' })]);
    const db = sentra.runtime.database.db;
    const audit = await db.selectFrom('audit_log').select('action').where('subject', '=', caseId).orderBy('seq').execute();
    expect(audit.map((entry) => entry.action)).toEqual(['case.assigned', 'case.note_added', 'case.status_changed', 'case.resolved', 'case.reopened']);
    expect(verifyChain(await storedChain(db, 'default'))).toBeUndefined();
  });

  it('answers a stale version with 409 and the current version, writing nothing', async () => {
    const { decision } = await escalate();
    const url = `/v1/cases/${decision.case.case_id}`;
    await inject('POST', `${url}/assign`, analyst, { assignee: 'me', version: 1 });
    const before = await eventCount();
    const stale = await inject('POST', `${url}/status`, secondAnalyst, { status: 'in_review', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'SENTRA_ERR_CONFLICT', details: [{ code: 'stale_version', path: '/version', message: 'current version is 2' }] });
    expect(await eventCount()).toBe(before);
    expect((await inject('GET', url, analyst)).json().case).toMatchObject({ status: 'open', version: 2 });
  });

  it('lets exactly one of two analysts resolving the same version at once win', async () => {
    const { decision } = await escalate();
    const url = `/v1/cases/${decision.case.case_id}/resolve`;
    const answers = await Promise.all([
      inject('POST', url, analyst, { label: 'fraud', reason: 'first', version: 1 }),
      inject('POST', url, secondAnalyst, { label: 'legit', reason: 'second', version: 1 }),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
    const view = (await inject('GET', `/v1/cases/${decision.case.case_id}`, analyst)).json();
    expect(view.timeline.filter((entry: { kind: string }) => entry.kind === 'resolved')).toHaveLength(1);
    expect(view.case.version).toBe(2);
  });

  it('bulk-resolves, reporting each case that cannot be resolved with its own error', async () => {
    const one = (await escalate()).decision.case.case_id;
    const two = (await escalate()).decision.case.case_id;
    const response = await inject('POST', '/v1/cases/bulk-resolve', analyst, {
      items: [
        { case_id: one, version: 1 },
        { case_id: two, version: 7 },
        { case_id: 'case_missing', version: 1 },
      ],
      label: 'legit',
      reason: 'known customer',
    });
    expect(response.statusCode).toBe(200);
    const results = response.json().results;
    expect(results[0]).toMatchObject({ case_id: one, status: 'resolved', version: 2 });
    expect(results[1]).toMatchObject({ case_id: two, status: 'error', error: { code: 'SENTRA_ERR_CONFLICT' } });
    expect(results[2]).toMatchObject({ status: 'error', error: { code: 'SENTRA_ERR_NOT_FOUND' } });
  });

  it('lists the queue with filters, sorts, cursor pages and per-status counts', async () => {
    const merchant = `m-list-${store}`;
    const made = [];
    for (let index = 0; index < 5; index++) {
      made.push((await escalate({ entities: { merchant_id: merchant }, transaction: { amount: 10 ** index } })).decision.case.case_id);
    }
    await inject('POST', `/v1/cases/${made[0]}/assign`, analyst, { assignee: 'me', version: 1 });
    await inject('POST', `/v1/cases/${made[1]}/resolve`, analyst, { label: 'legit', reason: 'ok', version: 1 });
    const page = async (query: string) => {
      const response = await inject('GET', `/v1/cases?merchant_id=${merchant}&${query}`, analyst);
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    const all = await page('sort=priority&limit=2');
    expect(all.items).toHaveLength(2);
    expect(all.counts).toEqual({ open: 4, in_review: 0, escalated: 0, resolved: 1 });
    const second = await page(`sort=priority&limit=2&cursor=${all.next_cursor}`);
    const third = await page(`sort=priority&limit=2&cursor=${second.next_cursor}`);
    expect(third.next_cursor).toBeNull();
    const ids = [...all.items, ...second.items, ...third.items].map((item: { case_id: string }) => item.case_id);
    expect(new Set(ids)).toEqual(new Set(made));
    const priorities = [...all.items, ...second.items, ...third.items].map((item: { priority: number }) => item.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    expect((await page('assignee=me')).items.map((item: { case_id: string }) => item.case_id)).toEqual([made[0]]);
    expect((await page('assignee=unassigned&status=open')).items).toHaveLength(3);
    expect((await page('status=resolved')).items.map((item: { case_id: string }) => item.case_id)).toEqual([made[1]]);
    const created = (await page('sort=created')).items.map((item: { case_id: string }) => item.case_id);
    expect(created).toEqual([...made].reverse());
    const sla = (await page('sort=sla')).items.map((item: { sla_due_at: string }) => Date.parse(item.sla_due_at));
    expect(sla).toEqual([...sla].sort((a, b) => a - b));
    expect((await page('has_kyc=true')).items).toHaveLength(0);
    expect((await page('score_min=1000')).items.every((item: { risk_score: number }) => item.risk_score >= 1000)).toBe(true);
  });

  it('opens a manual case for a PASS payment with save_as_case=true', async () => {
    expect((await inject('PUT', '/v1/admin/thresholds', adminToken, { review_at: 1000, hold_at: 1000, block_at: 1000 })).statusCode).toBe(200);
    try {
      // Fresh parties: nothing in their history pushes the score up to 1000.
      const quiet = (name: string) => ({ entities: { sender_entity_id: `quiet-${name}-${store}`, receiver_entity_id: `shop-${name}-${store}`, device_id_hash: `d-${name}-${store}`, user_id: `u-${name}` } });
      const plain = await escalate(quiet('a'));
      expect(plain.decision).toMatchObject({ decision: 'PASS', case: null });
      const manual = await escalate(quiet('b'), '?save_as_case=true');
      expect(manual.decision.decision).toBe('PASS');
      const view = (await inject('GET', manual.decision.case.href, analyst)).json();
      expect(view.case).toMatchObject({ manual: true, decision: 'PASS', status: 'open' });
    } finally {
      await inject('PUT', '/v1/admin/thresholds', adminToken, { review_at: 0, hold_at: 1000, block_at: 1000 });
    }
  });

  it('keeps tenants apart and refuses service tokens on every case route', async () => {
    const { decision } = await escalate();
    const caseId = decision.case.case_id;
    const rival = [
      await inject('GET', `/v1/cases/${caseId}`, otherTenantAnalyst),
      await inject('POST', `/v1/cases/${caseId}/assign`, otherTenantAnalyst, { assignee: 'me', version: 1 }),
      await inject('POST', `/v1/cases/${caseId}/notes`, otherTenantAnalyst, { text: 'x' }),
      await inject('POST', `/v1/cases/${caseId}/status`, otherTenantAnalyst, { status: 'in_review', version: 1 }),
      await inject('POST', `/v1/cases/${caseId}/resolve`, otherTenantAnalyst, { label: 'fraud', reason: 'x', version: 1 }),
      await inject('POST', `/v1/cases/${caseId}/reopen`, otherTenantAnalyst, { version: 1 }),
    ];
    expect(rival.map((response) => response.statusCode)).toEqual([404, 404, 404, 404, 404, 404]);
    const bulk = (await inject('POST', '/v1/cases/bulk-resolve', otherTenantAnalyst, { items: [{ case_id: caseId, version: 1 }], label: 'fraud', reason: 'x' })).json();
    expect(bulk.results[0].error.code).toBe('SENTRA_ERR_NOT_FOUND');
    expect((await inject('GET', '/v1/cases', otherTenantAnalyst)).json().items).toEqual([]);
    // An assignee must be a live analyst of the caller's tenant.
    const foreignAssignee = await inject('POST', `/v1/cases/${caseId}/assign`, analyst, { assignee: 'tok_not_here', version: 1 });
    expect(foreignAssignee.statusCode).toBe(400);
    expect(foreignAssignee.json().error.details[0].path).toBe('/assignee');
    for (const [method, url] of [
      ['GET', '/v1/cases'],
      ['GET', `/v1/cases/${caseId}`],
      ['POST', `/v1/cases/${caseId}/notes`],
    ] as const) {
      expect((await inject(method, url, service, method === 'POST' ? { text: 'x' } : undefined)).statusCode).toBe(403);
    }
    expect((await inject('GET', `/v1/cases/${caseId}`, analyst)).json().case.version).toBe(1);
  });

  it('refuses bad input with a code and a path, writing nothing', async () => {
    const { decision } = await escalate();
    const url = `/v1/cases/${decision.case.case_id}`;
    const before = await eventCount();
    const unknownStatus = await inject('POST', `${url}/status`, analyst, { status: 'closed', version: 1 });
    expect(unknownStatus.statusCode).toBe(400);
    expect(unknownStatus.json().error.details.map((detail: { path: string }) => detail.path)).toContain('/status');
    const missingVersion = await inject('POST', `${url}/resolve`, analyst, { label: 'fraud', reason: 'x' });
    expect(missingVersion.statusCode).toBe(400);
    expect(missingVersion.json().error.details.map((detail: { path: string }) => detail.path)).toContain('/version');
    const badLabel = await inject('POST', `${url}/resolve`, analyst, { label: 'maybe', reason: 'x', version: 1 });
    expect(badLabel.statusCode).toBe(400);
    const badQuery = await inject('GET', '/v1/cases?status=closed&limit=0&sort=random', analyst);
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json().error.code).toBe('SENTRA_ERR_VALIDATION');
    const badCursor = await inject('GET', '/v1/cases?cursor=not-a-cursor', analyst);
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().error.details[0].path).toBe('/querystring/cursor');
    expect((await inject('GET', '/v1/cases/case_unknown', analyst)).json().error.code).toBe('SENTRA_ERR_NOT_FOUND');
    expect(await eventCount()).toBe(before);
  });
});
