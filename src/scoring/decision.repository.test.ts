import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain, genesisHash } from '../audit/audit-chain.js';
import type { ChainHead } from '../audit/audit.repository.js';
import { ChainHeadCache } from '../audit/chain-head-cache.js';
import { adminToken, startTestApp, type TestApp } from '../../test/support/test-app.js';
import { createMerchant } from '../../test/support/merchants.js';
import { storedChain } from '../../test/support/stored-chain.js';
import { decisionWrite } from '../../test/support/decision-write.js';
import type { DecisionWrite } from './decision-record.js';
import { persistDecisions } from './decision.repository.js';

/** Heads as a writer would see them if every other writer always appended just before it. */
class AlwaysStaleHeads extends ChainHeadCache {
  reads = 0;
  override async get(tenantIds: Iterable<string>): Promise<Map<string, ChainHead>> {
    this.reads += 1;
    return new Map([...new Set(tenantIds)].map((tenantId) => [tenantId, { seq: 0, hash: genesisHash }]));
  }
  override advance(): void {}
}


describe('persistDecisions', () => {
  let sentra: TestApp;
  beforeAll(async () => {
    sentra = await startTestApp('pglite');
  });
  afterAll(async () => {
    await sentra.close();
  });

  it('completes when other writers keep moving the chain head: it locks the heads after two optimistic attempts', async () => {
    const db = sentra.runtime.database.db;
    const heads = new AlwaysStaleHeads(db);
    await persistDecisions(db, heads, [decisionWrite('dec_stale_1'), decisionWrite('dec_stale_2')]);
    expect(heads.reads).toBe(2);
    const chain = await storedChain(db, 'default');
    expect(verifyChain(chain)).toBeUndefined();
    expect(chain.slice(-2).map((entry) => entry.subject)).toEqual(['dec_stale_1', 'dec_stale_2']);
    const scores = await db.selectFrom('risk_scores').select('id').where('id', 'in', ['dec_stale_1', 'dec_stale_2']).execute();
    expect(scores).toHaveLength(2);
  });

  it("commits the event API's event row in the decision's own statement: both are stored, or neither", async () => {
    const db = sentra.runtime.database.db;
    const { merchantId } = await createMerchant(sentra.app, adminToken);
    const event = (eventId: string, decisionId: string) => ({
      event_id: eventId,
      tenant_id: 'default',
      merchant_id: merchantId,
      decision_id: decisionId,
      user_id: 'user-1',
      event_type: 'login_attempt',
      device_id: null,
      session_id: 'session-1',
      risk_score: 42,
      decision: 'REVIEW',
      confidence: 0.9,
      components: [{ component: 'DEVICE', score: 20, factors: ['NEW_DEVICE'] }],
      triggered_factors: ['NEW_DEVICE'],
      recommended_actions: [{ action: 'MANUAL_REVIEW', priority: 'HIGH' }],
      created_at: new Date('2026-11-20T14:03:12Z'),
      processed_at: new Date('2026-11-20T14:03:12.004Z'),
    });
    const heads = new ChainHeadCache(db);
    await persistDecisions(db, heads, [{ ...decisionWrite('dec_event_1', 'tx-event-1'), merchantEvent: event('event-1', 'dec_event_1') }, decisionWrite('dec_event_2', 'tx-event-2')]);
    const stored = await db.selectFrom('merchant_events').select(['event_id', 'decision_id', 'components', 'triggered_factors']).where('merchant_id', '=', merchantId).execute();
    expect(stored).toEqual([{ event_id: 'event-1', decision_id: 'dec_event_1', components: [{ component: 'DEVICE', score: 20, factors: ['NEW_DEVICE'] }], triggered_factors: ['NEW_DEVICE'] }]);
    // An event row that cannot be stored (its id is taken) takes its decision with it.
    await expect(persistDecisions(db, heads, [{ ...decisionWrite('dec_event_3', 'tx-event-3'), merchantEvent: event('event-1', 'dec_event_3') }])).rejects.toThrow();
    expect(await db.selectFrom('risk_scores').select('id').where('id', '=', 'dec_event_3').execute()).toEqual([]);
    expect(await db.selectFrom('merchant_events').select('decision_id').where('event_id', '=', 'event-1').execute()).toEqual([{ decision_id: 'dec_event_1' }]);
  });

  it('takes fees in the locked attempt too, and writes the rest of a batch whose fee cannot be covered', async () => {
    const db = sentra.runtime.database.db;
    const { merchantId } = await createMerchant(sentra.app, adminToken, {}, '0.05');
    const fee = (usageId: string) => ({ usageId, merchantId, service: 'SENTRY', at: new Date('2026-11-20T14:03:12Z') });
    const heads = new AlwaysStaleHeads(db);
    const results = await persistDecisions(db, heads, [
      { ...decisionWrite('dec_fee_1', 'tx-fee-1'), fee: fee('use_fee_1') },
      { ...decisionWrite('dec_fee_2', 'tx-fee-2'), fee: fee('use_fee_2') },
      decisionWrite('dec_fee_3', 'tx-fee-3'),
    ]);
    expect(results).toEqual([
      { kind: 'written', charged: { usageId: 'use_fee_1', currency: 'USD', feeUnits: 500, balanceAfterUnits: 0 } },
      { kind: 'payment_required' },
      { kind: 'written' },
    ]);
    const stored = await db.selectFrom('risk_scores').select('id').where('id', 'in', ['dec_fee_1', 'dec_fee_2', 'dec_fee_3']).orderBy('id').execute();
    expect(stored.map((row) => row.id)).toEqual(['dec_fee_1', 'dec_fee_3']);
    const usage = await db.selectFrom('merchant_usage').select(['id', 'kind', 'reference']).where('merchant_id', '=', merchantId).where('kind', '=', 'charge').execute();
    expect(usage).toEqual([{ id: 'use_fee_1', kind: 'charge', reference: 'tx-fee-1' }]);
    expect(verifyChain(await storedChain(db, 'default'))).toBeUndefined();
  });
});

