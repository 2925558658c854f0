import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { artifactVersion, readArtifactFolder, type ModelArtifact } from '../src/registry/model-artifact.js';
import { defaultModelFolder } from '../src/registry/model-registry.js';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import { scoreBody } from './support/score-body.js';
import { expectSentraError } from './support/sentra-error.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

let defaultArtifact: ModelArtifact;
let candidate: ModelArtifact;
let candidateVersion: string;
let defaultVersion: string;

beforeAll(async () => {
  defaultArtifact = await readArtifactFolder(defaultModelFolder);
  defaultVersion = artifactVersion(defaultArtifact);
  // A second artifact: the default model's trees under another name (another content-derived version).
  candidate = { ...defaultArtifact, modelJson: defaultArtifact.modelJson.replace('"attributes":{}', '"attributes":{"candidate":"1"}'), metadata: { ...defaultArtifact.metadata, name: 'candidate' } };
  candidateVersion = artifactVersion(candidate);
});

const uploadBody = (artifact: ModelArtifact, extra: Record<string, unknown> = {}) => ({ model_json: artifact.modelJson, feature_schema: artifact.featureSchema, metadata: artifact.metadata, ...extra });

describe.each(storeKinds)('model registry API on %s', (store) => {
  let sentra: TestApp;
  let analyst: string;
  let rivalAdmin: string;

  const call = (method: 'GET' | 'POST', url: string, token: string, payload?: unknown) =>
    sentra.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const registryRows = async () => ({
    versions: (await sentra.runtime.database.db.selectFrom('model_versions').select('version').execute()).length,
    audit: (await sentra.runtime.database.db.selectFrom('audit_log').select('seq').where('action', 'like', 'model.%').execute()).length,
    active: await sentra.runtime.database.db.selectFrom('active_models').select(['tenant_id', 'version']).orderBy('tenant_id').execute(),
  });

  beforeAll(async () => {
    sentra = await startTestApp(store, { SENTRA_BODY_LIMIT: '65536' });
    analyst = await sentra.addToken('default', 'analyst');
    rivalAdmin = await sentra.addTenant('rival', 'admin');
  });
  afterAll(async () => {
    await sentra?.close();
  });

  it('lists the installed default model as active, with its stored metrics', async () => {
    const listed = await call('GET', '/v1/admin/models', adminToken);
    expect(listed.statusCode, listed.body).toBe(200);
    const body = listed.json();
    expect(body.active).toMatchObject({ version: defaultVersion, activated_by: 'system' });
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ version: defaultVersion, name: defaultArtifact.metadata.name, active: true, registered_by: 'system', trees: defaultArtifact.metadata.trees });
    expect(body.items[0].metrics.validation.auc).toBeCloseTo(0.92, 2);
    expect(Date.parse(body.items[0].last_activated_at)).toBeGreaterThan(0);
  });

  it('registers an uploaded artifact once, with the version the CLI would give it', async () => {
    const uploaded = await call('POST', '/v1/admin/models', adminToken, uploadBody(candidate));
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect(uploaded.json()).toMatchObject({ version: candidateVersion, name: 'candidate', active: false, created: true, last_activated_at: null });
    const again = await call('POST', '/v1/admin/models', adminToken, uploadBody(candidate));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ version: candidateVersion, created: false });
    const listed = (await call('GET', '/v1/admin/models', adminToken)).json();
    expect(listed.items.map((item: { version: string }) => item.version)).toEqual([candidateVersion, defaultVersion]);
    expect(listed.active.version).toBe(defaultVersion);
    const audit = await sentra.runtime.database.db.selectFrom('audit_log').select(['action', 'subject']).where('action', '=', 'model.registered').where('subject', '=', candidateVersion).execute();
    expect(audit).toHaveLength(1);
  });

  it('writes nothing for an artifact that cannot be loaded, naming the field at fault', async () => {
    const before = await registryRows();
    const brokenModel = await call('POST', '/v1/admin/models', adminToken, uploadBody({ ...candidate, modelJson: '{"learner": 1}' }));
    expectSentraError(brokenModel, 400, 'SENTRA_ERR_MODEL_FORMAT');
    expect(brokenModel.json().error.details[0].path).toMatch(/^\/model_json/);
    const schema = candidate.featureSchema as { version: string; features: unknown[] };
    const shortSchema = await call('POST', '/v1/admin/models', adminToken, uploadBody({ ...candidate, featureSchema: { ...schema, features: schema.features.slice(1) } }));
    expectSentraError(shortSchema, 400, 'SENTRA_ERR_MODEL_FORMAT');
    expect(shortSchema.json().error.details[0].path).toMatch(/^\/feature_schema/);
    const missing = await call('POST', '/v1/admin/models', adminToken, { model_json: candidate.modelJson, metadata: {}, stray: true });
    expectSentraError(missing, 400, 'SENTRA_ERR_VALIDATION');
    expect(missing.json().error.details.map((detail: { path: string }) => detail.path)).toEqual(expect.arrayContaining(['/feature_schema', '/stray']));
    const unknown = await call('POST', '/v1/admin/models/no-such-model-0123/activate', adminToken);
    expectSentraError(unknown, 404, 'SENTRA_ERR_NOT_FOUND');
    const badName = await call('GET', `/v1/admin/models/${encodeURIComponent('../etc')}`, adminToken);
    expectSentraError(badName, 400, 'SENTRA_ERR_VALIDATION');
    expect(await registryRows()).toEqual(before);
  });

  it('shows a version with its feature importance, and curves only once it has labelled decisions', async () => {
    const detail = await call('GET', `/v1/admin/models/${defaultVersion}`, adminToken);
    expect(detail.statusCode, detail.body).toBe(200);
    const body = detail.json();
    expect(body).toMatchObject({ version: defaultVersion, active: true, metadata: { name: defaultArtifact.metadata.name } });
    expect(body.feature_importance.length).toBeGreaterThan(3);
    const shares = body.feature_importance.map((entry: { share: number }) => entry.share);
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
    expect(shares.reduce((sum: number, share: number) => sum + share, 0)).toBeLessThanOrEqual(1.000001);
    expect(body.curves).toBeNull();
    expect(body.curves_note).toContain('0 labelled decisions');

    const scored: { tx_id: string; risk_score: number; probability: number }[] = [];
    for (let index = 0; index < 6; index++) {
      const request = scoreBody({ transaction: { amount: 40 + index * 900 } });
      const response = await call('POST', '/v1/risk/score', adminToken, request);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().model_version).toBe(defaultVersion);
      scored.push({ tx_id: request.transaction.tx_id, risk_score: response.json().risk_score, probability: 0 });
    }
    const labels = scored.map((payment, index) => ({ tx_id: payment.tx_id, label: index % 2 === 0 ? 'fraud' : 'legit', labeled_at: new Date().toISOString(), source: 'analyst', reason: 'reviewed' }));
    expect((await call('POST', '/v1/labels', analyst, labels)).statusCode).toBe(200);
    const labelled = (await call('GET', `/v1/admin/models/${defaultVersion}`, adminToken)).json();
    expect(labelled.curves).toMatchObject({ source: 'labelled_decisions', rows: 6, frauds: 3 });
    expect(labelled.curves.roc[0]).toEqual({ x: 0, y: 0 });
    expect(labelled.curves.roc.at(-1)).toEqual({ x: 1, y: 1 });
    expect(labelled.curves.precision_recall.at(-1)).toEqual({ x: 1, y: 0.5 });
    expect(labelled.curves.calibration.reduce((sum: number, bin: { count: number }) => sum + bin.count, 0)).toBe(6);
    expect(labelled.curves.auc).toBeGreaterThanOrEqual(0);
    expect(labelled.curves_note).toContain('6 decisions');
    // The candidate made no decision: no curves, and the same trees give the same importance.
    const other = (await call('GET', `/v1/admin/models/${candidateVersion}`, adminToken)).json();
    expect(other.curves).toBeNull();
    expect(other.feature_importance).toEqual(body.feature_importance);
  });

  it('activates a version: audited in the chain, and the next score uses it without a restart', async () => {
    const before = await sentra.runtime.database.db.selectFrom('audit_log').select('seq').where('tenant_id', '=', 'default').execute();
    const activated = await call('POST', `/v1/admin/models/${candidateVersion}/activate`, adminToken);
    expect(activated.statusCode, activated.body).toBe(200);
    expect(activated.json()).toMatchObject({ version: candidateVersion, active: true });
    const score = await call('POST', '/v1/risk/score', adminToken, scoreBody());
    expect(score.json().model_version).toBe(candidateVersion);
    const entry = await sentra.runtime.database.db
      .selectFrom('audit_log')
      .select(['action', 'subject', 'payload', 'actor'])
      .where('tenant_id', '=', 'default')
      .where('action', '=', 'model.activated')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ subject: candidateVersion, payload: { previous: defaultVersion } });
    expect(entry.actor).not.toBe('system');
    const after = await sentra.runtime.database.db.selectFrom('audit_log').select('seq').where('tenant_id', '=', 'default').execute();
    expect(after.length).toBeGreaterThan(before.length);
    const verified = await call('GET', '/v1/audit/verify', adminToken);
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toMatchObject({ ok: true });
    const listed = (await call('GET', '/v1/admin/models', adminToken)).json();
    expect(listed.active).toMatchObject({ version: candidateVersion, activated_by: entry.actor });
    expect(listed.items.find((item: { version: string }) => item.version === defaultVersion).active).toBe(false);
    // Back to the default, so the tenant ends as it began.
    expect((await call('POST', `/v1/admin/models/${defaultVersion}/activate`, adminToken)).statusCode).toBe(200);
    expect((await call('POST', '/v1/risk/score', adminToken, scoreBody())).json().model_version).toBe(defaultVersion);
  });

  it('answers an analyst 403 on every registry route and writes nothing', async () => {
    const before = await registryRows();
    for (const [method, url, payload] of [
      ['GET', '/v1/admin/models', undefined],
      ['GET', `/v1/admin/models/${defaultVersion}`, undefined],
      ['POST', `/v1/admin/models/${candidateVersion}/activate`, undefined],
      ['POST', '/v1/admin/models', uploadBody(candidate, { activate: true })],
    ] as const) {
      expectSentraError(await call(method, url, analyst, payload), 403, 'SENTRA_ERR_FORBIDDEN');
    }
    expect(await registryRows()).toEqual(before);
  });

  it("keeps tenants apart: another tenant's admin cannot see or activate this tenant's versions", async () => {
    // The rival's first payment installs the default model for it.
    expect((await call('POST', '/v1/risk/score', rivalAdmin, scoreBody())).json().model_version).toBe(defaultVersion);
    const before = await registryRows();
    const listed = (await call('GET', '/v1/admin/models', rivalAdmin)).json();
    expect(listed.items.map((item: { version: string }) => item.version)).toEqual([defaultVersion]);
    expectSentraError(await call('GET', `/v1/admin/models/${candidateVersion}`, rivalAdmin), 404, 'SENTRA_ERR_NOT_FOUND');
    expectSentraError(await call('POST', `/v1/admin/models/${candidateVersion}/activate`, rivalAdmin), 404, 'SENTRA_ERR_NOT_FOUND');
    // The rival's view of the shared default version counts only its own decisions.
    expect((await call('GET', `/v1/admin/models/${defaultVersion}`, rivalAdmin)).json().curves).toBeNull();
    expect(await registryRows()).toEqual(before);
  });

  it('registers and activates in one upload, the next score using it', async () => {
    const third = { ...candidate, modelJson: candidate.modelJson.replace('"candidate":"1"', '"candidate":"2"'), metadata: { ...candidate.metadata, name: 'third' } };
    const uploaded = await call('POST', '/v1/admin/models', rivalAdmin, uploadBody(third, { activate: true }));
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect(uploaded.json()).toMatchObject({ version: artifactVersion(third), active: true });
    expect((await call('POST', '/v1/risk/score', rivalAdmin, scoreBody())).json().model_version).toBe(artifactVersion(third));
    expect((await call('POST', '/v1/risk/score', adminToken, scoreBody())).json().model_version).toBe(defaultVersion);
  });
});
