import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain, genesisHash } from '../audit/audit-chain.js';
import type { ChainHead } from '../audit/audit.repository.js';
import { ChainHeadCache } from '../audit/chain-head-cache.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';
import { scoreBody } from '../../test/support/score-body.js';
import { storedChain } from '../../test/support/stored-chain.js';
import type { DecisionWrite } from './decision-record.js';
import { persistDecisions } from './decision.repository.js';
import { requestDigest, toKycReferences, toTransactionRecord } from './score-request.js';

/** Heads as a writer would see them if every other writer always appended just before it. */
class AlwaysStaleHeads extends ChainHeadCache {
  reads = 0;
  override async get(tenantIds: Iterable<string>): Promise<Map<string, ChainHead>> {
    this.reads += 1;
    return new Map([...new Set(tenantIds)].map((tenantId) => [tenantId, { seq: 0, hash: genesisHash }]));
  }
  override advance(): void {}
}

function decision(requestId: string): DecisionWrite {
  const body = scoreBody();
  return {
    tenantId: 'default',
    requestId,
    actor: 'test',
    scoredAt: new Date('2026-11-20T14:03:12Z'),
    record: toTransactionRecord(body),
    network: undefined,
    kycRefs: toKycReferences(body),
    riskScore: 420,
    probability: 0.42,
    decision: 'REVIEW',
    reasons: ['AMOUNT_USD'],
    evidence: [{ source: 'model', key: 'amount_usd', quote: 'The payment is worth 126 USD' }],
    features: { amount_usd: 125.5 },
    modelVersion: 'test-model',
    thresholds: { reviewAt: 300, holdAt: 600, blockAt: 850 },
    requestDigest: requestDigest(body),
    computeMs: 1,
    llmStatus: 'ready',
    source: 'api',
  };
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
    await persistDecisions(db, heads, [decision('dec_stale_1'), decision('dec_stale_2')]);
    expect(heads.reads).toBe(2);
    const chain = await storedChain(db, 'default');
    expect(verifyChain(chain)).toBeUndefined();
    expect(chain.slice(-2).map((entry) => entry.subject)).toEqual(['dec_stale_1', 'dec_stale_2']);
    const scores = await db.selectFrom('risk_scores').select('id').where('id', 'in', ['dec_stale_1', 'dec_stale_2']).execute();
    expect(scores).toHaveLength(2);
  });
});
