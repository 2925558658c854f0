import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, type TestApp } from '../support/test-app.js';
import { scoreBody } from '../support/score-body.js';
import { browserAvailable, screenshot, servedToChromium } from '../support/browser.js';
import { artifactVersion, readArtifactFolder, writeArtifactFolder, type ModelArtifact } from '../../src/registry/model-artifact.js';
import { defaultModelFolder } from '../../src/registry/model-registry.js';

describe.skipIf(!browserAvailable())('the console model registry in headless Chromium', () => {
  let sentra: TestApp;
  let folder: string;
  let defaultVersion: string;
  let defaultAuc: string;
  let candidate: ModelArtifact;
  let candidateVersion: string;
  const call = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
    sentra.app.inject({ method, url, headers: { authorization: `Bearer ${adminToken}` }, ...(payload === undefined ? {} : { payload: payload as object }) });

  beforeAll(async () => {
    sentra = await startTestApp('pglite');
    folder = await mkdtemp(join(tmpdir(), 'sentra-console-models-'));
    const artifact = await readArtifactFolder(defaultModelFolder);
    defaultVersion = artifactVersion(artifact);
    // The validation AUC its metadata records, as the page shows it (4 decimals).
    defaultAuc = ((artifact.metadata as { metrics: { validation: { auc: number } } }).metrics.validation.auc).toFixed(4);
    candidate = { ...artifact, modelJson: artifact.modelJson.replace('"attributes":{}', '"attributes":{"candidate":"1"}'), metadata: { ...artifact.metadata, name: 'candidate' } };
    candidateVersion = artifactVersion(candidate);
    // Labelled decisions of the default model, so that it has curves to draw.
    const labels = [];
    for (let index = 0; index < 8; index++) {
      const body = scoreBody({ transaction: { amount: 30 + index * 700 } });
      expect((await call('POST', '/v1/risk/score', body)).statusCode).toBe(200);
      labels.push({ tx_id: body.transaction.tx_id, label: index % 3 === 0 ? 'fraud' : 'legit', labeled_at: new Date().toISOString(), source: 'analyst', reason: 'reviewed' });
    }
    expect((await call('POST', '/v1/labels', labels)).statusCode).toBe(200);
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });
  const served = servedToChromium(() => sentra);

  it('registers an artifact folder, compares it with the active model, and activates it after a confirmation: the next manual score uses it', async () => {
    const page = await served.pages.signedIn(adminToken, '/admin');
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Models' }).click();
    await page.waitForURL(`${served.base}/admin/models`);
    await page.getByRole('heading', { name: 'Models', exact: true }).waitFor();
    const versions = page.getByRole('table', { name: /Model versions/ });
    await expect.poll(() => versions.textContent()).toContain(defaultVersion);
    expect(await versions.textContent()).toContain(defaultAuc);

    // A folder with a broken model.json is refused, the field named, nothing registered.
    const broken = join(folder, 'broken');
    await writeArtifactFolder(broken, { ...candidate, modelJson: '{"learner": 1}' });
    const files = page.getByLabel('Artifact files');
    await files.setInputFiles(['model.json', 'feature_schema.json', 'metadata.json'].map((file) => join(broken, file)));
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await expect.poll(() => page.locator('#upload-error').textContent(), { timeout: 10_000 }).toContain('/model_json');
    // Two of the three files: said before anything is sent.
    await files.setInputFiles([join(broken, 'model.json'), join(broken, 'metadata.json')]);
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await expect.poll(() => page.locator('#upload-problems').textContent()).toContain('feature_schema.json');
    expect((await call('GET', '/v1/admin/models')).json().items).toHaveLength(1);

    const good = join(folder, 'candidate');
    await writeArtifactFolder(good, candidate);
    await files.setInputFiles(['model.json', 'feature_schema.json', 'metadata.json'].map((file) => join(good, file)));
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await expect.poll(() => page.getByRole('status').allTextContents(), { timeout: 20_000 }).toContainEqual(expect.stringContaining(`Registered ${candidateVersion}`));
    await expect.poll(() => versions.textContent()).toContain(candidateVersion);

    // Side by side: the active model and the new one, curves where there are labelled decisions.
    await page.getByRole('heading', { name: 'Curves on labelled decisions' }).waitFor();
    await page.locator('.curve-chart').first().waitFor();
    expect(await page.locator(`.curve-chart path[data-series="${defaultVersion}"]`).count()).toBe(2);
    expect(await page.locator(`.curve-chart path[data-series="${candidateVersion}"]`).count()).toBe(0);
    const figures = await page.locator('.curve-figures').textContent();
    expect(figures).toContain('8');
    expect(figures).toContain('needs both fraud and legit labels');
    expect(await page.locator('.importance-chart').count()).toBe(2);
    expect(await page.locator('.importance-chart g[data-feature]').count()).toBeGreaterThan(6);
    await screenshot(page, 'admin-models');

    // Declining the confirmation changes nothing.
    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.getByRole('button', { name: 'Activate candidate' }).click();
    expect((await call('GET', '/v1/admin/models')).json().active.version).toBe(defaultVersion);
    let question = '';
    page.once('dialog', (dialog) => {
      question = dialog.message();
      void dialog.accept();
    });
    await page.getByRole('button', { name: 'Activate candidate' }).click();
    await expect.poll(() => page.getByRole('status').allTextContents(), { timeout: 10_000 }).toContainEqual(expect.stringContaining(`${candidateVersion} is active`));
    expect(question).toContain(`Activate ${candidateVersion}?`);
    expect(question).toContain(`Active now: ${defaultVersion}`);
    expect((await call('GET', '/v1/admin/models')).json().active.version).toBe(candidateVersion);

    // The next manual score uses the new model, without a restart.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Manual score' }).click();
    await page.waitForURL(`${served.base}/manual-score`);
    const editor = page.getByLabel(/Scoring request/);
    await expect.poll(() => page.locator('#request-status').textContent()).toBe('Valid against the API schema.');
    await editor.focus();
    await page.keyboard.press('Control+Enter');
    await page.getByRole('meter', { name: /Risk score/ }).waitFor();
    expect(await page.locator('.score-answer dl').textContent()).toContain(candidateVersion);
  });
});
