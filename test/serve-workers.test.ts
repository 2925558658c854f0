import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RiskScoreRequest } from '../src/contract/risk-score.js';
import { scoreBody } from './support/score-body.js';
import { serve, type ServeProcess } from './support/serve-process.js';
import { PinnedConnection, socketOwner } from './support/socket-owner.js';
import { deleteKeys, freshPostgresSchema } from './support/test-app.js';

const token = 'workers-test-admin-token-0123456789';
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
const scaled = process.env.DATABASE_URL !== undefined && process.env.DATABASE_URL !== '' && process.env.REDIS_URL !== undefined && process.env.REDIS_URL !== '';

/** The pids the primary logged as listening, in order. */
function listeningWorkers(output: string): number[] {
  const pids: number[] = [];
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line) as { role?: string; msg?: string; pid?: number };
    if (entry.role === 'primary' && entry.msg === 'worker listening' && entry.pid !== undefined) pids.push(entry.pid);
  }
  return pids;
}

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** One sender's payments, a minute apart, on a device a second sender shares and on a device of its own. */
function paymentSequence(): RiskScoreRequest[] {
  const start = Date.now() - 30 * 60_000;
  return Array.from({ length: 13 }, (_, index) =>
    scoreBody({
      transaction: { tx_id: `spread-${index}`, created_at: new Date(start + index * 60_000).toISOString(), amount: 40 + index * 13 },
      entities: {
        sender_entity_id: index % 4 === 3 ? 'spread-sender-b' : 'spread-sender-a',
        device_id_hash: index % 3 === 2 ? 'spread-device-2' : 'spread-device-1',
        user_id: index % 4 === 3 ? 'spread-user-b' : 'spread-user-a',
      },
    }),
  );
}

type Scored = { risk_score: number; features: Record<string, number | null> };

/** Scores the payments in order, payment i over connection i mod n, and reads each stored decision back. */
async function scoreInOrder(connections: readonly PinnedConnection[], payments: readonly RiskScoreRequest[]): Promise<Scored[]> {
  const scored: Scored[] = [];
  for (const [index, payment] of payments.entries()) {
    const connection = connections[index % connections.length]!;
    const answer = await connection.send('POST', '/v1/risk/score', headers, JSON.stringify(payment));
    expect(answer.status, answer.body).toBe(200);
    const { request_id: requestId, risk_score: riskScore } = JSON.parse(answer.body) as { request_id: string; risk_score: number };
    const stored = await connection.send('GET', `/v1/decisions/${requestId}`, headers);
    expect(stored.status, stored.body).toBe(200);
    scored.push({ risk_score: riskScore, features: (JSON.parse(stored.body) as Scored).features });
  }
  return scored;
}

