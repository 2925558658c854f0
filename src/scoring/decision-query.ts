import { sql, type Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { storedThresholdsView, type ThresholdsView } from '../contract/thresholds.js';

/** A stored decision as `GET /v1/decisions/{request_id}` shows it. */
export interface StoredDecision {
  request_id: string;
  tx_id: string;
  scored_at: string;
  risk_score: number;
  probability: number;
  decision: string;
  reasons: unknown;
  evidence: unknown;
  features: Record<string, number | null>;
  model_version: string;
  thresholds: ThresholdsView;
  request_digest: string;
  compute_ms: number;
  llm_status: string;
  source: string;
  /** A shadow merchant's decision: stored for its evaluation, never acted on. */
  shadow: boolean;
  case: { case_id: string; status: string; href: string } | null;
  /** The rules' part in the decision (src/scoring/decision-pipeline.ts); null when the tenant had no enabled rules. */
  rule_hits: unknown;
}

/**
 * The decision with this id in this tenant, or undefined (another tenant's decision is never found).
 * With `requestedBy`, only a decision that token asked for is found (service tokens).
 */
export async function findDecision(db: Kysely<Database>, tenantId: string, requestId: string, requestedBy?: string): Promise<StoredDecision | undefined> {
  let query = db
    .selectFrom('risk_scores as s')
    .leftJoin('cases as c', (join) => join.onRef('c.tx_id', '=', 's.tx_id').onRef('c.tenant_id', '=', 's.tenant_id'))
    .select([
      's.id',
      's.tx_id',
      's.scored_at',
      's.risk_score',
      's.probability',
      's.decision',
      's.reasons',
      's.evidence',
      sql<Record<string, number | null>>`sentra_feature_object(s.features, s.feature_list)`.as('features'),
      's.model_version',
      's.thresholds',
      's.request_digest',
      's.latency_ms',
      's.llm_status',
      's.source',
      's.rule_hits',
      's.shadow',
      'c.id as case_id',
      'c.status as case_status',
    ])
    .where('s.tenant_id', '=', tenantId)
    .where('s.id', '=', requestId);
  if (requestedBy !== undefined) query = query.where('s.created_by', '=', requestedBy);
  const row = await query.executeTakeFirst();
  if (row === undefined) return undefined;
  return {
    request_id: row.id,
    tx_id: row.tx_id,
    scored_at: row.scored_at.toISOString(),
    risk_score: row.risk_score,
    probability: row.probability,
    decision: row.decision,
    reasons: row.reasons,
    evidence: row.evidence,
    features: row.features,
    model_version: row.model_version,
    thresholds: storedThresholdsView(row.thresholds),
    request_digest: row.request_digest,
    compute_ms: row.latency_ms,
    llm_status: row.llm_status,
    source: row.source,
    shadow: row.shadow,
    rule_hits: row.rule_hits ?? null,
    case:
      row.case_id === null
        ? null
        : { case_id: row.case_id, status: row.case_status ?? 'open', href: `/v1/cases/${encodeURIComponent(row.case_id)}` },
  };
}
