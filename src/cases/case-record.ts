import type { Selectable } from 'kysely';
import type { CasesTable } from '../platform/tables/case.table.js';

/** A stored case row. */
export type CaseRecord = Selectable<CasesTable>;

/** A case as every route answers it (list items and the detail's `case`). */
export interface CaseView {
  case_id: string;
  tx_id: string;
  status: string;
  version: number;
  decision: string;
  risk_score: number;
  priority: number;
  sla_due_at: string;
  assignee: string | null;
  manual: boolean;
  amount_usd: number | null;
  sender_entity_id: string | null;
  receiver_entity_id: string | null;
  merchant_id: string | null;
  has_kyc: boolean;
  shadow: boolean;
  resolution: string | null;
  resolved_at: string | null;
  resolved_by: string | null;
  latest_score_id: string;
  created_at: string;
  updated_at: string;
}

/** The API view of a stored case. */
export function caseView(row: CaseRecord): CaseView {
  return {
    case_id: row.id,
    tx_id: row.tx_id,
    status: row.status,
    version: row.version,
    decision: row.decision,
    risk_score: row.risk_score,
    priority: row.priority,
    sla_due_at: row.sla_due_at.toISOString(),
    assignee: row.assignee,
    manual: row.manual,
    amount_usd: row.amount_usd === null ? null : Number(row.amount_usd),
    sender_entity_id: row.sender_entity_id,
    receiver_entity_id: row.receiver_entity_id,
    merchant_id: row.merchant_id,
    has_kyc: row.has_kyc,
    shadow: row.shadow,
    resolution: row.resolution,
    resolved_at: row.resolved_at?.toISOString() ?? null,
    resolved_by: row.resolved_by,
    latest_score_id: row.latest_score_id,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}
