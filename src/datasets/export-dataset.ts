import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import type { LabelSource, LabelValue } from '../contract/enums.js';
import { recordOfRow } from '../scoring/transaction-history.repository.js';
import { appendAudit } from '../audit/audit.repository.js';
import { BufferedFileWriter } from './buffered-file-writer.js';
import { storedKycFeatures } from './stored-kyc-features.js';
import { datasetFileNames } from '../contract/datasets.js';
import { contractVersion } from './manifest.js';
import { entityCsvHeader, formatEntityCsv, formatKycRefCsv, formatLabelCsv, formatTransactionJson, kycRefCsvHeader, labelCsvHeader } from './record-format.js';
import type { EntityType } from './dataset-columns.js';

/** What an export wrote. */
export interface ExportSummary {
  transactions: number;
  labels: number;
  entities: number;
  /** Entities the store knows without a type (seen only in payments): data contract v1 needs one, so they are left out. */
  entitiesWithoutType: number;
  kycRefs: number;
}

/** Who exports which window of which tenant, and where. */
export interface ExportRequest {
  tenantId: string;
  from: Date;
  to: Date;
  out: string;
  actor: string;
  at: Date;
}

const pageSize = 5_000;
const optional = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

/**
 * Writes a tenant's stored payments with `from <= created_at < to` as a data contract v1 dataset:
 * transactions.jsonl (feature overrides kept as `f_` keys, and so are the KYC/KYB features its first
 * decision saw: see storedKycFeatures), labels.csv (per transaction and source
 * the latest label, as the contract holds one), the entities those payments name, their KYC
 * references, and a manifest recording the window. Files are written under `.partial` names and
 * renamed once complete; the export is an audit entry.
 */
export async function exportDataset(db: Kysely<Database>, request: ExportRequest): Promise<ExportSummary> {
  await mkdir(request.out, { recursive: true });
  const transactions = new BufferedFileWriter(join(request.out, datasetFileNames.transactionsJsonl));
  const labels = new BufferedFileWriter(join(request.out, datasetFileNames.labels));
  const entities = new BufferedFileWriter(join(request.out, datasetFileNames.entities));
  const kycRefs = new BufferedFileWriter(join(request.out, datasetFileNames.kycRefs));
  const manifest = new BufferedFileWriter(join(request.out, datasetFileNames.manifest));
  const writers = [transactions, labels, entities, kycRefs, manifest];
  const summary: ExportSummary = { transactions: 0, labels: 0, entities: 0, entitiesWithoutType: 0, kycRefs: 0 };
  try {
    await labels.write(labelCsvHeader);
    await entities.write(entityCsvHeader);
    await kycRefs.write(kycRefCsvHeader);
    const entityIds = new Set<string>();
    let after: { at: Date; txId: string } | undefined;
    for (;;) {
      let query = db.selectFrom('transactions').selectAll().where('tenant_id', '=', request.tenantId).where('created_at', '>=', request.from).where('created_at', '<', request.to);
      if (after !== undefined) {
        const { at, txId } = after;
        query = query.where((eb) => eb.or([eb('created_at', '>', at), eb.and([eb('created_at', '=', at), eb('tx_id', '>', txId)])]));
      }
      const rows = await query.orderBy('created_at').orderBy('tx_id').limit(pageSize).execute();
      const kyc = await storedKycFeatures(db, request.tenantId, rows.map((row) => row.tx_id));
      for (const row of rows) {
        const record = recordOfRow(row);
        const stored = kyc.get(row.tx_id);
        await transactions.write(formatTransactionJson(stored === undefined ? record : { ...record, overrides: { ...record.overrides, ...stored } }));
        entityIds.add(row.sender_entity_id).add(row.receiver_entity_id);
      }
      summary.transactions += rows.length;
      if (rows.length > 0) {
        const txIds = rows.map((row) => row.tx_id);
        const labelRows = await db
          .selectFrom('labels')
          .selectAll()
          .where('tenant_id', '=', request.tenantId)
          .where('tx_id', 'in', txIds)
          .orderBy('tx_id')
          .orderBy('source')
          .orderBy('labeled_at', 'desc')
          .execute();
        let previous = '';
        for (const label of labelRows) {
          const key = `${label.tx_id}\u0000${label.source}`;
          if (key === previous) continue;
          previous = key;
          await labels.write(formatLabelCsv({ txId: label.tx_id, label: label.label as LabelValue, labeledAt: label.labeled_at.getTime(), source: label.source as LabelSource, reason: label.reason }));
          summary.labels += 1;
        }
      }
      if (rows.length < pageSize) break;
      const last = rows[rows.length - 1]!;
      after = { at: last.created_at, txId: last.tx_id };
    }
    const ids = [...entityIds].sort();
    for (let start = 0; start < ids.length; start += pageSize) {
      const slice = ids.slice(start, start + pageSize);
      const [entityRows, refRows] = await Promise.all([
        db.selectFrom('entities').selectAll().where('tenant_id', '=', request.tenantId).where('entity_id', 'in', slice).orderBy('entity_id').execute(),
        db.selectFrom('kyc_refs').selectAll().where('tenant_id', '=', request.tenantId).where('entity_id', 'in', slice).orderBy('entity_id').orderBy('ref_key').execute(),
      ]);
      for (const entity of entityRows) {
        if (entity.entity_type === null) {
          summary.entitiesWithoutType += 1;
          continue;
        }
        await entities.write(formatEntityCsv({ entityId: entity.entity_id, entityType: entity.entity_type as EntityType, country: optional(entity.country), createdAt: entity.created_at?.getTime(), name: optional(entity.name) }));
        summary.entities += 1;
      }
      for (const ref of refRows) {
        await kycRefs.write(formatKycRefCsv({ entityId: ref.entity_id, docHash: optional(ref.doc_hash), docS3Url: optional(ref.doc_s3_url), textBlob: optional(ref.text_blob) }));
        summary.kycRefs += 1;
      }
    }
    const name = `sentra-export-${request.tenantId}-${request.from.toISOString().slice(0, 10)}-${request.to.toISOString().slice(0, 10)}`;
    await manifest.write(`${JSON.stringify({ contract_version: contractVersion, name, exported_from: { tenant_id: request.tenantId, from: request.from.toISOString(), to: request.to.toISOString(), at: request.at.toISOString() }, counts: summary }, null, 2)}\n`);
    for (const writer of writers) await writer.commit();
  } catch (error) {
    await Promise.all(writers.map((writer) => writer.abort().catch(() => undefined)));
    throw error;
  }
  await db.transaction().execute((trx) =>
    appendAudit(trx, [{ tenantId: request.tenantId, at: request.at, actor: request.actor, action: 'dataset.exported', subject: request.tenantId, payload: { from: request.from.toISOString(), to: request.to.toISOString(), ...summary } }]),
  );
  return summary;
}
