import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, type TestApp } from './support/test-app.js';
import { apiSecurityHeaders } from '../src/http/security-headers.js';

describe('HTTP hardening', () => {
  let sentra: TestApp;
  beforeAll(async () => {
    sentra = await startTestApp('pglite');
  });
  afterAll(async () => {
    await sentra.close();
  });

  it('sends the security headers on API answers, errors included', async () => {
    for (const request of [
      { method: 'GET' as const, url: '/healthz' },
      { method: 'GET' as const, url: '/v1/me', headers: { authorization: `Bearer ${adminToken}` } },
      { method: 'GET' as const, url: '/v1/me' },
      { method: 'GET' as const, url: '/no/such/route' },
    ]) {
      const response = await sentra.app.inject(request);
      for (const [name, value] of Object.entries(apiSecurityHeaders)) expect(response.headers[name], `${request.url} ${name}`).toBe(value);
    }
  });

  it('keeps the API reference page working under its own content security policy', async () => {
    const response = await sentra.app.inject({ method: 'GET', url: '/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-security-policy']).not.toBe(apiSecurityHeaders['content-security-policy']);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers no cross-origin request with CORS permission (CORS is off)', async () => {
    const preflight = await sentra.app.inject({
      method: 'OPTIONS',
      url: '/v1/risk/score',
      headers: { origin: 'https://attacker.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(preflight.statusCode).toBe(404);
    const read = await sentra.app.inject({ method: 'GET', url: '/v1/me', headers: { origin: 'https://attacker.example', authorization: `Bearer ${adminToken}` } });
    expect(read.statusCode).toBe(200);
    for (const response of [preflight, read]) {
      expect(Object.keys(response.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    }
  });
});
