import type { CaseStatus } from './case-status.js';

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
}
