import { describe, expect, it } from 'vitest';
import { adminToken, freshPostgresSchema, startTestApp, type TestApp } from './support/test-app.js';
import { scoreBody } from './support/score-body.js';
import { startTcpProxy } from './support/tcp-proxy.js';
import { createMerchant, expectSentryErrorShape, sentryMinimalRequest } from './support/merchants.js';

const score = (sentra: TestApp, txId: string) =>
  sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers: { authorization: `Bearer ${adminToken}` }, payload: scoreBody({ transaction: { tx_id: txId } }) });

/**
 * Decision requests stuck in flight (the database behind a proxy that swallows every byte) make the
 * server refuse new decision requests at the door once enough are in flight and the oldest has
 * waited past SENTRA_SHED_AFTER_MS: 503 SENTRA_ERR_OVERLOADED with Retry-After, in each API's own
 * error shape, nothing written, counted in /metrics; routes that decide nothing still answer, and
 * admission resumes once the stuck requests are gone.
 */
describe('load shedding', () => {
  it.skipIf(process.env.DATABASE_URL === undefined)('refuses decision requests while the oldest in flight waits past the bound, and admits again after', async () => {
    const url = new URL(await freshPostgresSchema());
    const proxy = await startTcpProxy(url.hostname, Number(url.port || 5432));
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    const sentra = await startTestApp('pglite', { DATABASE_URL: url.toString(), SENTRA_DB_TIMEOUT_MS: '1500', SENTRA_SHED_AFTER_MS: '100', SENTRA_SHED_MIN_IN_FLIGHT: '2' });
    try {
      let warm = 0;
      for (let attempt = 0; attempt < 20 && warm !== 200; attempt++) warm = (await score(sentra, `shed-warm-${attempt}`)).statusCode;
      expect(warm).toBe(200);
      const merchant = await createMerchant(sentra.app, adminToken, {}, '100.00');

      proxy.blackhole();
      // The pool's open connections were dropped: the next request fails fast and the ones after it hang on connecting.
      expect((await score(sentra, 'shed-dropped')).statusCode).toBe(503);
      const stuck = [score(sentra, 'shed-stuck-1'), score(sentra, 'shed-stuck-2')];
      await new Promise((resolve) => setTimeout(resolve, 300));

      const refused = await score(sentra, 'shed-refused');
      expect(refused.statusCode, refused.body).toBe(503);
      expect(refused.headers['retry-after']).toBe('1');
      expect(refused.json().error.code).toBe('SENTRA_ERR_OVERLOADED');

      const sentry = await sentra.app.inject({ method: 'POST', url: '/api/v1/sentry', headers: merchant.headers, payload: sentryMinimalRequest() });
      expect(sentry.statusCode, sentry.body).toBe(503);
      expectSentryErrorShape(sentry, 'sentry while shedding', ['SENTRA_ERR_OVERLOADED']);
      const pipeline = await sentra.app.inject({ method: 'POST', url: '/api/v1/pipeline', headers: merchant.headers, payload: sentryMinimalRequest() });
      expect(pipeline.statusCode, pipeline.body).toBe(503);
      expectSentryErrorShape(pipeline, 'pipeline while shedding', ['SENTRA_ERR_OVERLOADED'], 'pipelineResponse');

      expect((await sentra.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      const metrics = await sentra.app.inject({ method: 'GET', url: '/metrics' });
      expect(metrics.body).toMatch(/^sentra_requests_shed_total\{route="\/v1\/risk\/score"\} 1$/m);
      expect(metrics.body).toMatch(/^sentra_requests_shed_total\{route="\/api\/v1\/sentry"\} 1$/m);
      expect(metrics.body).toMatch(/^sentra_requests_shed_total\{route="\/api\/v1\/pipeline"\} 1$/m);

      await proxy.restore();
      for (const answer of await Promise.all(stuck)) expect([200, 503]).toContain(answer.statusCode);
      let admitted = 0;
      for (let attempt = 0; attempt < 20 && admitted !== 200; attempt++) admitted = (await score(sentra, `shed-after-${attempt}`)).statusCode;
      expect(admitted, 'admitted again once nothing is stuck').toBe(200);
      const written = await sentra.runtime.database.db.selectFrom('risk_scores').select('tx_id').where('tx_id', '=', 'shed-refused').execute();
      expect(written).toEqual([]);
    } finally {
      await sentra.app.close();
      await proxy.close();
    }
  });

  it('never refuses while at most SENTRA_SHED_MIN_IN_FLIGHT decision requests are in flight', async () => {
    const sentra = await startTestApp('pglite', { SENTRA_SHED_AFTER_MS: '1', SENTRA_SHED_MIN_IN_FLIGHT: '16' });
    try {
      const answers = await Promise.all(Array.from({ length: 16 }, (_, index) => score(sentra, `shed-burst-${index}`)));
      expect(answers.map((answer) => answer.statusCode)).toEqual(Array.from({ length: 16 }, () => 200));
    } finally {
      await sentra.app.close();
    }
  });
});
