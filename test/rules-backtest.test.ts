import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/platform/clock.js';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import { scoreBody } from './support/score-body.js';

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * Eight stored decisions, a live REVIEW rule on amounts over 450, and labels. The draft under test is
 * `entities.sender_country == "NG"` → HOLD. Expected figures are computed by hand in the comments.
 */
const fixture = [
  { n: 1, amount: 100, currency: 'USD', country: 'US', label: 'fraud' },
  { n: 2, amount: 200, currency: 'USD', country: 'NG', label: 'fraud' },
  { n: 3, amount: 300, currency: 'USD', country: 'NG', label: 'legit' },
  { n: 4, amount: 400, currency: 'EUR', country: 'NG', label: undefined },
  { n: 5, amount: 500, currency: 'USD', country: 'NG', label: 'fraud' },
  { n: 6, amount: 950, currency: 'USD', country: 'US', label: 'legit' },
  { n: 7, amount: 50, currency: 'USD', country: 'NG', label: 'fraud' },
  { n: 8, amount: 60, currency: 'USD', country: 'US', label: undefined },
] as const;

describe.each(storeKinds)('rule backtests on %s', (store) => {
  let sentra: TestApp;
  let analyst: string;
  let liveRuleId: string;
  const clock = new ManualClock(Date.parse('2026-12-01T12:00:00Z'));
  const requestIds = new Map<number, string>();
  const inject = (method: 'GET' | 'POST' | 'PUT', url: string, token: string, payload?: object) =>
    sentra.app.inject({ method, url, headers: auth(token), ...(payload === undefined ? {} : { payload }) });
  const score = async (n: number, amount: number, currency: string, country: string, token = adminToken) => {
    const body = scoreBody({
      transaction: { tx_id: `bt-${store}-${n}-${token.length}`, amount, currency, created_at: '2026-11-30T10:00:00Z' },
      entities: { sender_country: country, sender_entity_id: `s-${n}`, device_id_hash: `d-${store}-${n}`, ip_hash: `i-${store}-${n}`, user_id: `u-${store}-${n}` },
    });
    const response = await inject('POST', '/v1/risk/score', token, body);
    expect(response.statusCode, response.body).toBe(200);
    return { requestId: response.json().request_id as string, decision: response.json().decision as string, txId: body.transaction.tx_id };
  };
  const backtest = (body: object, token = analyst) => inject('POST', '/v1/rules/backtest', token, { from: '2026-12-01T11:00:00Z', to: '2026-12-01T13:00:00Z', ...body });

  beforeAll(async () => {
    sentra = await startTestApp(store, {}, { clock });
    analyst = (await inject('POST', '/v1/admin/tokens', adminToken, { name: 'analyst', role: 'analyst' })).json().token as string;
    expect((await inject('PUT', '/v1/admin/thresholds', adminToken, { review_at: 1000, hold_at: 1000, block_at: 1000 })).statusCode).toBe(200);
    const live = await inject('POST', '/v1/rules', adminToken, { name: 'Large amounts', expression: 'tx.amount > 450', action: 'REVIEW' });
    liveRuleId = live.json().rule_id as string;
    const labels: object[] = [];
    for (const item of fixture) {
      const scored = await score(item.n, item.amount, item.currency, item.country);
      expect(scored.decision).toBe(item.amount > 450 ? 'REVIEW' : 'PASS');
      requestIds.set(item.n, scored.requestId);
      if (item.label !== undefined) labels.push({ tx_id: scored.txId, label: item.label, labeled_at: '2026-12-01T08:00:00Z', source: 'analyst', reason: 'fixture' });
    }
    expect((await inject('POST', '/v1/labels', adminToken, labels)).statusCode).toBe(200);
    // Outside the range: a day later; and another tenant's decision inside it.
    clock.advance(86_400_000);
    await score(99, 700, 'USD', 'NG');
    clock.advance(-86_400_000);
    const rival = (await inject('POST', '/v1/admin/tenants', adminToken, { tenant_id: 'rival', name: 'Rival' })).json().admin_token.token as string;
    await score(98, 700, 'USD', 'NG', rival);
  });
  afterAll(async () => {
    await sentra.close();
  });

  it('answers the hand-computed figures for a draft', async () => {
    const response = await backtest({ expression: 'entities.sender_country == "NG"', action: 'HOLD' });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json();
    expect(result.evaluated).toBe(8);
    expect(result.errors).toBe(0);
    // Hits: #2, #3, #4, #5, #7.
    expect(result.hits).toEqual({ transactions: 5, amount: { USD: 1050, EUR: 400 } });
    // HOLD outranks the live REVIEW of #5, so all five would be held.
    expect(result.hits_by_decision).toEqual({ HOLD: { transactions: 5, amount: { USD: 1050, EUR: 400 } } });
    // Fraud #2, #5, #7; legit #3; unlabelled #4 → precision 3 / 4.
    expect(result.labels).toEqual({ fraud: 3, legit: 1, unlabelled: 1 });
    expect(result.precision).toBe(0.75);
    // Fraud that passed today and the draft stops: #2 and #7 (#5 was already reviewed).
    expect(result.fraud_caught_missed_today).toBe(2);
    // REVIEW today: #5, #6 (2 / 8); with the draft: #6 only (1 / 8).
    expect(result.review_rate).toEqual({ before: 0.25, after: 0.125, change: -0.125 });
    expect(result.decisions_changed).toBe(5);
    expect(result.examples).toHaveLength(5);
    const ids = result.examples.map((example: { request_id: string }) => example.request_id).sort();
    expect(ids).toEqual([2, 3, 4, 5, 7].map((n) => requestIds.get(n)).sort());
    const example = result.examples.find((item: { request_id: string }) => item.request_id === requestIds.get(5));
    expect(example).toMatchObject({ stored_decision: 'REVIEW', decision_with_rule: 'HOLD', label: 'fraud', amount: 500, currency: 'USD', href: `/v1/decisions/${requestIds.get(5)}` });
    expect((await inject('GET', example.href, analyst)).statusCode).toBe(200);
  });

  it('backtests a stored rule against itself (nothing changes) and a draft edit of it', async () => {
    const itself = (await backtest({ rule_id: liveRuleId })).json();
    expect(itself.draft).toMatchObject({ rule_id: liveRuleId, version: 1, expression: 'tx.amount > 450', action: 'REVIEW' });
    expect(itself.hits.transactions).toBe(2);
    expect(itself.decisions_changed).toBe(0);
    // The edit raises the bar to 900: #5 would pass again.
    const edit = (await backtest({ rule_id: liveRuleId, expression: 'tx.amount > 900' })).json();
    expect(edit.hits).toEqual({ transactions: 1, amount: { USD: 950 } });
    expect(edit.decisions_changed).toBe(1);
    expect(edit.review_rate).toEqual({ before: 0.25, after: 0.125, change: -0.125 });
  });

  it('counts run-time errors and refuses bad drafts', async () => {
    const failing = (await backtest({ expression: 'custom.tier > 1', action: 'BLOCK' })).json();
    expect(failing).toMatchObject({ evaluated: 8, errors: 8, hits: { transactions: 0 } });
    expect(failing.first_error).toContain('tier');
    const refusals = [
      [{ action: 'BLOCK' }, '/expression'],
      [{ expression: 'true' }, '/action'],
      [{ expression: 'features.nope > 1', action: 'BLOCK' }, '/expression'],
      [{ expression: 'true', action: 'BLOCK', from: '2026-12-02T00:00:00Z', to: '2026-12-01T00:00:00Z' }, '/to'],
    ] as const;
    for (const [body, path] of refusals) {
      const response = await backtest(body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.details.map((detail: { path: string }) => detail.path)).toContain(path);
    }
    expect((await backtest({ rule_id: 'rule_missing' })).statusCode).toBe(404);
  });
});