describe('sentra serve --workers on the embedded database', () => {
  it('refuses more than one API process with SENTRA_ERR_CONFIG and exit code 2', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sentra-workers-embedded-'));
    try {
      const child = spawn(process.execPath, ['dist/cli/main.js', 'serve', '--workers', '2'], {
        env: { ...process.env, SENTRA_DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '', PORT: '18619', HOST: '127.0.0.1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const [code] = await once(child, 'exit');
      expect(code).toBe(2);
      expect(stderr).toContain('sentra: SENTRA_ERR_CONFIG: --workers 2 needs DATABASE_URL and REDIS_URL');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!scaled)('sentra serve --workers 2 on PostgreSQL and Redis', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  /** A server on a fresh schema and Redis prefix. */
  async function start(port: number, env: Record<string, string>): Promise<ServeProcess> {
    const dataDir = mkdtempSync(join(tmpdir(), 'sentra-workers-'));
    const prefix = `test:workers:${process.pid}:${port}`;
    const server = await serve(dataDir, port, {
      DATABASE_URL: await freshPostgresSchema(),
      REDIS_URL: process.env.REDIS_URL!,
      SENTRA_REDIS_PREFIX: prefix,
      SENTRA_BOOTSTRAP_TOKEN: token,
      LOG_LEVEL: 'info',
      ...env,
    });
    cleanups.push(async () => {
      server.signal('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
      await deleteKeys(process.env.REDIS_URL!, prefix);
    });
    return server;
  }

  it('gives up with exit code 1 when workers keep dying before they listen', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sentra-workers-dying-'));
    try {
      const missing = new URL(process.env.DATABASE_URL!);
      missing.pathname = `/sentra_missing_${process.pid}`;
      const child = spawn(process.execPath, ['dist/cli/main.js', 'serve', '--workers', '2'], {
        env: { ...process.env, SENTRA_DATA_DIR: dataDir, DATABASE_URL: missing.toString(), PORT: '18618', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      // A primary that never gives up would outlive the test: its workers end with it.
      cleanups.push(() => void child.kill('SIGKILL'));
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const [code] = await once(child, 'exit');
      expect(code).toBe(1);
      expect(output.match(/"msg":"worker exited"/g)).toHaveLength(5);
      expect(output).toContain('5 workers in a row died before listening: stopping');
      expect(output).toContain(`database "sentra_missing_${process.pid}" does not exist`);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('answers from both workers, keeps one sender spread over them exact, replaces a killed worker, and drains both on SIGTERM', async () => {
    const port = 18_611;
    const cluster = await start(port, { SENTRA_WORKERS: '2' });
    const workers = await until('two listening workers', () => {
      const pids = listeningWorkers(cluster.output());
      return pids.length >= 2 ? pids : undefined;
    });
    expect(new Set(workers).size).toBe(2);

    // Keep-alive connections until one is held by each worker: the port is shared, connections are dealt out in turn.
    const pinned = new Map<number, PinnedConnection>();
    for (let attempt = 0; attempt < 10 && pinned.size < 2; attempt++) {
      const connection = new PinnedConnection(port);
      const answer = await connection.send('GET', '/readyz');
      expect(answer.status).toBe(200);
      const owner = socketOwner(port, answer.clientPort, workers);
      if (owner !== undefined && !pinned.has(owner)) pinned.set(owner, connection);
      else connection.close();
    }
    expect([...pinned.keys()].sort()).toEqual([...workers].sort());
    const connections = workers.map((pid) => pinned.get(pid)!);
    cleanups.push(() => connections.forEach((connection) => connection.close()));

    // The same sender's payments alternate between the two processes; one process alone scores the same sequence.
    const payments = paymentSequence();
    const spread = await scoreInOrder(connections, payments);
    for (const [index, connection] of connections.entries()) {
      const answer = await connection.send('GET', '/readyz');
      expect(socketOwner(port, answer.clientPort, workers)).toBe(workers[index]);
    }
    const single = await start(18_612, {});
    const alone = new PinnedConnection(18_612);
    cleanups.push(() => alone.close());
    const reference = await scoreInOrder([alone], payments);
    expect(spread).toEqual(reference);
    // And the counts are those of the whole sequence, not of what one process saw.
    const last = spread.at(-1)!.features;
    const senderA = payments.filter((payment) => payment.entities.sender_entity_id === 'spread-sender-a');
    expect(payments.at(-1)!.entities.sender_entity_id).toBe('spread-sender-a');
    expect(last.sender_tx_count_1h).toBe(senderA.length - 1);
    expect(last.sender_distinct_devices_24h).toBe(2);
    expect(spread[payments.findLastIndex((payment) => payment.entities.device_id_hash === 'spread-device-1')]!.features.device_distinct_senders_24h).toBe(2);
    expect(await single.stop()).toBe(0);

    // A killed worker is replaced; the port answers meanwhile from the other one.
    process.kill(workers[0]!, 'SIGKILL');
    const replacement = await until('a replacement worker', () => listeningWorkers(cluster.output()).find((pid) => !workers.includes(pid)));
    const fresh = new PinnedConnection(port);
    cleanups.push(() => fresh.close());
    expect((await fresh.send('GET', '/readyz')).status).toBe(200);
    expect(cluster.output()).toContain(`"pid":${workers[0]},"code":null,"signal":"SIGKILL"`);
    expect(replacement).not.toBe(workers[1]);

    // SIGTERM to the primary: each worker drains and exits 0, then the primary exits 0.
    expect(await cluster.stop()).toBe(0);
    const stopped = cluster
      .output()
      .split('\n')
      .filter((line) => line.includes('"msg":"worker stopped"'));
    expect(stopped).toHaveLength(2);
    for (const line of stopped) expect(line).toContain('"code":0');
  }, 180_000);
});
