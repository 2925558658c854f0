import { mkdtemp, rm } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/platform/database.js';
import { scoreBody } from './support/score-body.js';
import { serve } from './support/serve-process.js';

const token = 'shutdown-test-admin-token-0123456';
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
const folders: string[] = [];
const sockets: Socket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

async function dataFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'sentra-shutdown-'));
  folders.push(folder);
  return folder;
}

/** A client that sent a request's headers and the first byte of its body, then nothing more. */
async function trickleClient(port: number): Promise<void> {
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  await once(socket, 'connect');
  socket.on('error', () => undefined);
  socket.write(`POST /v1/risk/score HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n{`);
  await new Promise((resolve) => setTimeout(resolve, 200));
}

describe('sentra serve on SIGTERM', () => {
  it('answers and stores every request already received, refuses new ones, and exits 0', async () => {
    const dataDir = await dataFolder();
    const server = await serve(dataDir, 18_451, { SENTRA_BOOTSTRAP_TOKEN: token, LOG_LEVEL: 'info' });
    const txIds = Array.from({ length: 48 }, (_, index) => `drain-${index}`);
    const requests = txIds.map((txId) =>
      fetch('http://127.0.0.1:18451/v1/risk/score', { method: 'POST', headers, body: JSON.stringify(scoreBody({ transaction: { tx_id: txId } })) }).then(
        async (response) => ({ txId, status: response.status, requestId: response.status === 200 ? ((await response.json()) as { request_id: string }).request_id : undefined }),
        () => ({ txId, status: 0, requestId: undefined }),
      ),
    );
    // The signal comes with the first answer: the other requests are in flight at that moment.
    await Promise.race(requests);
    server.signal('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const late = await fetch('http://127.0.0.1:18451/v1/risk/score', { method: 'POST', headers, body: JSON.stringify(scoreBody({ transaction: { tx_id: 'drain-late' } })) }).then(
      (response) => response.status,
      () => 0,
    );
    const settled = await Promise.all(requests);
    expect(await server.exited()).toBe(0);
    expect(server.output()).toContain('shutting down: draining requests and writes');

    // Nothing in flight was cut off: every request got an answer or a clean refusal, never a 5xx other than 503.
    for (const result of settled) expect([200, 503, 0], result.txId).toContain(result.status);
    const answered = settled.filter((result) => result.status === 200);
    expect(answered.length).toBeGreaterThan(txIds.length / 2);
    expect(late).not.toBe(200);

    // Every answered decision is stored once; a refused one is not stored at all.
    const database = await openDatabase({ databaseUrl: undefined, dataDir, timeoutMs: 10_000 });
    try {
      const stored = await database.db.selectFrom('risk_scores').select(['tx_id', 'id']).where('tx_id', 'in', [...txIds, 'drain-late']).execute();
      expect(stored.map((row) => row.id).sort()).toEqual(answered.map((result) => result.requestId).sort());
      expect(new Set(stored.map((row) => row.tx_id)).size).toBe(stored.length);
    } finally {
      await database.close();
    }
  });

  it('exits 1 once the drain outlasts SENTRA_SHUTDOWN_TIMEOUT_MS', async () => {
    const server = await serve(await dataFolder(), 18_452, { SENTRA_BOOTSTRAP_TOKEN: token, SENTRA_SHUTDOWN_TIMEOUT_MS: '1000' });
    await trickleClient(18_452);
    const signalled = Date.now();
    server.signal('SIGTERM');
    expect(await server.exited()).toBe(1);
    // The bound, not the 30 s request timeout that would end the stalled request otherwise.
    expect(Date.now() - signalled).toBeLessThan(20_000);
    expect(server.output()).toContain('shutdown did not finish within SENTRA_SHUTDOWN_TIMEOUT_MS');
  });

  it('exits 1 at once on a second signal while draining', async () => {
    const server = await serve(await dataFolder(), 18_453, { SENTRA_BOOTSTRAP_TOKEN: token });
    await trickleClient(18_453);
    server.signal('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const secondAt = Date.now();
    server.signal('SIGTERM');
    expect(await server.exited()).toBe(1);
    expect(Date.now() - secondAt).toBeLessThan(20_000);
    expect(server.output()).toContain('second signal while draining: exiting now');
  });
});
