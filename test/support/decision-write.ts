import type { DecisionWrite } from '../../src/scoring/decision-record.js';
import { requestDigest, toKycReferences, toTransactionRecord } from '../../src/scoring/score-request.js';
import { scoreBody } from './score-body.js';

/** A REVIEW decision as the scoring service hands it to the writer (features `amount_usd` only), of the tour's payment or of `txId`. */
export function decisionWrite(requestId: string, txId?: string): DecisionWrite {
  const body = scoreBody(txId === undefined ? {} : { transaction: { tx_id: txId } });
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
    features: { names: ['amount_usd'], values: [125.5] },
    modelVersion: 'test-model',
    thresholds: { reviewAt: 300, holdAt: 600, blockAt: 850 },
    requestDigest: requestDigest(body),
    computeMs: 1,
    llmStatus: 'ready',
    source: 'api',
  };
}
