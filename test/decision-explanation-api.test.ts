import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, type TestApp } from './support/test-app.js';
import { scoreBody } from './support/score-body.js';
import { expectSentraError } from './support/sentra-error.js';

const admin = { authorization: `Bearer ${adminToken}` };
const logit = (probability: number) => Math.log(probability / (1 - probability));

describe('GET /v1/decisions/{request_id}/explanation', () => {
  let sentra: TestApp;
  let requestId: string;
  beforeAll(async () => {
    sentra = await startTestApp();
    const scored = await sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers: admin, payload: scoreBody({ transaction: { amount: 4_800 } }) });
    expect(scored.statusCode).toBe(200);
    requestId = scored.json().request_id;
  });
  afterAll(async () => sentra.close());

  it("adds up to the stored decision's model margin, with the stored feature values", async () => {
    const decision = (await sentra.app.inject({ method: 'GET', url: `/v1/decisions/${requestId}`, headers: admin })).json();
    const response = await sentra.app.inject({ method: 'GET', url: `/v1/decisions/${requestId}/explanation`, headers: admin });
    expect(response.statusCode).toBe(200);
    const explanation = response.json();
    expect(explanation.model_version).toBe(decision.model_version);
    const sum = explanation.contributions.reduce((total: number, part: { contribution: number }) => total + part.contribution, explanation.bias);
    expect(sum).toBeCloseTo(explanation.margin, 9);
    // The probability is the calibrated margin's (the shipped model carries a Platt calibration).
    const calibration = explanation.calibration as { slope: number; intercept: number } | null;
    expect(calibration === null ? explanation.margin : calibration.slope * explanation.margin + calibration.intercept).toBeCloseTo(logit(decision.probability), 3);
    for (const part of explanation.contributions) expect(part.value).toBe(decision.features[part.feature]);
    const strengths = explanation.contributions.map((part: { contribution: number }) => Math.abs(part.contribution));
    expect(strengths).toEqual([...strengths].sort((a, b) => b - a));
  });

  it("ranks the decision's model reasons as the score did: each raised the score, strongest first", async () => {
    const decision = (await sentra.app.inject({ method: 'GET', url: `/v1/decisions/${requestId}`, headers: admin })).json();
    const explanation = (await sentra.app.inject({ method: 'GET', url: `/v1/decisions/${requestId}/explanation`, headers: admin })).json();
    const byFeature = new Map<string, number>(explanation.contributions.map((part: { feature: string; contribution: number }) => [part.feature, part.contribution]));
    const reasonFeatures: string[] = decision.evidence.filter((item: { source: string }) => item.source === 'model').map((item: { key: string }) => item.key);
    expect(reasonFeatures.length).toBeGreaterThan(0);
    const reasonStrengths = reasonFeatures.map((feature) => byFeature.get(feature)!);
    for (const strength of reasonStrengths) expect(strength).toBeGreaterThan(0);
    expect(reasonStrengths).toEqual([...reasonStrengths].sort((a, b) => b - a));
  });

  it("answers 404 for another tenant's decision and 401 without a token", async () => {
    const otherToken = await sentra.addTenant('other-tenant', 'analyst');
    const hidden = await sentra.app.inject({ method: 'GET', url: `/v1/decisions/${requestId}/explanation`, headers: { authorization: `Bearer ${otherToken}` } });
    expectSentraError(hidden, 404, 'SENTRA_ERR_NOT_FOUND');
    expectSentraError(await sentra.app.inject({ method: 'GET', url: `/v1/decisions/${requestId}/explanation` }), 401, 'SENTRA_ERR_UNAUTHENTICATED');
    expectSentraError(await sentra.app.inject({ method: 'GET', url: '/v1/decisions/dec_missing/explanation', headers: admin }), 404, 'SENTRA_ERR_NOT_FOUND');
  });
});
