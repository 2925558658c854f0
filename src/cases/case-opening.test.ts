import { describe, expect, it } from 'vitest';
import type { Decision } from '../contract/enums.js';
import { caseOpening, type ScoredForCase } from './case-opening.js';

const scored = (txId: string, decision: Decision, requestId: string, tenantId = 't1', source = 'api'): ScoredForCase => ({
  tenantId,
  requestId,
  scoredAt: new Date('2026-12-01T10:00:00Z'),
  decision,
  riskScore: decision === 'PASS' ? 10 : 800,
  source,
  kycRefs: [],
  record: { txId, amount: 999, currency: 'USD', fxRate: undefined, senderEntityId: 's1', receiverEntityId: 'r1', merchantId: undefined },
});

describe('case opening', () => {
  it('opens one case per escalated transaction and only refreshes transactions scored PASS', () => {
    const { openCases, refreshCases } = caseOpening([scored('tx1', 'REVIEW', 'r1'), scored('tx2', 'PASS', 'r2'), scored('tx1', 'HOLD', 'r3')]);
    expect(openCases.map((row) => [row.tx_id, row.decision, row.latest_score_id, row.status])).toEqual([['tx1', 'HOLD', 'r3', 'open']]);
    expect(refreshCases).toEqual([{ tenant_id: 't1', tx_id: 'tx2', decision: 'PASS', risk_score: 10, latest_score_id: 'r2', updated_at: new Date('2026-12-01T10:00:00Z') }]);
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

  it('opens a manual case even for PASS, with priority from score and amount and the SLA of its level', () => {
    const { openCases } = caseOpening([scored('tx1', 'PASS', 'r1', 't1', 'manual')], { slaMinutes: { BLOCK: 1, HOLD: 2, REVIEW: 3, PASS: 10 } });
    expect(openCases[0]).toMatchObject({ manual: true, decision: 'PASS', priority: 1 + 30, version: 1, sender_entity_id: 's1', amount_usd: 999 });
    expect(openCases[0]!.sla_due_at.toISOString()).toBe('2026-12-01T10:10:00.000Z');
    const block = caseOpening([scored('tx2', 'BLOCK', 'r2')]).openCases[0]!;
    expect(block.priority).toBe(80 + 30);
    expect(block.sla_due_at.toISOString()).toBe('2026-12-01T11:00:00.000Z');
  });
});
