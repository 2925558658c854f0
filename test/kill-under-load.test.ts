import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../src/audit/audit-chain.js';
import { openDatabase } from '../src/platform/database.js';
import { scoreBody } from './support/score-body.js';
import { serve } from './support/serve-process.js';
import { storedChain } from './support/stored-chain.js';

const token = 'kill-test-admin-token-0123456789';
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
const lanes = 16;

describe('kill -9 of an embedded server under load', () => {
  it('keeps every decision it answered with 200, exactly once, with its audit entry, and the chain verifies', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sentra-kill-'));
    try {
      const first = await serve(dataDir, 18_431, { SENTRA_BOOTSTRAP_TOKEN: token });
      const answered = new Map<string, { requestId: string; body: string }>();
      let running = true;
      let sent = 0;
      const lane = async (index: number) => {
        for (let sequence = 0; running; sequence++) {
          const body = JSON.stringify(scoreBody({ transaction: { tx_id: `kill-${index}-${sequence}` }, entities: { sender_entity_id: `kill-sender-${index % 4}` } }));
          // Every fifth payment is sent twice, as a client retrying it would.
          for (let attempt = 0; attempt < (sequence % 5 === 0 ? 2 : 1) && running; attempt++) {
            sent++;
            const response = await fetch('http://127.0.0.1:18431/v1/risk/score', { method: 'POST', headers, body }).catch(() => undefined);
            if (response?.status !== 200) continue;
            const { request_id: requestId } = (await response.json()) as { request_id: string };
            const known = answered.get(`kill-${index}-${sequence}`);
            if (known !== undefined) expect(requestId).toBe(known.requestId);
            answered.set(`kill-${index}-${sequence}`, { requestId, body });
          }
        }
      };
      const load = Promise.all(Array.from({ length: lanes }, (_, index) => lane(index)));
      const started = Date.now();
      while ((answered.size < 200 || Date.now() - started < 1_500) && Date.now() - started < 30_000) await new Promise((resolve) => setTimeout(resolve, 20));
      await first.kill();
      running = false;
      await load;
      expect(answered.size).toBeGreaterThanOrEqual(200);

      // The restarted server takes over the dead one's lock and serves every answered decision.
      const second = await serve(dataDir, 18_432, { SENTRA_BOOTSTRAP_TOKEN: token });
      for (const [txId, { requestId }] of answered) {
        const stored = await fetch(`http://127.0.0.1:18432/v1/decisions/${requestId}`, { headers });
        expect(stored.status, txId).toBe(200);
        expect(((await stored.json()) as { tx_id: string }).tx_id).toBe(txId);
      }
      // A retry after the restart answers the stored decision.
      const [retriedTx, retried] = [...answered][0]!;
      const again = await fetch('http://127.0.0.1:18432/v1/risk/score', { method: 'POST', headers, body: retried.body });
      expect(((await again.json()) as { request_id: string }).request_id, retriedTx).toBe(retried.requestId);
      expect(await second.stop()).toBe(0);

      const database = await openDatabase({ databaseUrl: undefined, dataDir, timeoutMs: 5_000 });
      try {
        const duplicates = await sql<{ tx_id: string }>`select tx_id from risk_scores group by tenant_id, tx_id, request_digest having count(*) > 1`.execute(database.db);
        expect(duplicates.rows).toEqual([]);
        const scores = await database.db.selectFrom('risk_scores').select('id').execute();
        const entries = await database.db.selectFrom('audit_log').select('subject').where('action', '=', 'decision.created').execute();
        expect(entries.map((entry) => entry.subject).sort()).toEqual(scores.map((score) => score.id).sort());
        expect(scores.length).toBeGreaterThanOrEqual(answered.size);
        expect(scores.length).toBeLessThanOrEqual(sent);
        expect(verifyChain(await storedChain(database.db, 'default'))).toBeUndefined();
      } finally {
        await database.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});
