import type { Decision } from '../contract/enums.js';
import type { TransactionRecord } from '../contract/transaction-record.js';
import { amountInUsd } from '../features/currency.js';
import { newId } from '../platform/ids.js';
import { casePriority, defaultCasePolicy, slaDueAt, type CasePolicy } from './case-policy.js';
import { caseStatuses, type CaseStatus } from '../contract/cases.js';

/** What case opening needs to know about one scoring decision (a DecisionWrite fits). */
export interface ScoredForCase {
  tenantId: string;
  requestId: string;
  scoredAt: Date;
  decision: Decision;
  riskScore: number;
  /** `manual` (score route with `save_as_case=true`) opens a case whatever the decision. */
  source: string;
  kycRefs: readonly unknown[];
  /** A shadow decision opens a shadow case (kept apart from the live queue). */
  shadow?: boolean;
  record: Pick<TransactionRecord, 'txId' | 'amount' | 'currency' | 'fxRate' | 'senderEntityId' | 'receiverEntityId' | 'merchantId'>;
}

/**
 * A case row as the decision writer stores it (a JSON document read with
 * jsonb_populate_recordset, see migration 0002): every column, since absent keys become NULL.
 */
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
  priority: number;
  sla_due_at: Date;
  assignee: null;
  version: number;
  manual: boolean;
  amount_usd: number | null;
  sender_entity_id: string;
  receiver_entity_id: string;
  merchant_id: string | null;
  has_kyc: boolean;
  shadow: boolean;
  resolution: null;
  resolved_at: null;
  resolved_by: null;
}

/** The case rows one batch of decisions writes. */
export interface CaseOpening {
  /** Cases to open, or, when the transaction has one already, to point at its latest score. */
  openCases: CaseRow[];
  /** Transactions scored PASS only: their existing case (if any) gets the latest score, none is opened. */
  refreshCases: CaseRefresh[];
}

/**
 * What a PASS score changes on its transaction's case, if the transaction has one: the fields the
 * decision writer's refresh sets, and the keys it finds the case by. Most scores are PASS and most
 * of their transactions have no case, so the row carries nothing else.
 */
export type CaseRefresh = Pick<CaseRow, 'tenant_id' | 'tx_id' | 'decision' | 'risk_score' | 'latest_score_id' | 'updated_at'>;

function caseRefresh(last: ScoredForCase): CaseRefresh {
  return { tenant_id: last.tenantId, tx_id: last.record.txId, decision: last.decision, risk_score: last.riskScore, latest_score_id: last.requestId, updated_at: last.scoredAt };
}

const caseKey = (tenantId: string, txId: string) => `${tenantId}\u0000${txId}`;

/** Source of a manual scoring request that must open a case (`POST /v1/risk/score?save_as_case=true`). */
export const manualCaseSource = 'manual';

function caseRow(last: ScoredForCase, manual: boolean, hasKyc: boolean, policy: CasePolicy): CaseRow {
  const usd = amountInUsd(last.record);
  const amountUsd = Number.isFinite(usd) ? usd : null;
  return {
    id: newId('case', last.scoredAt.getTime()),
    tenant_id: last.tenantId,
    tx_id: last.record.txId,
    status: caseStatuses.open,
    decision: last.decision,
    risk_score: last.riskScore,
    latest_score_id: last.requestId,
    created_at: last.scoredAt,
    updated_at: last.scoredAt,
    priority: casePriority(last.riskScore, amountUsd ?? 0),
    sla_due_at: slaDueAt(policy, last.decision, last.scoredAt),
    assignee: null,
    version: 1,
    manual,
    amount_usd: amountUsd,
    sender_entity_id: last.record.senderEntityId,
    receiver_entity_id: last.record.receiverEntityId,
    merchant_id: last.record.merchantId ?? null,
    has_kyc: hasKyc,
    shadow: last.shadow === true,
    resolution: null,
    resolved_at: null,
    resolved_by: null,
  };
}

/**
 * Which cases a batch of decisions opens or refreshes. A transaction has at most one case: an
 * escalated decision (anything but PASS) or a manual save opens it, and every later score of the
 * same transaction, in this batch or a later one, attaches to it (the row carries the latest
 * decision and score; priority and SLA are fixed when it opens). Pure: the decision writer stores
 * the rows in the same statement as the scores.
 */
export function caseOpening(items: readonly ScoredForCase[], policy: CasePolicy = defaultCasePolicy): CaseOpening {
  const targets = new Map<string, { needsCase: boolean; manual: boolean; hasKyc: boolean; last: ScoredForCase }>();
  for (const item of items) {
    const key = caseKey(item.tenantId, item.record.txId);
    const manual = item.source === manualCaseSource;
    const needsCase = manual || item.decision !== 'PASS';
    const hasKyc = item.kycRefs.length > 0;
    const target = targets.get(key);
    if (target === undefined) targets.set(key, { needsCase, manual, hasKyc, last: item });
    else {
      target.needsCase ||= needsCase;
      target.manual ||= manual;
      target.hasKyc ||= hasKyc;
      target.last = item;
    }
  }
  const opening: CaseOpening = { openCases: [], refreshCases: [] };
  for (const { needsCase, manual, hasKyc, last } of targets.values()) {
    if (needsCase) opening.openCases.push(caseRow(last, manual, hasKyc, policy));
    else opening.refreshCases.push(caseRefresh(last));
  }
  return opening;
}
