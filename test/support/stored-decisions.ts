import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/database-schema.js';
import { decide, defaultThresholds } from '../../src/scoring/thresholds.js';

let sequence = 0;

/** Stores a decision with a chosen score and time, as the decision writer would have (for read-side tests). */
export async function storeDecision(
  db: Kysely<Database>,
  decision: { tenantId?: string; txId?: string; riskScore: number; scoredAt: Date; latencyMs?: number },
): Promise<string> {
  sequence += 1;
  const txId = decision.txId ?? `tx-stored-${sequence}`;
  await db
    .insertInto('risk_scores')
    .values({
      id: `dec_stored_${sequence}`,
      tenant_id: decision.tenantId ?? 'default',
      tx_id: txId,
      scored_at: decision.scoredAt,
      risk_score: decision.riskScore,
      probability: decision.riskScore / 1000,
      decision: decide(decision.riskScore, defaultThresholds),
      reasons: '[]',
      evidence: '[]',
      features: '{}',
      model_version: 'fixture',
      thresholds: JSON.stringify(defaultThresholds),
      request_digest: 'fixture',
      latency_ms: decision.latencyMs ?? 1,
      llm_status: 'ready',
      source: 'api',
      tx_month: new Date(Date.UTC(decision.scoredAt.getUTCFullYear(), decision.scoredAt.getUTCMonth(), 1)),
    })
    .execute();
  return txId;
}

/** Stores a label of a payment. */
export async function storeLabel(db: Kysely<Database>, txId: string, label: 'fraud' | 'legit', labeledAt: Date, tenantId = 'default'): Promise<void> {
  await db
    .insertInto('labels')
    .values({ tenant_id: tenantId, tx_id: txId, source: 'analyst', label, labeled_at: labeledAt, reason: 'fixture', ingest_run_id: null, created_by: 'test', created_at: labeledAt })
    .execute();
}
