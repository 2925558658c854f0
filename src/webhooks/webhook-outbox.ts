import type { Transaction } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import type { CaseRecord } from '../cases/case-record.js';
import type { EnrichmentReadyEvent } from '../enrichment/enrichment-job.js';
import { writeDeliveries } from './webhooks.repository.js';

/** Whether the merchant of the tenant exists and is live now (a shadow merchant is never sent anything). */
async function isLiveMerchant(trx: Transaction<Database>, tenantId: string, merchantId: string): Promise<boolean> {
  const row = await trx.selectFrom('merchants').select('mode').where('tenant_id', '=', tenantId).where('id', '=', merchantId).executeTakeFirst();
  return row?.mode === 'live';
}

/**
 * Writes the `case.resolved` deliveries of a case just resolved, in the resolution's transaction:
 * only for a live case (not opened by a shadow decision) of a merchant that is live now. Returns
 * the number of deliveries written.
 */
export async function writeCaseResolved(trx: Transaction<Database>, resolved: CaseRecord, verdict: { label: string; reason: string }, at: Date): Promise<number> {
  if (resolved.shadow || resolved.merchant_id === null) return 0;
  if (!(await isLiveMerchant(trx, resolved.tenant_id, resolved.merchant_id))) return 0;
  const data = {
    case_id: resolved.id,
    tx_id: resolved.tx_id,
    merchant_id: resolved.merchant_id,
    resolution: verdict.label,
    reason: verdict.reason,
    resolved_at: at.toISOString(),
    decision_id: resolved.latest_score_id,
    decision: resolved.decision,
    risk_score: resolved.risk_score,
  };
  return writeDeliveries(trx, resolved.tenant_id, resolved.merchant_id, 'case.resolved', data, at);
}

/**
 * Writes the `enrichment.ready` deliveries of an analysis just stored, in the transaction that
 * stores it: only when the payment that carried the document was a live decision (not shadow) of
 * a merchant that is live now. Returns the number of deliveries written.
 */
export async function writeEnrichmentReady(trx: Transaction<Database>, ready: EnrichmentReadyEvent): Promise<number> {
  if (ready.txId === undefined || ready.decisionId === undefined) return 0;
  const payment = await trx
    .selectFrom('risk_scores as s')
    .innerJoin('transactions as t', (join) => join.onRef('t.tenant_id', '=', 's.tenant_id').onRef('t.tx_id', '=', 's.tx_id'))
    .select(['s.shadow', 't.merchant_id'])
    .where('s.tenant_id', '=', ready.tenantId)
    .where('s.id', '=', ready.decisionId)
    .executeTakeFirst();
  if (payment === undefined || payment.shadow || payment.merchant_id === null) return 0;
  if (!(await isLiveMerchant(trx, ready.tenantId, payment.merchant_id))) return 0;
  const data = {
    entity_id: ready.entityId,
    document_ref: ready.refKey,
    tx_id: ready.txId,
    decision_id: ready.decisionId,
    merchant_id: payment.merchant_id,
    provider: ready.provider,
    llm_version: ready.llmVersion,
    flags: [...ready.flags],
    analysed_at: ready.at.toISOString(),
  };
  return writeDeliveries(trx, ready.tenantId, payment.merchant_id, 'enrichment.ready', data, ready.at);
}
