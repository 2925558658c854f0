import { sql, type Kysely } from 'kysely';
import { expect } from 'vitest';
import { verifyChain } from '../../src/audit/audit-chain.js';
import type { Database } from '../../src/platform/database-schema.js';
import { scoreBody } from './score-body.js';
import type { ServeProcess } from './serve-process.js';
import { storedChain } from './stored-chain.js';

/** One payment a client got a 200 for. */
export interface AnsweredPayment {
  requestId: string;
  body: string;
  url: string;
  decision: string;
  /** Sent with save_as_case=true, so it has a case whatever its decision. */
  saved: boolean;
}

/** What the clients saw before the kill. */
export interface LoadUntilKill {
  /** Every payment answered 200, by tx_id. */
  answered: Map<string, AnsweredPayment>;
  /** Requests sent, answered or not. */
  sent: number;
}

/**
 * Sends payments over `lanes` concurrent client lanes to a served process, kills it with SIGKILL
 * once at least `minimum` were answered (and at least 1.5 s passed), and returns what was answered.
 * Every fifth payment is sent twice, as a client retrying it would, and a retry of an answered
 * payment must answer the same decision. Every third lane asks for a case (save_as_case=true).
 */
export async function loadUntilKill(
  server: ServeProcess,
  port: number,
  headers: Record<string, string>,
  { lanes = 16, minimum = 200, prefix = 'kill' }: { lanes?: number; minimum?: number; prefix?: string } = {},
): Promise<LoadUntilKill> {
  const answered = new Map<string, AnsweredPayment>();
  let running = true;
  let sent = 0;
  const lane = async (index: number) => {
    const saved = index % 3 === 0;
    const url = `http://127.0.0.1:${port}/v1/risk/score${saved ? '?save_as_case=true' : ''}`;
    for (let sequence = 0; running; sequence++) {
      const txId = `${prefix}-${index}-${sequence}`;
      const body = JSON.stringify(scoreBody({ transaction: { tx_id: txId }, entities: { sender_entity_id: `${prefix}-sender-${index % 4}` } }));
      for (let attempt = 0; attempt < (sequence % 5 === 0 ? 2 : 1) && running; attempt++) {
        sent++;
        const response = await fetch(url, { method: 'POST', headers, body }).catch(() => undefined);
        if (response?.status !== 200) continue;
        const { request_id: requestId, decision } = (await response.json()) as { request_id: string; decision: string };
        const known = answered.get(txId);
        if (known !== undefined) expect(requestId).toBe(known.requestId);
        answered.set(txId, { requestId, body, url, decision, saved });
      }
    }
  };
  const load = Promise.all(Array.from({ length: lanes }, (_, index) => lane(index)));
  const started = Date.now();
  while ((answered.size < minimum || Date.now() - started < 1_500) && Date.now() - started < 30_000) await new Promise((resolve) => setTimeout(resolve, 20));
  await server.kill();
  running = false;
  await load;
  expect(answered.size).toBeGreaterThanOrEqual(minimum);
  return { answered, sent };
}

/**
 * Checks a restarted server against what was answered before the kill: every answered payment has its
 * decision (GET /v1/decisions/{id}), and a retry answers that same decision.
 */
export async function expectAnsweredServed(port: number, headers: Record<string, string>, { answered }: LoadUntilKill): Promise<void> {
  for (const [txId, { requestId }] of answered) {
    const stored = await fetch(`http://127.0.0.1:${port}/v1/decisions/${requestId}`, { headers });
    expect(stored.status, txId).toBe(200);
    expect(((await stored.json()) as { tx_id: string }).tx_id).toBe(txId);
  }
  const [retriedTx, retried] = [...answered][0]!;
  const again = await fetch(retried.url.replace(/:\d+\//, `:${port}/`), { method: 'POST', headers, body: retried.body });
  expect(again.status, retriedTx).toBe(200);
  expect(((await again.json()) as { request_id: string }).request_id, retriedTx).toBe(retried.requestId);
}

/**
 * Checks the store after the run: each answered payment has exactly one stored score (its answered
 * decision), its case when escalated or saved, and its `decision.created` audit entry; no request has
 * two decisions, every stored score has exactly one audit entry, and the tenant's chain verifies.
 */
export async function expectStoreConsistent(db: Kysely<Database>, { answered, sent }: LoadUntilKill, tenantId = 'default'): Promise<void> {
  const duplicates = await sql<{ tx_id: string }>`select tx_id from risk_scores group by tenant_id, tx_id, request_digest having count(*) > 1`.execute(db);
  expect(duplicates.rows).toEqual([]);
  const scores = await db.selectFrom('risk_scores').select(['id', 'tx_id']).where('tenant_id', '=', tenantId).execute();
  const scoresByTx = new Map<string, string[]>();
  for (const score of scores) scoresByTx.set(score.tx_id, [...(scoresByTx.get(score.tx_id) ?? []), score.id]);
  const cases = new Set((await db.selectFrom('cases').select('tx_id').where('tenant_id', '=', tenantId).execute()).map((row) => row.tx_id));
  const entries = await db.selectFrom('audit_log').select('subject').where('tenant_id', '=', tenantId).where('action', '=', 'decision.created').execute();
  const audited = new Set(entries.map((entry) => entry.subject));
  for (const [txId, { requestId, decision, saved }] of answered) {
    expect(scoresByTx.get(txId), txId).toEqual([requestId]);
    expect(audited.has(requestId), txId).toBe(true);
    if (decision !== 'PASS' || saved) expect(cases.has(txId), `${txId} ${decision}`).toBe(true);
  }
  expect(entries.map((entry) => entry.subject).sort()).toEqual(scores.map((score) => score.id).sort());
  expect(scores.length).toBeGreaterThanOrEqual(answered.size);
  expect(scores.length).toBeLessThanOrEqual(sent);
  expect(verifyChain(await storedChain(db, tenantId))).toBeUndefined();
}
