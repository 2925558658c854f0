import { describe, expect, it } from 'vitest';
import { caseOpening, type ScoredForCase } from './case-opening.js';

const scored = (txId: string, decision: string, requestId: string, tenantId = 't1'): ScoredForCase => ({
  tenantId,
  requestId,
  scoredAt: new Date('2026-12-01T10:00:00Z'),
  decision,
  riskScore: decision === 'PASS' ? 10 : 80,
  record: { txId },
});

describe('case opening', () => {
  it('opens one case per escalated transaction and only refreshes transactions scored PASS', () => {
    const { openCases, refreshCases } = caseOpening([scored('tx1', 'REVIEW', 'r1'), scored('tx2', 'PASS', 'r2'), scored('tx1', 'HOLD', 'r3')]);
    expect(openCases.map((row) => [row.tx_id, row.decision, row.latest_score_id, row.status])).toEqual([['tx1', 'HOLD', 'r3', 'open']]);
    expect(refreshCases.map((row) => row.tx_id)).toEqual(['tx2']);
  });

  it('keeps an escalated transaction on its case when a later score of the batch passes', () => {
    const { openCases } = caseOpening([scored('tx1', 'BLOCK', 'r1'), scored('tx1', 'PASS', 'r2')]);
    expect(openCases).toHaveLength(1);
    expect(openCases[0]).toMatchObject({ decision: 'PASS', latest_score_id: 'r2' });
  });

  it('keeps the same transaction id of two tenants apart', () => {
    const { openCases } = caseOpening([scored('tx1', 'REVIEW', 'r1', 'a'), scored('tx1', 'REVIEW', 'r2', 'b')]);
    expect(openCases.map((row) => row.tenant_id)).toEqual(['a', 'b']);
  });
});
