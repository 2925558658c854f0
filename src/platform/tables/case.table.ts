import type { ColumnType, Generated } from 'kysely';
import type { CaseStatus, CaseResolution } from '../../contract/cases.js';

/** The `cases` table: one row per escalated (or manually saved) transaction of a tenant. */
export interface CasesTable {
  id: string;
  tenant_id: string;
  tx_id: string;
  status: CaseStatus;
  /** Decision of the latest score of the transaction. */
  decision: string;
  risk_score: number;
  latest_score_id: string;
  created_at: Date;
  updated_at: Date;
  /** 0–130 from score and amount (src/cases/case-policy.ts); higher first. */
  priority: number;
  sla_due_at: Date;
  /** Token id of the analyst working it. */
  assignee: string | null;
  /** Optimistic concurrency: every analyst action moves it by one and must name the version it saw. */
  version: number;
  /** Opened by `save_as_case=true`, not by an escalated decision. */
  manual: boolean;
  amount_usd: number | null;
  sender_entity_id: string | null;
  receiver_entity_id: string | null;
  merchant_id: string | null;
  /** The payment came with KYC/KYB references. */
  has_kyc: boolean;
  /** Opened by a shadow decision: kept apart from the live queue (migration 0061). */
  shadow: Generated<boolean>;
  resolution: CaseResolution | null;
  resolved_at: Date | null;
  resolved_by: string | null;
}

/** The `case_events` table: what people did to a case, in order. */
export interface CaseEventsTable {
  id: string;
  tenant_id: string;
  case_id: string;
  at: Date;
  actor: string;
  kind: string;
  payload: ColumnType<Record<string, unknown>, string, string>;
}

