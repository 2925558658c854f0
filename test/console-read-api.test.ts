import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/platform/clock.js';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import { storeDecision, storeLabel } from './support/stored-decisions.js';
import { expectSentraError } from './support/sentra-error.js';

const now = Date.parse('2026-11-30T12:00:00Z');
const hour = 3_600_000;
const day = 24 * hour;
const admin = { authorization: `Bearer ${adminToken}` };

describe.each(storeKinds)('the read APIs behind the console (%s)', (store) => {
  let sentra: TestApp;
  let analyst: Record<string, string>;
  beforeAll(async () => {
    sentra = await startTestApp(store, {}, { clock: new ManualClock(now) });
    analyst = { authorization: `Bearer ${await sentra.addToken('default', 'analyst')}` };
    const db = sentra.runtime.database.db;
    // Last 24 hours: scores 100, 350, 700, 900 (PASS, REVIEW, HOLD, BLOCK under the defaults 300/600/850).
    const fraud = await storeDecision(db, { riskScore: 900, scoredAt: new Date(now - 1 * hour), latencyMs: 4 });
    const legit = await storeDecision(db, { riskScore: 350, scoredAt: new Date(now - 2 * hour), latencyMs: 2 });
    const missedFraud = await storeDecision(db, { riskScore: 100, scoredAt: new Date(now - 2 * hour), latencyMs: 1 });
    await storeDecision(db, { riskScore: 700, scoredAt: new Date(now - 3 * hour), latencyMs: 3 });
    // Ten days ago (inside 30 days, outside 24 hours), another tenant, and 40 days ago: never counted together.
    const old = await storeDecision(db, { riskScore: 500, scoredAt: new Date(now - 10 * day) });
    await storeDecision(db, { riskScore: 999, scoredAt: new Date(now - 1 * hour), tenantId: 'other' });
    await storeDecision(db, { riskScore: 999, scoredAt: new Date(now - 40 * day) });
    await storeLabel(db, fraud, 'fraud', new Date(now - hour));
    await storeLabel(db, legit, 'legit', new Date(now - hour));
    await storeLabel(db, missedFraud, 'fraud', new Date(now - hour));
    await storeLabel(db, old, 'legit', new Date(now - 9 * day));
  });
  afterAll(async () => sentra.close());

  it('GET /v1/me tells a token its tenant and role', async () => {
    const me = await sentra.app.inject({ method: 'GET', url: '/v1/me', headers: analyst });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ tenant_id: 'default', role: 'analyst' });
    expectSentraError(await sentra.app.inject({ method: 'GET', url: '/v1/me' }), 401, 'SENTRA_ERR_UNAUTHENTICATED');
  });

  it('GET /v1/dashboard counts the last day per hour and action, with latency percentiles and the score histogram', async () => {
    const response = await sentra.app.inject({ method: 'GET', url: '/v1/dashboard', headers: analyst });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ from: new Date(now - day).toISOString(), to: new Date(now).toISOString(), bucket_seconds: 3600, total: 4 });
    expect(body.decisions_over_time).toEqual([
      { bucket_start: new Date(now - 3 * hour).toISOString(), PASS: 0, REVIEW: 0, HOLD: 1, BLOCK: 0 },
      { bucket_start: new Date(now - 2 * hour).toISOString(), PASS: 1, REVIEW: 1, HOLD: 0, BLOCK: 0 },
      { bucket_start: new Date(now - 1 * hour).toISOString(), PASS: 0, REVIEW: 0, HOLD: 0, BLOCK: 1 },
    ]);
    expect(body.latency_ms.p50).toBeCloseTo(2.5);
    expect(body.latency_ms.p99).toBeGreaterThan(3.9);
    expect(body.score_histogram.bin_width).toBe(50);
    expect(body.score_histogram.counts).toHaveLength(20);
    expect(body.score_histogram.counts[2]).toBe(1);
    expect(body.score_histogram.counts[7]).toBe(1);
    expect(body.score_histogram.counts.reduce((sum: number, count: number) => sum + count, 0)).toBe(4);
  });

  it('GET /v1/dashboard?hours=720 buckets per day and includes older decisions', async () => {
    const body = (await sentra.app.inject({ method: 'GET', url: '/v1/dashboard?hours=720', headers: analyst })).json();
    expect(body.bucket_seconds).toBe(86_400);
    expect(body.total).toBe(5);
  });

  it('GET /v1/dashboard refuses a window it does not offer, with the field path', async () => {
    const response = await sentra.app.inject({ method: 'GET', url: '/v1/dashboard?hours=0', headers: analyst });
    expectSentraError(response, 400, 'SENTRA_ERR_VALIDATION');
    expect(response.json().error.details[0].path).toBe('/querystring/hours');
    expectSentraError(await sentra.app.inject({ method: 'GET', url: '/v1/dashboard?hours=721', headers: analyst }), 400, 'SENTRA_ERR_VALIDATION');
    expectSentraError(await sentra.app.inject({ method: 'GET', url: '/v1/dashboard?hours=1.5', headers: analyst }), 400, 'SENTRA_ERR_VALIDATION');
    expectSentraError(await sentra.app.inject({ method: 'GET', url: '/v1/dashboard?days=3', headers: analyst }), 400, 'SENTRA_ERR_VALIDATION');
  });

  it('POST /v1/admin/thresholds/preview replays the last 30 days under current and proposed thresholds', async () => {
    const response = await sentra.app.inject({
      method: 'POST',
      url: '/v1/admin/thresholds/preview',
      headers: admin,
      payload: { review_at: 50, hold_at: 600, block_at: 950 },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ decisions: 5, labelled_fraud: 2, labelled_legit: 2 });
    expect(body.current).toEqual({
      thresholds: { review_at: 300, hold_at: 600, block_at: 850 },
      counts: { PASS: 1, REVIEW: 2, HOLD: 1, BLOCK: 1 },
      review_rate: 0.8,
      fraud_caught: 1,
      fraud_caught_rate: 0.5,
      legit_flagged: 2,
    });
    expect(body.proposed).toEqual({
      thresholds: { review_at: 50, hold_at: 600, block_at: 950 },
      counts: { PASS: 0, REVIEW: 3, HOLD: 2, BLOCK: 0 },
      review_rate: 1,
      fraud_caught: 2,
      fraud_caught_rate: 1,
      legit_flagged: 2,
    });
  });

  it('the preview changes nothing and is for admins only', async () => {
    const before = (await sentra.app.inject({ method: 'GET', url: '/v1/admin/thresholds', headers: admin })).json();
    await sentra.app.inject({ method: 'POST', url: '/v1/admin/thresholds/preview', headers: admin, payload: { review_at: 1, hold_at: 2, block_at: 3 } });
    expect((await sentra.app.inject({ method: 'GET', url: '/v1/admin/thresholds', headers: admin })).json()).toEqual(before);
    const forbidden = await sentra.app.inject({ method: 'POST', url: '/v1/admin/thresholds/preview', headers: analyst, payload: { review_at: 1, hold_at: 2, block_at: 3 } });
    expectSentraError(forbidden, 403, 'SENTRA_ERR_FORBIDDEN');
  });

  it('the preview refuses thresholds out of order or out of range, naming each field', async () => {
    const disordered = await sentra.app.inject({ method: 'POST', url: '/v1/admin/thresholds/preview', headers: admin, payload: { review_at: 700, hold_at: 600, block_at: 900 } });
    expectSentraError(disordered, 400, 'SENTRA_ERR_VALIDATION');
    expect(disordered.json().error.details[0].path).toBe('/hold_at');
    const outOfRange = await sentra.app.inject({ method: 'POST', url: '/v1/admin/thresholds/preview', headers: admin, payload: { review_at: -1, hold_at: 600, block_at: 2000, days: 0 } });
    expectSentraError(outOfRange, 400, 'SENTRA_ERR_VALIDATION');
    expect(outOfRange.json().error.details.map((detail: { path: string }) => detail.path).sort()).toEqual(['/block_at', '/days', '/review_at']);
  });
});
