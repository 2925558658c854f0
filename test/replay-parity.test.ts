import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RiskScoreRequest } from '../src/contract/risk-score.js';
import { formatTransactionCsv, transactionCsvHeader } from '../src/datasets/record-format.js';
import { replayDataset } from '../src/datasets/replay/replay-dataset.js';
import { identifyDataset } from '../src/datasets/replay/dataset-identity.js';
import { importDataset } from '../src/datasets/import/import-dataset.js';
import { readTransactions } from '../src/datasets/dataset-readers.js';
import { simulateDataset } from '../src/datasets/simulator/simulate-dataset.js';
import { simulatedOverrideNames } from '../src/datasets/simulator/simulated-transaction.js';
import { openDatabase } from '../src/platform/database.js';
import { migrateToLatest } from '../src/platform/migrate.js';
import { ManualClock } from '../src/platform/clock.js';
import { readArtifactFolder } from '../src/registry/model-artifact.js';
import { defaultModelFolder } from '../src/registry/model-registry.js';
import { compileModelScorer } from '../src/registry/scoring-model-loader.js';
import { toTransactionRecord } from '../src/scoring/score-request.js';
import { adminToken, freshPostgresSchema, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import { scoreBody } from './support/score-body.js';

// Each test runs the CLI in several child processes (a few seconds each on a busy machine).
vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

const minute = 60_000;
const start = Date.parse('2026-03-02T08:00:00Z');

/** A deterministic sequence with repeat senders, shared devices and IPs, bursts and an override. */
function paymentSequence(): RiskScoreRequest[] {
  const bodies: RiskScoreRequest[] = [];
  let time = start;
  for (let index = 0; index < 80; index++) {
    time += ((index * 7919) % 13) * 9 * minute + (index % 5 === 0 ? 30_000 : 11 * minute);
    const sender = `cust-${index % 6}`;
    bodies.push(
      scoreBody({
        transaction: {
          tx_id: `parity-${index}`,
          created_at: new Date(time).toISOString(),
          amount: (((index * 37) % 50) * 7.25 + 3).toFixed(2),
          channel: index % 4 === 0 ? 'wallet' : 'card',
          status: index % 9 === 0 ? 'failed' : 'approved',
        },
        entities: {
          sender_entity_id: sender,
          receiver_entity_id: `merch-${index % 3}`,
          sender_country: index % 10 === 0 ? 'MX' : 'US',
          user_id: `user-${index % 6}`,
          device_id_hash: `device-${(index * 3) % 4}`,
          ip_hash: `ip-${index % 5}`,
        },
        ...(index % 7 === 0 ? { feature_overrides: { ip_is_hosting: 1 } } : {}),
      }),
    );
  }
  return bodies;
}

describe.each(storeKinds)('replay parity with the API on %s', (store) => {
  let sentra: TestApp;
  let dir: string;

  beforeAll(async () => {
    sentra = await startTestApp(store);
    dir = await mkdtemp(join(tmpdir(), 'sentra-parity-'));
  });
  afterAll(async () => {
    await sentra.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('stores exactly the features and probability that an offline replay of the same payments computes', async () => {
    const bodies = paymentSequence();
    const online = new Map<string, { features: Record<string, number | null>; probability: number; riskScore: number }>();
    for (const body of bodies) {
      const response = await sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers: { authorization: `Bearer ${adminToken}` }, payload: body });
      expect(response.statusCode).toBe(200);
      const decision = await sentra.app.inject({ method: 'GET', url: `/v1/decisions/${response.json().request_id}`, headers: { authorization: `Bearer ${adminToken}` } });
      const stored = decision.json();
      online.set(body.transaction.tx_id, { features: stored.features, probability: stored.probability, riskScore: response.json().risk_score });
    }

    const records = bodies.map((body) => toTransactionRecord(body));
    await writeFile(join(dir, 'manifest.json'), JSON.stringify({ contract_version: '1', name: 'parity' }));
    await writeFile(join(dir, 'transactions.csv'), transactionCsvHeader(['ip_is_hosting']) + records.map((record) => formatTransactionCsv(record, ['ip_is_hosting'])).join(''));
    const scorer = compileModelScorer(await readArtifactFolder(defaultModelFolder));
    const row = new Float64Array(scorer.names.length);
    let compared = 0;
    await replayDataset(dir, {
      sorted: true,
      onTransaction(record, features) {
        const probability = scorer.probability(features, row);
        const expected = online.get(record.txId)!;
        const offline = Object.fromEntries(scorer.names.map((name, index) => [name, Number.isNaN(row[index]!) ? null : row[index]!]));
        expect(offline).toEqual(expected.features);
        expect(probability).toBe(expected.probability);
        expect(Math.round(probability * 1000)).toBe(expected.riskScore);
        compared++;
      },
    });
    expect(compared).toBe(bodies.length);
    const velocity = [...online.values()].map((entry) => entry.features['sender_tx_count_24h']);
    expect(Math.max(...velocity.map(Number))).toBeGreaterThan(3);
  });
});

describe.each(storeKinds)('imported history after a restart on %s', (store) => {
  it('gives the API the features an offline replay of the dataset computes, labels included', async () => {
    const root = await mkdtemp(join(tmpdir(), 'sentra-parity-import-'));
    try {
      const dataset = join(root, 'dataset');
      await simulateDataset(dataset, { customers: 60, terminals: 120, days: 20, start: '2021-03-01', seed: 4 });
      const dataDir = join(root, 'data');
      const databaseUrl = store === 'postgres' ? await freshPostgresSchema() : undefined;
      const database = await openDatabase({ databaseUrl, dataDir, timeoutMs: 5000 });
      await migrateToLatest(database.db as never);
      await importDataset(database.db, await identifyDataset(dataset), { tenantId: 'default', actor: 'test' });
      await database.close();

      // The server starts after the import, at the end of the simulated period: it rebuilds its
      // in-memory profiles from the imported payments and the labels known by then.
      const now = Date.parse('2021-03-21T00:00:00Z');
      // In-memory profiles, rebuilt from the imported history on start (a Redis store is never rebuilt).
      const sentra = await startTestApp(
        store,
        { SENTRA_DATA_DIR: dataDir, REDIS_URL: '', ...(databaseUrl === undefined ? {} : { DATABASE_URL: databaseUrl }) },
        { clock: new ManualClock(now), inMemoryDatabase: false },
      );
      const bodies = [1, 2, 3, 4, 5].map((index) =>
        scoreBody({
          transaction: { tx_id: `after-restart-${index}`, created_at: new Date(now + index).toISOString(), amount: String(40 * index) },
          entities: { sender_entity_id: `cus_00000${index}`, receiver_entity_id: `ter_00000${index}`, sender_country: 'US', receiver_country: 'US' },
        }),
      );
      const online = new Map<string, Record<string, number | null>>();
      try {
        for (const body of bodies) {
          const response = await sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers: { authorization: `Bearer ${adminToken}` }, payload: body });
          expect(response.statusCode).toBe(200);
          const stored = await sentra.app.inject({ method: 'GET', url: `/v1/decisions/${response.json().request_id}`, headers: { authorization: `Bearer ${adminToken}` } });
          online.set(body.transaction.tx_id, stored.json().features);
        }
      } finally {
        await sentra.close();
      }

      const offlineDataset = join(root, 'offline');
      await mkdir(offlineDataset);
      const lines = [transactionCsvHeader(simulatedOverrideNames)];
      for await (const record of readTransactions(dataset)) lines.push(formatTransactionCsv(record, simulatedOverrideNames));
      for (const body of bodies) lines.push(formatTransactionCsv(toTransactionRecord(body), simulatedOverrideNames));
      await writeFile(join(offlineDataset, 'transactions.csv'), lines.join(''));
      await copyFile(join(dataset, 'manifest.json'), join(offlineDataset, 'manifest.json'));
      await copyFile(join(dataset, 'labels.csv'), join(offlineDataset, 'labels.csv'));
      const scorer = compileModelScorer(await readArtifactFolder(defaultModelFolder));
      const row = new Float64Array(scorer.names.length);
      const offline = new Map<string, Record<string, number | null>>();
      await replayDataset(offlineDataset, {
        sorted: true,
        onTransaction(record, features) {
          if (!online.has(record.txId)) return;
          scorer.probability(features, row);
          offline.set(record.txId, Object.fromEntries(scorer.names.map((name, index) => [name, Number.isNaN(row[index]!) ? null : row[index]!])));
        },
      });
      expect(offline).toEqual(online);
      // The restarted server saw the imported history (the equality above would fail otherwise).
      const history = [...online.values()].reduce((sum, features) => sum + (features['sender_tx_count_30d'] ?? 0), 0);
      expect(history).toBeGreaterThan(0);
      const knownFraud = [...online.values()].reduce((sum, features) => sum + (features['receiver_known_fraud_count_30d'] ?? 0) + (features['sender_known_fraud_count_30d'] ?? 0), 0);
      expect(knownFraud).toBeGreaterThan(0);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
