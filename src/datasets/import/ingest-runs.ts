import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database-schema.js';
import type { ImportFileCounts, ImportSummary } from './import-dataset.js';

/** An ingest run as stored in `ingest_runs`. */
export interface IngestRun {
  readonly runId: string;
  readonly datasetName: string;
  readonly datasetHash: string;
  readonly status: string;
  readonly createdBy: string;
  readonly startedAt: Date;
  readonly finishedAt: Date | null;
  readonly counts: ImportSummary['counts'];
  readonly warningCount: number;
}

const noCounts: ImportFileCounts = { read: 0, inserted: 0, alreadyPresent: 0 };

function fileCounts(value: unknown): ImportFileCounts {
  const counts = (value ?? {}) as Partial<ImportFileCounts>;
  return { read: counts.read ?? noCounts.read, inserted: counts.inserted ?? noCounts.inserted, alreadyPresent: counts.alreadyPresent ?? noCounts.alreadyPresent };
}

/** The tenant's ingest runs, newest first (`sentra import` and the console's import alike). */
export async function listIngestRuns(db: Kysely<Database>, tenantId: string, limit: number): Promise<IngestRun[]> {
  const rows = await db.selectFrom('ingest_runs').selectAll().where('tenant_id', '=', tenantId).orderBy('started_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((row) => {
    const counts = (row.counts ?? {}) as Record<string, unknown>;
    const report = (row.report ?? {}) as { warning_count?: number };
    return {
      runId: row.id,
      datasetName: row.dataset_name,
      datasetHash: row.dataset_hash,
      status: row.status,
      createdBy: row.created_by,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      counts: { transactions: fileCounts(counts.transactions), labels: fileCounts(counts.labels), entities: fileCounts(counts.entities), kycRefs: fileCounts(counts.kycRefs) },
      warningCount: report.warning_count ?? 0,
    };
  });
}
