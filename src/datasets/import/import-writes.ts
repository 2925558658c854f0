import { sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/database-schema.js';
import type { LabelRecord, TransactionRecord } from '../../contract/transaction-record.js';
import { rowOfRecord } from '../../scoring/transaction-history.repository.js';
import { kycReference } from '../../scoring/score-request.js';
import { kycRefRow } from '../../scoring/decision.repository.js';
import type { KycRefRecord } from '../kyc-ref-row.js';
import type { EntitySighting } from './entity-sightings.js';

/** Who and when of the rows an import writes. */
export interface ImportStamp {
  readonly tenantId: string;
  readonly runId: string;
  readonly at: Date;
}

/** Inserts transactions (source `import`); rows already stored are left as they are. Returns how many were new. */
export async function insertTransactions(trx: Transaction<Database>, stamp: ImportStamp, records: readonly TransactionRecord[]): Promise<number> {
  if (records.length === 0) return 0;
  const rows = records.map((record) =>
    rowOfRecord(record, { tenantId: stamp.tenantId, network: undefined, source: 'import', ingestRunId: stamp.runId, updatedAt: stamp.at }),
  );
  const inserted = await trx
    .insertInto('transactions')
    .values(rows)
    .onConflict((conflict) => conflict.columns(['tenant_id', 'tx_id']).doNothing())
    .returning('tx_id')
    .execute();
  return inserted.length;
}

/** Inserts labels (created_by `import`); re-importing the same label (transaction, source, time) adds nothing. */
export async function insertLabels(trx: Transaction<Database>, stamp: ImportStamp, labels: readonly LabelRecord[]): Promise<number> {
  if (labels.length === 0) return 0;
  const inserted = await trx
    .insertInto('labels')
    .values(
      labels.map((label) => ({
        tenant_id: stamp.tenantId,
        tx_id: label.txId,
        source: label.source,
        label: label.label,
        labeled_at: new Date(label.labeledAt),
        reason: label.reason,
        ingest_run_id: stamp.runId,
        created_by: 'import',
        created_at: stamp.at,
      })),
    )
    .onConflict((conflict) => conflict.columns(['tenant_id', 'tx_id', 'source', 'labeled_at']).doNothing())
    .returning('tx_id')
    .execute();
  return inserted.length;
}

/** Inserts KYC references keyed like the API's (doc_hash, else a SHA-256 of the URL or text). */
export async function insertKycRefs(trx: Transaction<Database>, stamp: ImportStamp, refs: readonly KycRefRecord[]): Promise<number> {
  if (refs.length === 0) return 0;
  const inserted = await trx
    .insertInto('kyc_refs')
    .values(
      refs.map((ref) => kycRefRow(stamp.tenantId, kycReference(ref.entityId, ref.docHash, ref.docS3Url, ref.textBlob), stamp.at)),
    )
    .onConflict((conflict) => conflict.columns(['tenant_id', 'entity_id', 'ref_key']).doNothing())
    .returning('entity_id')
    .execute();
  return inserted.length;
}

/**
 * Upserts entities: the entities.csv description fills what is unknown, first/last seen widen to
 * include the imported payments. Returns how many rows were new (`xmax = 0` marks an insert).
 */
export async function upsertEntities(trx: Transaction<Database>, stamp: ImportStamp, entities: readonly EntitySighting[]): Promise<number> {
  if (entities.length === 0) return 0;
  const date = (time: number | null) => (time === null || Number.isNaN(time) ? null : new Date(time));
  const rows = entities.map((entity) => ({
    tenant_id: stamp.tenantId,
    entity_id: entity.entityId,
    entity_type: entity.entityType,
    country: entity.country,
    name: entity.name,
    created_at: date(entity.createdAt),
    first_seen_at: date(entity.firstSeen) ?? date(entity.createdAt) ?? stamp.at,
    last_seen_at: date(entity.lastSeen) ?? date(entity.createdAt) ?? stamp.at,
  }));
  const result = await trx
    .insertInto('entities')
    .values(rows)
    .onConflict((conflict) =>
      conflict.columns(['tenant_id', 'entity_id']).doUpdateSet({
        entity_type: sql`coalesce(entities.entity_type, excluded.entity_type)`,
        country: sql`coalesce(entities.country, excluded.country)`,
        name: sql`coalesce(entities.name, excluded.name)`,
        created_at: sql`coalesce(entities.created_at, excluded.created_at)`,
        first_seen_at: sql`least(entities.first_seen_at, excluded.first_seen_at)`,
        last_seen_at: sql`greatest(entities.last_seen_at, excluded.last_seen_at)`,
      }),
    )
    .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
    .execute();
  return result.filter((row) => row.inserted).length;
}
