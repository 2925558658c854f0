import type { Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { amountInUsd } from '../features/currency.js';
import { effectiveLabel } from '../contract/label-precedence.js';
import { pspVerdicts } from '../feeds/feed-inbox.repository.js';
import type { FeedItem } from '../platform/tables/feed.table.js';
import { feedStatuses } from '../contract/feeds.js';
import type { EvaluatedPayment } from './evaluation.js';

const chunkSize = 1000;
const parse = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += chunkSize) out.push(items.slice(start, start + chunkSize));
  return out;
}

/**
 * The merchant's feed payments created in [from, to) with their first feed decision, their effective
 * label as of now (labels that arrived after the window count), the fraud chargebacks the feed
 * reported on them, and the PSP's own verdict.
 */
export async function evaluatedPayments(db: Kysely<Database>, tenantId: string, merchantId: string, from: Date, to: Date): Promise<EvaluatedPayment[]> {
  const rows = await db
    .selectFrom('transactions as t')
    .innerJoin('risk_scores as s', (join) => join.onRef('s.tenant_id', '=', 't.tenant_id').onRef('s.tx_id', '=', 't.tx_id'))
    .select(['t.tx_id', 't.amount', 't.currency', 't.fx_rate', 's.risk_score', 's.shadow', 's.scored_at', 's.id'])
    .where('t.tenant_id', '=', tenantId)
    .where('t.merchant_id', '=', merchantId)
    .where('t.created_at', '>=', from)
    .where('t.created_at', '<', to)
    .where('s.source', '=', 'feed')
    .orderBy('s.scored_at')
    .orderBy('s.id')
    .execute();
  const first = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (!first.has(row.tx_id)) first.set(row.tx_id, row);
  const txIds = [...first.keys()];
  const labels = new Map<string, { source: string; label: string; labeled_at: Date }[]>();
  const chargebacks = new Map<string, number>();
  const verdicts = new Map<string, boolean>();
  for (const part of chunks(txIds)) {
    const labelRows = await db.selectFrom('labels').select(['tx_id', 'source', 'label', 'labeled_at']).where('tenant_id', '=', tenantId).where('tx_id', 'in', part).execute();
    for (const row of labelRows) labels.set(row.tx_id, [...(labels.get(row.tx_id) ?? []), row]);
    const disputes = await db.selectFrom('feed_inbox').select(['tx_id', 'item']).where('merchant_id', '=', merchantId).where('kind', '=', 'label').where('status', '=', feedStatuses.processed).where('tx_id', 'in', part).execute();
    for (const dispute of disputes) {
      const item = parse<FeedItem>(dispute.item);
      if (item.kind !== 'label' || item.label.source !== 'chargeback' || item.amount === null || item.currency === null || dispute.tx_id === null) continue;
      const value = amountInUsd({ amount: item.amount, currency: item.currency, fxRate: undefined });
      if (Number.isFinite(value)) chargebacks.set(dispute.tx_id, (chargebacks.get(dispute.tx_id) ?? 0) + value);
    }
    for (const [txId, verdict] of await pspVerdicts(db, merchantId, part)) verdicts.set(txId, verdict.flagged);
  }
  return txIds.map((txId) => {
    const row = first.get(txId)!;
    const label = effectiveLabel(labels.get(txId) ?? []);
    return {
      txId,
      amountUsd: amountInUsd({ amount: Number(row.amount), currency: row.currency, fxRate: row.fx_rate ?? undefined }),
      riskScore: row.risk_score,
      shadow: row.shadow,
      fraud: label?.label === 'fraud',
      chargebackUsd: chargebacks.get(txId) ?? 0,
      pspFlagged: verdicts.get(txId) ?? null,
    };
  });
}
