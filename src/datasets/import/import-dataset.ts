import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/database-schema.js';
import { SentraError } from '../../errors/errors.js';
import { newId } from '../../platform/ids.js';
import { appendAudit } from '../../audit/audit.repository.js';
import { readEntities, readKycRefs, readLabels, readTransactions } from '../dataset-readers.js';
import type { DatasetIdentity } from '../replay/dataset-identity.js';
import { EntitySightings } from './entity-sightings.js';
import { insertKycRefs, insertLabels, insertTransactions, upsertEntities, type ImportStamp } from './import-writes.js';

/** Rows per INSERT statement: 500 transactions × 28 columns stays far below PostgreSQL's 65,535 parameters. */
export const importBatchSize = 500;

/** Per file: rows read, rows inserted, rows that were already in the store. */
export interface ImportFileCounts {
  read: number;
  inserted: number;
  alreadyPresent: number;
}

/** What an import did; also stored in `ingest_runs.counts`. */
export interface ImportSummary {
  readonly runId: string;
  readonly tenantId: string;
  readonly datasetName: string;
  readonly datasetHash: string;
  readonly counts: { transactions: ImportFileCounts; labels: ImportFileCounts; entities: ImportFileCounts; kycRefs: ImportFileCounts };
  readonly startedAt: Date;
  readonly finishedAt: Date;
}

/** Options of {@link importDataset}. */
export interface ImportOptions {
  readonly tenantId: string;
  /** Who ran it (audit actor). */
  readonly actor: string;
  /** Called with a file name and the rows written so far. */
  readonly onProgress?: (file: string, rows: number) => void;
  /** Test hook, called after each batch with the import's transaction (a throw aborts the whole import). */
  readonly afterBatch?: (trx: Transaction<Database>, file: string, rows: number) => void | Promise<void>;
  readonly now?: () => Date;
}

const emptyCounts = (): ImportFileCounts => ({ read: 0, inserted: 0, alreadyPresent: 0 });

/**
 * Writes rows in batches; while one batch is written the next is read (PostgreSQL works in its own
 * process meanwhile), so reading and writing overlap. Batches are still written one at a time, in order.
 */
async function writeInBatches<T>(
  rows: AsyncIterable<T>,
  counts: ImportFileCounts,
  write: (batch: T[]) => Promise<number>,
  after: (rows: number) => Promise<void>,
): Promise<void> {
  let pending: Promise<void> = Promise.resolve();
  const flush = async (batch: T[]) => {
    const inserted = await write(batch);
    counts.read += batch.length;
    counts.inserted += inserted;
    counts.alreadyPresent += batch.length - inserted;
    await after(counts.read);
  };
  let batch: T[] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length < importBatchSize) continue;
    await pending;
    pending = flush(batch);
    // A failed write is reported by the next await; keep it from counting as unhandled meanwhile.
    pending.catch(() => undefined);
    batch = [];
  }
  await pending;
  if (batch.length > 0) await flush(batch);
}

async function* seeing<T>(rows: AsyncIterable<T>, see: (row: T) => void): AsyncGenerator<T> {
  for await (const row of rows) {
    see(row);
    yield row;
  }
}

/**
 * Imports a validated dataset into the store as ONE ingest run in ONE database transaction: every
 * file is streamed in batches of {@link importBatchSize} rows (ON CONFLICT on the primary keys, so
 * re-importing the same rows inserts nothing), entities come from entities.csv plus each payment's
 * sender and receiver, and the run (counts, validation summary) and a `dataset.imported` audit
 * entry commit with the data. Any failure rolls everything back: nothing is half-imported.
 */
export async function importDataset(db: Kysely<Database>, dataset: DatasetIdentity, options: ImportOptions): Promise<ImportSummary> {
  const clock = options.now ?? (() => new Date());
  const startedAt = clock();
  await requireTenant(db, options.tenantId);
  const stamp: ImportStamp = { tenantId: options.tenantId, runId: newId('ingest', startedAt.getTime()), at: startedAt };
  const counts = { transactions: emptyCounts(), labels: emptyCounts(), entities: emptyCounts(), kycRefs: emptyCounts() };
  const dir = dataset.dir;
  return db.transaction().execute(async (trx) => {
    const after = (file: string) => async (rows: number) => {
      options.onProgress?.(file, rows);
      await options.afterBatch?.(trx, file, rows);
    };
    const entities = new EntitySightings();
    for await (const entity of readEntities(dir)) entities.describe(entity);
    await writeInBatches(seeing(readTransactions(dir), (record) => entities.see(record)), counts.transactions, (batch) => insertTransactions(trx, stamp, batch), after('transactions'));
    await writeInBatches(readLabels(dir), counts.labels, (batch) => insertLabels(trx, stamp, batch), after('labels'));
    await writeInBatches(readKycRefs(dir), counts.kycRefs, (batch) => insertKycRefs(trx, stamp, batch), after('kyc_refs'));
    await writeInBatches(iterate(entities.values()), counts.entities, (batch) => upsertEntities(trx, stamp, batch), after('entities'));
    const finishedAt = clock();
    const summary: ImportSummary = { runId: stamp.runId, tenantId: stamp.tenantId, datasetName: dataset.name, datasetHash: dataset.hash, counts, startedAt, finishedAt };
    await recordRun(trx, dataset, summary, options.actor);
    return summary;
  });
}

async function* iterate<T>(values: Iterable<T>): AsyncGenerator<T> {
  yield* values;
}

async function requireTenant(db: Kysely<Database>, tenantId: string): Promise<void> {
  const tenants = await db.selectFrom('tenants').select('id').execute();
  // A fresh install has no tenant until the server's first start creates `default`: importing
  // into it beforehand is fine. Any other unknown tenant is a mistake.
  if (tenants.some((tenant) => tenant.id === tenantId) || (tenants.length === 0 && tenantId === 'default')) return;
  throw new SentraError('SENTRA_ERR_NOT_FOUND', `Tenant ${tenantId} does not exist`);
}

async function recordRun(trx: Transaction<Database>, dataset: DatasetIdentity, summary: ImportSummary, actor: string): Promise<void> {
  const report = dataset.report;
  const validation = {
    valid: report.valid,
    transactions_format: report.transactionsFormat,
    counts: report.counts,
    label_counts: report.labelCounts,
    created_at_range: report.createdAtRange ?? null,
    error_count: report.errorCount,
    warning_count: report.warningCount,
    warning_counts_by_code: report.warningCountsByCode,
    duration_ms: report.durationMs,
  };
  await trx
    .insertInto('ingest_runs')
    .values({
      id: summary.runId,
      tenant_id: summary.tenantId,
      dataset_name: summary.datasetName,
      dataset_hash: summary.datasetHash,
      status: 'committed',
      counts: JSON.stringify(summary.counts),
      report: JSON.stringify(validation),
      created_by: actor,
      started_at: summary.startedAt,
      finished_at: summary.finishedAt,
    })
    .execute();
  await appendAudit(trx, [
    {
      tenantId: summary.tenantId,
      at: summary.finishedAt,
      actor,
      action: 'dataset.imported',
      subject: summary.runId,
      payload: { dataset_name: summary.datasetName, dataset_hash: summary.datasetHash, counts: summary.counts },
    },
  ]);
}
