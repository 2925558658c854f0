import { sql, type Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { auditRow, chainAfterHeads, lockChainHeads, type ChainHead } from '../audit/audit.repository.js';
import type { ChainHeadCache } from '../audit/chain-head-cache.js';
import type { DecisionWrite } from './decision-record.js';
import { buildDecisionBatch, type DecisionBatch } from './decision-batch.js';
import type { CasePolicy } from '../cases/case-policy.js';

export { kycRefRow } from './decision-batch.js';

/** Optimistic attempts before a batch locks the chain heads instead (other writers keep appending). */
const optimisticAttempts = 2;

function chainMoved(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '40001';
}

/** The batch's JSON document, its audit entries chained after `previous`, and the heads it moves to. */
function batchDocument(batch: DecisionBatch, previous: ReadonlyMap<string, ChainHead>): { document: string; newHeads: Map<string, ChainHead> } {
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
  return { document, newHeads };
}

async function writeDocument(db: Kysely<Database>, document: string, expected: number): Promise<void> {
  const result = await sql<{ written: number | string }>`select sentra_write_decisions(${document}::jsonb) as written`.execute(db);
  const written = Number(result.rows[0]?.written);
  if (written !== expected) throw new Error(`decision batch wrote ${written} of ${expected} scores`);
}

/**
 * Writes a batch of decisions in one statement (one round trip, one atomic commit): entities,
 * transactions, KYC refs, cases, risk_scores rows, enrichment jobs and one hash-chained audit entry
 * per decision, through `sentra_write_decisions` (migration 0002). The audit chain continues from
 * the cached heads, without reading or locking them; when another writer appended first, the
 * statement fails with 40001 and writes nothing, and the batch is chained again. After
 * {@link optimisticAttempts} such failures (several processes writing the same tenants at a high
 * rate), the batch locks the heads in a transaction and chains after them, so it always completes.
 */
export async function persistDecisions(db: Kysely<Database>, heads: ChainHeadCache, items: readonly DecisionWrite[], casePolicy?: CasePolicy): Promise<void> {
  const batch = buildDecisionBatch(items, casePolicy);
  const tenantIds = items.map((item) => item.tenantId);
  for (let attempt = 1; attempt <= optimisticAttempts; attempt++) {
    const { document, newHeads } = batchDocument(batch, await heads.get(tenantIds));
    try {
      await writeDocument(db, document, items.length);
      heads.advance(newHeads);
      return;
    } catch (error) {
      heads.forget();
      if (!chainMoved(error)) throw error;
    }
  }
  const newHeads = await db.transaction().execute(async (trx) => {
    const locked = await lockChainHeads(trx, tenantIds);
    const prepared = batchDocument(batch, locked);
    await writeDocument(trx, prepared.document, items.length);
    return prepared.newHeads;
  });
  heads.advance(newHeads);
}
