import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreBody } from './support/score-body.js';
import { sentryMinimalRequest } from './support/merchants.js';
import { serve } from './support/serve-process.js';

const bootstrapToken = 'log-scan-bootstrap-token-5f0c2a9e7d41';
const wrongToken = 'sentra_log-scan-wrong-token-0123456789abcdefghijkl';
const rawIps = ['198.51.100.23', '2001:db8:77::5', '134.25.212.56'];
const documentNumber = 'X98172635';
const email = 'olga.petrenko@example.net';
const passport = ['PASSPORT', 'Full name: Olga Petrenko', 'Date of birth: 03.02.1979', `Passport number: ${documentNumber}`, `Contact: ${email}`, 'Date of expiry: 2031-01-01'].join('\n');

describe('what the server writes to its log', () => {
  it('never holds a token, an API key, a raw IP address, document text or an email, at the most verbose level', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sentra-log-scan-'));
    const port = 18_461;
    const base = `http://127.0.0.1:${port}`;
    const server = await serve(dataDir, port, { SENTRA_BOOTSTRAP_TOKEN: bootstrapToken, LOG_LEVEL: 'trace', SENTRA_WORKER_POLL_MS: '20' });
    const secrets = [bootstrapToken, wrongToken, ...rawIps, documentNumber, email];
    try {
      const call = async (method: string, path: string, token: string | undefined, body?: unknown, headers: Record<string, string> = {}) => {
        const response = await fetch(`${base}${path}`, {
          method,
          headers: { ...(token === undefined ? {} : { authorization: `Bearer ${token}` }), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return { status: response.status, body: (await response.text()) as string };
      };
      const json = (text: string) => JSON.parse(text) as Record<string, string>;

      const created = await call('POST', '/v1/admin/tokens', bootstrapToken, { name: 'checkout', role: 'service' });
      expect(created.status, created.body).toBe(201);
      const serviceToken = json(created.body).token!;
      secrets.push(serviceToken);

      const scored = await call('POST', '/v1/risk/score', serviceToken, scoreBody({ entities: { sender_entity_id: 'cust-log-1' }, kyc_refs: [{ entity_id: 'cust-log-1', text_blob: passport }] }));
      expect(scored.status, scored.body).toBe(200);
      for (let attempt = 0; attempt < 3; attempt++) expect((await call('GET', '/v1/me', wrongToken)).status).toBe(401);

      const merchant = await call('POST', '/v1/admin/merchants', bootstrapToken, { name: 'Log shop' });
      expect(merchant.status, merchant.body).toBe(201);
      const merchantId = json(merchant.body).merchant_id!;
      const key = await call('POST', `/v1/admin/merchants/${merchantId}/keys`, bootstrapToken, { name: 'web' });
      expect(key.status, key.body).toBe(201);
      const apiKey = json(key.body).api_key!;
      secrets.push(apiKey);
      expect((await call('POST', `/v1/admin/merchants/${merchantId}/balance`, bootstrapToken, { amount: '10.00' })).status).toBe(200);
      const merchantHeaders = { 'x-api-key': apiKey, 'x-merchant-id': merchantId };
      const event = { userId: 'user-log-1', eventType: 'login_attempt', sessionId: 'session-log-1', ipAddress: rawIps[0], userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/131.0', channel: 'Web', screenResolution: '1920x1080', timezone: 'Europe/Berlin', platform: 'Linux', language: 'de-DE' };
      const eventAnswer = await call('POST', '/api/v1/Events', undefined, event, merchantHeaders);
      expect(eventAnswer.status, eventAnswer.body).toBe(200);
      expect((await call('POST', '/api/v1/Events', undefined, { ...event, ipAddress: rawIps[1] }, merchantHeaders)).status).toBe(200);
      const sentry = await call('POST', '/api/v1/sentry', undefined, sentryMinimalRequest(), merchantHeaders);
      expect(sentry.status, sentry.body).toBe(200);
      // A wrong key for the merchant, and a bad body carrying the secrets, are refused and logged as such.
      expect((await call('POST', '/api/v1/Events', undefined, event, { ...merchantHeaders, 'x-api-key': `${apiKey}x` })).status).toBe(401);
      expect((await call('POST', '/v1/risk/score', serviceToken, { transaction: { tx_id: email, amount: documentNumber } })).status).toBe(400);

      // The enrichment job reads the document (masked before it is analysed) and finishes.
      let enrichment = '';
      for (let attempt = 0; attempt < 200 && !enrichment.includes('"ready"'); attempt++) {
        enrichment = (await call('GET', '/v1/enrichment/cust-log-1', bootstrapToken)).body;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(enrichment).toContain('"ready"');
      const revoked = await call('DELETE', `/v1/admin/tokens/${json(created.body).token_id}`, bootstrapToken);
      expect(revoked.status, revoked.body).toBeLessThan(300);
    } finally {
      expect(await server.stop()).toBe(0);
      await rm(dataDir, { recursive: true, force: true });
    }
    const log = server.output();
    // The whole life of the process is in it (request logging is off: requests are counted in /metrics).
    expect(log).toContain('runtime ready');
    expect(log).toContain('shutting down: draining requests and writes');
    for (const secret of secrets) expect(log.includes(secret), `the log holds ${secret}`).toBe(false);
  });
});
