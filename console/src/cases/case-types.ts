import type { paths } from '../api/schema';
import type { EvidenceItem } from '../components/decision-details';

/** `GET /v1/cases/{case_id}` as the generated client types it. */
export type CaseDetail = paths['/v1/cases/{case_id}']['get']['responses'][200]['content']['application/json'];
/** A case as lists and actions answer it. */
export type CaseSummary = CaseDetail['case'];
/** A payment related to the case's payment. */
export type RelatedPayment = CaseDetail['related']['sender'][number];

/** One decision of the case's payment, as the detail answer lists it (oldest first). */
export interface CaseDecision {
  request_id: string;
  scored_at: string;
  risk_score: number;
  decision: string;
  reasons: string[];
  evidence: EvidenceItem[];
  model_version: string;
  source: string;
}
