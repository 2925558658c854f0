import { existsSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConsoleRoot } from '../src/http/routes/console.routes.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const assetsDirectory = new URL('assets/', defaultConsoleRoot);
const built = existsSync(new URL('index.html', defaultConsoleRoot));

// `npm test` builds the console first; a bare `vitest run` without a build has nothing to serve.
describe.skipIf(!built)('the console served by the API server', () => {
  let sentra: TestApp;
  let script: string;
  beforeAll(async () => {
    sentra = await startTestApp();
    // The entry chunk: large enough that compression must pay off.
    script = readdirSync(assetsDirectory).find((name) => name.startsWith('index-') && name.endsWith('.js'))!;
  });
  afterAll(async () => sentra.close());

  it.each(['/', '/sign-in', '/manual-score', '/decisions', '/decisions/dec_1', '/admin', '/admin/thresholds'])(
    'answers the client path %s with the page, revalidated on every load, under a strict CSP',
    async (url) => {
      const response = await sentra.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toContain('<div id="root"></div>');
      const policy = String(response.headers['content-security-policy']);
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toContain('unsafe-inline');
      expect(policy).not.toContain('unsafe-eval');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
    },
  );

  it('answers a repeated page load with 304 when it has not changed', async () => {
    const first = await sentra.app.inject({ method: 'GET', url: '/' });
    const again = await sentra.app.inject({ method: 'GET', url: '/manual-score', headers: { 'if-none-match': String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('serves hashed assets as immutable for a year, precompressed when the browser accepts it', async () => {
    const plain = await sentra.app.inject({ method: 'GET', url: `/assets/${script}`, headers: { 'accept-encoding': 'identity' } });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-type']).toContain('javascript');
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.headers['x-content-type-options']).toBe('nosniff');
    const compressed = await sentra.app.inject({ method: 'GET', url: `/assets/${script}`, headers: { 'accept-encoding': 'br, gzip' } });
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(compressed.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(compressed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('keeps the JSON 404 for unknown API paths, unknown assets and unknown top-level paths', async () => {
    for (const url of ['/v1/nothing-here', '/v1/decisions', '/assets/missing-0000.js', '/nothing-here', '/api/v1/unknown']) {
      const response = await sentra.app.inject({ method: 'GET', url, headers: { accept: 'text/html,application/json' } });
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error.code, url).toBe('SENTRA_ERR_NOT_FOUND');
    }
  });

  it('leaves the API reference and the OpenAPI document where they were', async () => {
    expect((await sentra.app.inject({ method: 'GET', url: '/openapi.json' })).json().openapi).toBe('3.1.0');
    const reference = await sentra.app.inject({ method: 'GET', url: '/docs/' });
    expect(reference.statusCode).toBe(200);
    expect(reference.body).toContain('swagger');
  });

  it('does not list the page routes in the OpenAPI document', async () => {
    const paths = Object.keys((await sentra.app.inject({ method: 'GET', url: '/openapi.json' })).json().paths);
    expect(paths.filter((path) => !path.startsWith('/v1/') && !path.startsWith('/api/') && !['/healthz', '/readyz', '/metrics'].includes(path))).toEqual([]);
  });
});
