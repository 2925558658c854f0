import type { Kysely } from 'kysely';
import type { Static } from '@sinclair/typebox';
import type { Database } from '../platform/database-schema.js';
import type { EntityEnrichment } from '../contract/enrichment.js';
import { findEntityResults } from './enrichment.repository.js';
import type { KycLookup } from './kyc-lookup.js';

/** What an entity's enrichment looks like to an analyst. */
export type EntityEnrichmentView = Static<typeof EntityEnrichment>;

/** A document's state as an analyst reads it: analysed, awaiting its re-screen, on its way, or given up (with the job to retry). */
function documentStatus(analysed: boolean, stale: boolean, jobStatus: string | null): string {
  if (analysed) return stale ? 'rescreening' : 'ready';
  if (jobStatus === 'dead' || jobStatus === 'failed') return jobStatus;
  return 'pending';
}

/**
 * An entity's KYC/KYB documents with their status, provider, signals, list matches and verified
 * evidence, and the signals over all of them (what rules and the next score see); undefined when
 * the entity has no document. `GET /v1/enrichment/{entity_id}` and the case detail answer this.
 */
export async function entityEnrichment(db: Kysely<Database>, lookup: KycLookup, tenantId: string, entityId: string): Promise<EntityEnrichmentView | undefined> {
  const rows = await findEntityResults(db, tenantId, entityId);
  if (rows.length === 0) return undefined;
  const documents = rows.map((row) => {
    const analysed = row.provider !== null;
    const stored = (row.signals ?? null) as (Record<string, unknown> & { matches?: unknown[] }) | null;
    const { matches = [], ...signals } = stored ?? {};
    return {
      ref_key: row.ref_key,
      doc_hash: row.doc_hash,
      doc_s3_url: row.doc_s3_url,
      status: documentStatus(analysed, row.stale === true, row.job_status),
      job_id: row.job_id,
      last_error: analysed ? null : row.last_error,
      provider: row.provider,
      llm_version: row.llm_version,
      analysed_at: row.analysed_at === null ? null : new Date(row.analysed_at).toISOString(),
      signals: stored === null ? null : signals,
      matches: matches as never[],
      evidence: (row.evidence ?? []) as never[],
      dropped_quotes: row.dropped_quotes ?? 0,
      text: row.text_blob,
    };
  });
  const view = await lookup.lookup(tenantId, [], [entityId]);
  return {
    entity_id: entityId,
    status: documents.every((document) => document.status === 'ready') ? 'ready' : 'pending',
    signals: view.signals ?? null,
    documents,
  };
}
