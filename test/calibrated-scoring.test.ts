import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { scoreBody } from './support/score-body.js';
import { artifactVersion, readArtifactFolder, type ModelArtifact } from '../src/registry/model-artifact.js';
import { defaultModelFolder } from '../src/registry/model-registry.js';
import { parseXgboostModel } from '../src/model/xgboost/parse-model.js';
import { compilePredictor } from '../src/model/predictor/predictor.js';
import { sigmoid32 } from '../src/model/objective.js';
import { parseFeatureSchema } from '../src/features/feature-schema.js';
import { calibrationFormat } from '../src/model/calibration/calibration.js';

/** A Platt calibration that moves every score a lot: calibrated log-odds = 0.5 × margin + 2. */
const calibration = { format: calibrationFormat, method: 'platt', slope: 0.5, intercept: 2 } as const;

describe('scoring with a calibrated model', () => {
  let sentra: TestApp;
  let plain: ModelArtifact;
  let calibratedVersion: string;
  let token: string;
  let plainToken: string;
  beforeAll(async () => {
    sentra = await startTestApp();
    // The shipped model without its calibration: the trees' own probability.
    const { calibration: _calibration, ...metadata } = (await readArtifactFolder(defaultModelFolder)).metadata;
    plain = { ...(await readArtifactFolder(defaultModelFolder)), metadata: { ...metadata, name: 'plain' } };
    plainToken = await sentra.addTenant('plain', 'analyst');
    await sentra.runtime.models.activate('plain', await sentra.runtime.models.register('plain', plain, 'test'), 'test');
    token = await sentra.addTenant('calibrated', 'analyst');
    const calibrated = { ...plain, metadata: { ...plain.metadata, calibration } };
    calibratedVersion = await sentra.runtime.models.register('calibrated', calibrated, 'test');
    await sentra.runtime.models.activate('calibrated', calibratedVersion, 'test');
  });
  afterAll(async () => sentra.close());

  /** The trees' own margin for a stored feature vector, as XGBoost would compute it. */
  function rawMargin(features: Record<string, number | null>): number {
    const names = parseFeatureSchema(plain.featureSchema).features.map((feature) => feature.name);
    const predictor = compilePredictor(parseXgboostModel(JSON.parse(plain.modelJson)));
    return predictor.margin(names.map((name) => features[name] ?? Number.NaN));
  }

  it('is a new version: the calibration is part of what the version hashes', () => {
    expect(calibratedVersion).not.toBe(artifactVersion(plain));
  });

  it('answers POST /v1/risk/score with the calibrated probability × 1000, and explains with the trees\' own margin', async () => {
    const headers = { authorization: `Bearer ${token}` };
    // An ordinary payment: its margin is far below 4, where this calibration (0.5·m + 2) would leave it unchanged.
    const scored = await sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers, payload: scoreBody() });
    expect(scored.statusCode, scored.body).toBe(200);
    const answer = scored.json();
    expect(answer.model_version).toBe(calibratedVersion);
    const decision = (await sentra.app.inject({ method: 'GET', url: `/v1/decisions/${answer.request_id}`, headers })).json();
    const margin = rawMargin(decision.features);
    expect(margin).toBeLessThan(2);
    const calibrated = 1 / (1 + Math.exp(-(0.5 * margin + 2)));
    expect(decision.probability).toBeCloseTo(calibrated, 12);
    expect(answer.risk_score).toBe(Math.round(calibrated * 1000));
    // The uncalibrated model would have answered another score for the same features.
    expect(Math.round(sigmoid32(margin) * 1000)).not.toBe(answer.risk_score);
    // The reasons stay the model's: TreeSHAP adds up to the trees' margin, not to the calibrated log-odds.
    const explanation = (await sentra.app.inject({ method: 'GET', url: `/v1/decisions/${answer.request_id}/explanation`, headers })).json();
    expect(explanation.margin).toBeCloseTo(margin, 4);
    expect(explanation.calibration).toEqual({ method: 'platt', slope: 0.5, intercept: 2 });
    expect(explanation.probability).toBe(decision.probability);
    const modelReasons = decision.evidence.filter((item: { source: string }) => item.source === 'model');
    expect(modelReasons.length).toBeGreaterThan(0);
  });

  it('leaves a tenant on a model without calibration scoring with the trees\' probability', async () => {
    const headers = { authorization: `Bearer ${plainToken}` };
    const scored = (await sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers, payload: scoreBody({ transaction: { amount: 4_800 } }) })).json();
    const decision = (await sentra.app.inject({ method: 'GET', url: `/v1/decisions/${scored.request_id}`, headers })).json();
    const margin = rawMargin(decision.features);
    expect(decision.probability).toBe(sigmoid32(margin));
    expect(scored.risk_score).toBe(Math.round(sigmoid32(margin) * 1000));
    const explanation = (await sentra.app.inject({ method: 'GET', url: `/v1/decisions/${scored.request_id}/explanation`, headers })).json();
    expect(explanation.calibration).toBeNull();
    expect(explanation.probability).toBe(decision.probability);
  });
});
