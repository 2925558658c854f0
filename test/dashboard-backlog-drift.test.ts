import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../src/platform/clock.js';
import { readArtifactFolder } from '../src/registry/model-artifact.js';
import { defaultModelFolder } from '../src/registry/model-registry.js';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import { scoreBody } from './support/score-body.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const now = Date.parse('2026-11-25T12:00:00Z');
const minute = 60_000;
const hour = 60 * minute;
const admin = { authorization: `Bearer ${adminToken}` };

describe.each(storeKinds)('the dashboard backlog and drift (%s)', (store) => {
  let sentra: TestApp;
  const clock = new ManualClock(now);

  /** Scores a payment at clock time `at`, saved as a case when asked (a PASS too, as a manual case). */
  const scoreAt = async (at: number, saveAsCase = true) => {
    clock.set(at);
    const body = scoreBody({ transaction: { created_at: new Date(at).toISOString() } });
    const response = await sentra.app.inject({ method: 'POST', url: `/v1/risk/score${saveAsCase ? '?save_as_case=true' : ''}`, headers: admin, payload: body });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const dashboard = async () => {
    clock.set(now);
    const response = await sentra.app.inject({ method: 'GET', url: '/v1/dashboard', headers: { authorization: `Bearer ${await sentra.addToken('default', 'analyst')}` } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    // Every case here is due two hours after it opened, whatever its decision (a PASS is saved as a manual case).
    const sla = Object.fromEntries(['BLOCK', 'HOLD', 'REVIEW', 'PASS'].map((level) => [`SENTRA_CASE_SLA_${level}_MINUTES`, '120']));
    sentra = await startTestApp(store, sla, { clock });
    // The tenant scores with an artifact that records no validation histogram (as models trained before it did).
    const { validation_score_histogram: _histogram, ...metadata } = (await readArtifactFolder(defaultModelFolder)).metadata;
    const withoutHistogram = { ...(await readArtifactFolder(defaultModelFolder)), metadata: { ...metadata, name: 'without-histogram' } };
    await sentra.runtime.models.activate('default', await sentra.runtime.models.register('default', withoutHistogram, 'test'), 'test');
  });
  afterAll(async () => sentra?.close());

  it('counts unresolved cases by age and status with their SLA breaches, and echoes the configured SLA', async () => {
    for (const age of [30 * hour, 3 * hour, 30 * minute]) await scoreAt(now - age);
    const { review_backlog: backlog } = await dashboard();
    expect(backlog).toMatchObject({ unresolved: 3, overdue: 2, by_status: { open: 3, in_review: 0, escalated: 0 }, oldest_opened_at: new Date(now - 30 * hour).toISOString() });
    expect(backlog.sla_minutes).toEqual({ BLOCK: 120, HOLD: 120, REVIEW: 120, PASS: 120 });
    const bins = Object.fromEntries(backlog.by_age.map((bin: { label: string; cases: number; overdue: number }) => [bin.label, [bin.cases, bin.overdue]]));
    expect(bins).toEqual({ 'under 1 h': [1, 0], '1–4 h': [1, 1], '4–24 h': [0, 0], '1–3 days': [1, 1], '3–7 days': [0, 0], 'over 7 days': [0, 0] });
    // Another tenant's backlog is its own.
    const rival = await sentra.addTenant('rival-backlog', 'analyst');
    const theirs = (await sentra.app.inject({ method: 'GET', url: '/v1/dashboard', headers: { authorization: `Bearer ${rival}` } })).json();
    expect(theirs.review_backlog).toMatchObject({ unresolved: 0, overdue: 0, oldest_opened_at: null });
  });

  it('says the validation distribution is not recorded for a model whose artifact predates it, and invents nothing', async () => {
    const { drift } = await dashboard();
    const models = (await sentra.app.inject({ method: 'GET', url: '/v1/admin/models', headers: admin })).json();
    expect(drift).toMatchObject({ model_version: models.active.version, validation: null, psi: null, bin_width: 50, from: new Date(now - 24 * hour).toISOString() });
    expect(drift.note).toContain('not recorded for this model');
    // The last day holds two of the three decisions (the third is 30 hours old).
    expect(drift.live.rows).toBe(2);
    expect(drift.live.counts).toHaveLength(20);
  });

  it("compares the last day's model scores with the validation histogram an artifact recorded", async () => {
    const artifact = await readArtifactFolder(defaultModelFolder);
    const counts = [900, 60, 20, 10, 5, 3, 2, ...new Array<number>(13).fill(0)];
    const candidate = {
      model_json: artifact.modelJson.replace('"attributes":{}', '"attributes":{"candidate":"drift"}'),
      feature_schema: artifact.featureSchema,
      metadata: { ...artifact.metadata, name: 'with-histogram', validation_score_histogram: { scale: 'risk_score', bin_width: 50, rows: 1000, counts } },
      activate: true,
    };
    const registered = await sentra.app.inject({ method: 'POST', url: '/v1/admin/models', headers: admin, payload: candidate });
    expect(registered.statusCode, registered.body).toBe(201);
    const version = registered.json().version;
    for (let index = 0; index < 3; index++) await scoreAt(now - (index + 1) * minute, false);
    const { drift } = await dashboard();
    expect(drift).toMatchObject({ model_version: version, validation: { rows: 1000, counts } });
    // Only this version's decisions count: the older model's two are not compared with its histogram.
    expect(drift.live.rows).toBe(3);
    expect(typeof drift.psi).toBe('number');
    expect(drift.psi).toBeGreaterThanOrEqual(0);
    expect(drift.note).toContain('Population stability index');
  });
});
