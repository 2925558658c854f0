import { newId } from '../platform/ids.js';
import { caseStatuses, type CaseStatus } from './case-status.js';

/** What case opening needs to know about one scoring decision (a DecisionWrite fits). */
export interface ScoredForCase {
  tenantId: string;
  requestId: string;
  scoredAt: Date;
  decision: string;
  riskScore: number;
  record: { txId: string };
}

/** A case row as the decision writer stores it (JSON document, see migration 0002). */
export interface CaseRow {
  id: string;
  tenant_id: string;
  tx_id: string;
  status: CaseStatus;
  decision: string;
  risk_score: number;
  latest_score_id: string;
  created_at: Date;
  updated_at: Date;
}

/** The case rows one batch of decisions writes. */
export interface CaseOpening {
  /** Cases to open, or, when the transaction has one already, to point at its latest score. */
  openCases: CaseRow[];
  /** Transactions scored PASS only: their existing case (if any) gets the latest score, none is opened. */
  refreshCases: CaseRow[];
}

const caseKey = (tenantId: string, txId: string) => `${tenantId}\u0000${txId}`;

/**
 * Which cases a batch of decisions opens or refreshes. A transaction has at most one case: an
 * escalated decision (anything but PASS) opens it, and every later score of the same transaction,
 * in this batch or a later one, attaches to it (the row carries the latest decision and score).
 * Pure: the decision writer stores the rows in the same statement as the scores.
 */
export function caseOpening(items: readonly ScoredForCase[]): CaseOpening {
  const targets = new Map<string, { needsCase: boolean; last: ScoredForCase }>();
  for (const item of items) {
    const key = caseKey(item.tenantId, item.record.txId);
    const escalated = item.decision !== 'PASS';
    const target = targets.get(key);
    if (target === undefined) targets.set(key, { needsCase: escalated, last: item });
    else {
      target.needsCase ||= escalated;
      target.last = item;
    }
  }
  const opening: CaseOpening = { openCases: [], refreshCases: [] };
  for (const { needsCase, last } of targets.values()) {
    const row: CaseRow = {
      id: newId('case', last.scoredAt.getTime()),
      tenant_id: last.tenantId,
      tx_id: last.record.txId,
      status: caseStatuses.open,
      decision: last.decision,
      risk_score: last.riskScore,
      latest_score_id: last.requestId,
      created_at: last.scoredAt,
      updated_at: last.scoredAt,
    };
    (needsCase ? opening.openCases : opening.refreshCases).push(row);
  }
  return opening;
}
