import { sql, type Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { auditRow, chainAfterHeads } from '../audit/audit.repository.js';
import type { ChainHeadCache } from '../audit/chain-head-cache.js';
import type { DecisionWrite } from './decision-record.js';
import { buildDecisionBatch } from './decision-batch.js';

export { kycRefRow } from './decision-batch.js';

/** Attempts before a batch whose audit heads keep moving gives up. */
const maxAttempts = 5;

function chainMoved(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '40001';
}

/**
 * Writes a batch of decisions in one statement (one round trip, one atomic commit): entities,
 * transactions, KYC refs, cases, risk_scores rows, enrichment jobs and one hash-chained audit entry
 * per decision, through `sentra_write_decisions` (migration 0002). The audit chain continues from
 * the cached heads; when another writer appended first, the heads are read again and the batch is
 * chained and written again.
 */
export async function persistDecisions(db: Kysely<Database>, heads: ChainHeadCache, items: readonly DecisionWrite[]): Promise<void> {
  const batch = buildDecisionBatch(items);
  for (let attempt = 1; ; attempt++) {
    const previous = await heads.get(items.map((item) => item.tenantId));
    const { chained, newHeads } = chainAfterHeads(batch.audit, previous);
    const document = JSON.stringify({
      ...batch,
      audit: chained.map(auditRow),
      heads: [...newHeads].map(([tenantId, head]) => ({
        tenant_id: tenantId,
        seq: head.seq,
        hash: head.hash,
        previous_seq: previous.get(tenantId)!.seq,
        previous_hash: previous.get(tenantId)!.hash,
      })),
    });
    try {
      const result = await sql<{ written: number | string }>`select sentra_write_decisions(${document}::jsonb) as written`.execute(db);
      const written = Number(result.rows[0]?.written);
      if (written !== items.length) throw new Error(`decision batch wrote ${written} of ${items.length} scores`);
      heads.advance(newHeads);
      return;
    } catch (error) {
      if (!chainMoved(error) || attempt >= maxAttempts) throw error;
      heads.forget();
    }
  }
}
