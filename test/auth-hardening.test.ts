import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/platform/clock.js';
import { scoreBody } from './support/score-body.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Resolves with what the server sent once it closes the socket, or with undefined after the bound. */
function closedWithin(socket: Socket, boundMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    const timer = setTimeout(() => resolve(undefined), boundMs);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(received);
    });
    socket.on('error', () => undefined);
  });
}

describe('authentication hardening', () => {
  let sentra: TestApp | undefined;
  afterEach(async () => {
    await sentra?.close();
    sentra = undefined;
  });

  it('keeps a verified token cached through a flood of more unknown tokens than the cache holds', async () => {
    // A still clock: the flood takes longer than the cache lifetime, which is not what is measured.
    sentra = await startTestApp('pglite', {}, { clock: new ManualClock(Date.now()) });
    const token = await sentra.addToken('default', 'analyst');
    const { authenticator, database } = sentra.runtime;
    expect((await authenticator.authenticate(token))?.role).toBe('analyst');
    // Revoke behind the cache's back: only a cache hit can still know the token afterwards, so the
    // answer below proves the flood did not evict it (and cost no database read for it).
    await database.db.updateTable('api_tokens').set({ revoked_at: new Date() }).where('tenant_id', '=', 'default').where('role', '=', 'analyst').execute();
    for (let index = 0; index < 10_050; index++) {
      expect(await authenticator.authenticate(`guess-${index}-0123456789`)).toBeUndefined();
      if (index % 1000 === 0) expect(await authenticator.authenticate(token)).toBeDefined();
    }
    expect((await authenticator.authenticate(token))?.role).toBe('analyst');
    authenticator.forget();
    expect(await authenticator.authenticate(token)).toBeUndefined();
  }, 120_000);

  it('answers 429 with Retry-After once a token exceeds its requests per second, writes nothing for it, and lets other tokens and the next second through', async () => {
    const clock = new ManualClock(Date.parse('2026-11-20T15:00:00.250Z'));
    sentra = await startTestApp('pglite', { SENTRA_TOKEN_RATE_LIMIT: '5' }, { clock });
    const busy = await sentra.addToken('default', 'analyst');
    const other = await sentra.addToken('default', 'analyst');
    const score = (token: string, txId: string) =>
      sentra!.app.inject({ method: 'POST', url: '/v1/risk/score', headers: { authorization: `Bearer ${token}` }, payload: scoreBody({ transaction: { tx_id: txId } }) });
    for (let index = 0; index < 5; index++) expect((await score(busy, `rate-${index}`)).statusCode).toBe(200);
    const limited = await score(busy, 'rate-over');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('SENTRA_ERR_RATE_LIMITED');
    expect(limited.headers['retry-after']).toBe('1');
    const stored = await sentra.runtime.database.db.selectFrom('risk_scores').select('tx_id').where('tx_id', '=', 'rate-over').execute();
    expect(stored).toEqual([]);
    expect((await score(other, 'rate-other')).statusCode).toBe(200);
    clock.advance(1_000);
    expect((await score(busy, 'rate-next-second')).statusCode).toBe(200);
  });

  it('answers 429 with Retry-After once an address exceeds its failed authentications, and still admits a recently verified token', async () => {
    sentra = await startTestApp('pglite', { SENTRA_AUTH_FAILURE_LIMIT: '5' });
    const known = await sentra.addToken('default', 'analyst');
    const fresh = await sentra.addToken('default', 'admin');
    const get = (token: string) => sentra!.app.inject({ method: 'GET', url: '/v1/decisions/dec_x', headers: { authorization: `Bearer ${token}` } });
    expect((await get(known)).statusCode).toBe(404);
    for (let attempt = 0; attempt < 5; attempt++) expect((await get(`wrong-${attempt}-token-value`)).statusCode).toBe(401);
    const limited = await get('wrong-6-token-value');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('SENTRA_ERR_RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    // The token verified before the flood still works; a token never seen waits like a guess would.
    expect((await get(known)).statusCode).toBe(404);
    expect((await get(fresh)).statusCode).toBe(429);
    // A request without credentials costs no lookup and is not limited.
    expect((await sentra.app.inject({ method: 'GET', url: '/v1/decisions/dec_x' })).statusCode).toBe(401);
  });

  it('closes a connection whose request trickles in slower than the request timeout', async () => {
    sentra = await startTestApp('pglite', { SENTRA_REQUEST_TIMEOUT_MS: '500', SENTRA_CONNECTION_TIMEOUT_MS: '5000' });
    await sentra.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = sentra.app.server.address() as { port: number };
    const socket = connect(port, '127.0.0.1');
    socket.write('POST /v1/risk/score HTTP/1.1\r\nHost: localhost\r\n');
    // One header line every 100 ms: never silent long enough for the idle timeout alone.
    let line = 0;
    const drip = setInterval(() => socket.writable && socket.write(`X-Slow-${line++}: a\r\n`), 100);
    const received = await closedWithin(socket, 4_000);
    clearInterval(drip);
    socket.destroy();
    expect(received).toBeDefined();
    expect(received).toMatch(/^HTTP\/1\.1 408|^$/);
  });

  it('answers a request whose work outlasts the connection timeout: the timeout is for a silent client, not a busy server', async () => {
    sentra = await startTestApp('pglite', { SENTRA_CONNECTION_TIMEOUT_MS: '300' });
    await sentra.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = sentra.app.server.address() as { port: number };
    const base = `http://127.0.0.1:${port}`;
    const headers = { authorization: 'Bearer test-admin-token-0123456789abcdef' };
    const created = await fetch(`${base}/v1/lists`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'long_upload', kind: 'entity_id' }) });
    expect(created.status).toBe(201);
    // 100,000 entries: storing them takes well over 300 ms, all of it after the request was received.
    const csv = 'value,note\n' + Array.from({ length: 100_000 }, (_, index) => `entity-${index},bulk`).join('\n') + '\n';
    const upload = await fetch(`${base}/v1/lists/long_upload/entries`, { method: 'POST', headers: { ...headers, 'content-type': 'text/csv' }, body: csv });
    expect(upload.status).toBe(200);
    expect(await upload.json()).toMatchObject({ written: 100_000 });
  });

  it('closes a silent connection after the connection timeout', async () => {
    sentra = await startTestApp('pglite', { SENTRA_CONNECTION_TIMEOUT_MS: '300' });
    await sentra.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = sentra.app.server.address() as { port: number };
    const socket = connect(port, '127.0.0.1');
    socket.write('GET /healthz HTTP/1.1\r\n');
    const received = await closedWithin(socket, 3_000);
    socket.destroy();
    expect(received).toBeDefined();
  });
});
