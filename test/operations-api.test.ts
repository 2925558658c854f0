import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, type TestApp } from './support/test-app.js';
import { scoreBody } from './support/score-body.js';

describe('operations surface', () => {
  let sentra: TestApp;
  beforeAll(async () => {
    sentra = await startTestApp('pglite');
  });
  afterAll(async () => {
    await sentra.close();
  });

  it('reports liveness and readiness', async () => {
    const health = await sentra.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    const ready = await sentra.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', checks: { database: true, model: true } });
  });

  it('exposes per-route latency histograms and decisions per action', async () => {
    const scored = await sentra.app.inject({
      method: 'POST',
      url: '/v1/risk/score',
      headers: { authorization: `Bearer ${adminToken}` },
      payload: scoreBody(),
    });
    const { decision } = scored.json();
    const metrics = await sentra.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toMatch(/sentra_http_request_duration_seconds_bucket\{le="0\.005",route="\/v1\/risk\/score",method="POST",status="200"\} \d+/);
    expect(metrics.body).toContain(`sentra_decisions_total{decision="${decision}",source="api"} 1`);
    expect(metrics.body).toMatch(/sentra_scoring_stage_seconds_count\{stage="persist"\} 1/);
  });

  it('serves the OpenAPI document and the API reference page', async () => {
    const document = await sentra.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(document.statusCode).toBe(200);
    const openapi = document.json();
    expect(openapi.openapi).toBe('3.1.0');
    const score = openapi.paths['/v1/risk/score'].post;
    expect(Object.keys(score.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '413', '415', '503']));
    const requestSchema = score.requestBody.content['application/json'].schema;
    expect(JSON.stringify(requestSchema)).toContain('sender_entity_id');
    expect(openapi.paths['/v1/decisions/{request_id}']).toBeDefined();
    expect(openapi.paths['/v1/admin/thresholds'].put).toBeDefined();
    const page = await sentra.app.inject({ method: 'GET', url: '/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger');
  });

  it('answers unknown routes with the error body', async () => {
    const response = await sentra.app.inject({ method: 'GET', url: '/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('SENTRA_ERR_NOT_FOUND');
  });
});
