import type { Transaction } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import type { LabelRecord } from '../contract/transaction-record.js';
import type { LabelValue } from '../contract/enums.js';
import { effectiveLabel } from '../contract/label-precedence.js';

/** A transaction whose effective label a write changed: what the live profiles must move. */
export interface EffectiveChange {
  txId: string;
  /** The effective label before the write (undefined: none). */
  previous: LabelValue | undefined;
  /** The new effective label, applied at its labeled_at. */
  current: LabelRecord;
}

interface StoredLabel {
  tx_id: string;
  source: string;
  label: string;
  labeled_at: Date;
  reason: string;
}

const asRecord = (row: StoredLabel): LabelRecord => ({ txId: row.tx_id, label: row.label as LabelValue, labeledAt: row.labeled_at.getTime(), source: row.source as LabelRecord['source'], reason: row.reason });

/**
 * Stores labels of the tenant's transactions inside the caller's transaction (the same label
 * again adds nothing) and answers which transactions' effective label changed, so the caller can
 * move the live profiles once the transaction has committed.
 */
export async function writeLabels(trx: Transaction<Database>, tenantId: string, labels: readonly LabelRecord[], createdBy: string, at: Date): Promise<{ written: number; changes: EffectiveChange[] }> {
  if (labels.length === 0) return { written: 0, changes: [] };
  const txIds = [...new Set(labels.map((label) => label.txId))];
  const before = await trx.selectFrom('labels').select(['tx_id', 'source', 'label', 'labeled_at', 'reason']).where('tenant_id', '=', tenantId).where('tx_id', 'in', txIds).execute();
  const inserted = await trx
    .insertInto('labels')
    .values(
      labels.map((label) => ({
        tenant_id: tenantId,
        tx_id: label.txId,
        source: label.source,
        label: label.label,
        labeled_at: new Date(label.labeledAt),
        reason: label.reason,
        ingest_run_id: null,
        created_by: createdBy,
        created_at: at,
      })),
    )
    .onConflict((conflict) => conflict.columns(['tenant_id', 'tx_id', 'source', 'labeled_at']).doNothing())
    .returning(['tx_id', 'source', 'label', 'labeled_at', 'reason'])
    .execute();
  const changes: EffectiveChange[] = [];
  for (const txId of txIds) {
    const old = effectiveLabel(before.filter((row) => row.tx_id === txId));
    const now = effectiveLabel([...before, ...inserted].filter((row) => row.tx_id === txId));
    if (now === undefined || (old !== undefined && old.label === now.label && old.source === now.source && old.labeled_at.getTime() === now.labeled_at.getTime())) continue;
    changes.push({ txId, previous: old?.label as LabelValue | undefined, current: asRecord(now) });
  }
  return { written: inserted.length, changes };
}