describe('the case refresh of the decision writer', () => {
  let sentra: TestApp;
  beforeAll(async () => {
    sentra = await startTestApp('pglite');
  });
  afterAll(async () => {
    await sentra.close();
  });

  it("finds a PASS-scored transaction's case by its key, however much the cases table grew since the writer's statement was planned", async () => {
    const db = sentra.runtime.database.db;
    const heads = new ChainHeadCache(db);
    const passed = (requestId: string, txId: string): DecisionWrite => ({ ...decisionWrite(requestId, txId), requestDigest: `${requestId}-digest`, riskScore: 12, probability: 0.012, decision: 'PASS' });
    // A new installation: the writer's statement is planned (and its plan kept) while the cases
    // table is empty; the table then grows between two ANALYZE passes.
    for (let index = 0; index < 8; index++) await persistDecisions(db, heads, [passed(`dec_early_${index}`, `tx-early-${index}`)]);
    await persistDecisions(db, heads, Array.from({ length: 400 }, (_, index) => decisionWrite(`dec_case_${index}`, `tx-case-${index}`)));
    const casesRead = async () => {
      await sql`select pg_stat_force_next_flush()`.execute(db);
      const row = await sql<{ read: string }>`select coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) as read from pg_stat_user_tables where relname = 'cases'`.execute(db);
      return Number(row.rows[0]!.read);
    };
    const before = await casesRead();
    // A new score of two of those transactions (another request digest: the payment was updated), and of a third without a case.
    await persistDecisions(db, heads, [passed('dec_pass_1', 'tx-case-7'), passed('dec_pass_2', 'tx-case-300'), passed('dec_pass_3', 'tx-no-case')]);
    // The two cases, not the table (a plan made for the empty table read all 400 cases per row).
    expect(await casesRead()).toBeLessThanOrEqual(before + 2);
    const refreshed = await db.selectFrom('cases').select(['tx_id', 'decision', 'risk_score', 'latest_score_id']).where('tx_id', 'in', ['tx-case-7', 'tx-case-300', 'tx-no-case']).orderBy('tx_id').execute();
    expect(refreshed).toEqual([
      { tx_id: 'tx-case-300', decision: 'PASS', risk_score: 12, latest_score_id: 'dec_pass_2' },
      { tx_id: 'tx-case-7', decision: 'PASS', risk_score: 12, latest_score_id: 'dec_pass_1' },
    ]);
  });
});
