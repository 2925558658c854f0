import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import type { Clock } from '../platform/clock.js';
import { SentraError } from '../errors/errors.js';
import type { EnrichmentProvider } from './analysis/analysis.js';
import type { DocumentFetcher } from './document-fetcher.js';
import type { EnrichmentMetrics } from './enrichment-metrics.js';
import { entitiesSharingDirectors, findJobInput, forgetText, saveResult } from './enrichment.repository.js';
import { evidenceAt, evidenceSources, verifyEvidence, type EvidenceItem } from './evidence.js';
import { verifiedSignals } from './kyc-signals.js';
import { maskSensitiveText } from './masking.js';
import { rescreenStale } from './rescreen.js';
import type { ScreeningLists } from './screening/screening-lists.js';

/** What a KYC enrichment job runs with. */
export interface EnrichmentJobDependencies {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly provider: EnrichmentProvider;
  readonly documents: DocumentFetcher;
  readonly metrics: EnrichmentMetrics;
  /** The lists a stored result is re-screened against (the provider's own). */
  readonly lists: ScreeningLists;
  /** 0: the stored text is deleted once analysed. */
  readonly textRetentionDays: number;
  /**
   * Called inside the transaction that stores a result, so what it writes (the outbound
   * `enrichment.ready` webhooks) commits with the result or not at all; only for a payment with a
   * merchant (the others have nobody to tell).
   */
  readonly onReady?: (trx: Transaction<Database>, event: EnrichmentReadyEvent) => Promise<void>;
}

/** A result just stored, as `onReady` sees it. */
export interface EnrichmentReadyEvent {
  tenantId: string;
  entityId: string;
  refKey: string;
  /** The payment, and its decision, whose score queued the analysis (absent on jobs queued before they were recorded). */
  txId: string | undefined;
  decisionId: string | undefined;
  provider: string;
  llmVersion: string;
  flags: readonly string[];
  at: Date;
}

/** A job as the handler sees it. */
export interface EnrichmentJob {
  readonly tenantId: string;
  readonly payload: unknown;
}

function payloadOf(payload: unknown): { entityId: string; refKey: string; txId: string | undefined; decisionId: string | undefined } {
  const value = payload as { entity_id?: unknown; ref_key?: unknown; tx_id?: unknown; request_id?: unknown } | null;
  if (typeof value?.entity_id !== 'string' || typeof value.ref_key !== 'string') {
    throw new SentraError('SENTRA_ERR_VALIDATION', 'the job payload needs entity_id and ref_key');
  }
  return {
    entityId: value.entity_id,
    refKey: value.ref_key,
    txId: typeof value.tx_id === 'string' ? value.tx_id : undefined,
    decisionId: typeof value.request_id === 'string' ? value.request_id : undefined,
  };
}

/**
 * Analyses one KYC reference: reads its text (stored, masked, or fetched from an allowed bucket and
 * masked here), asks the provider, keeps only evidence quoted verbatim, adds director overlaps with
 * the tenant's other entities, and stores the result (the cache the next score reads) with the list
 * generation it was screened against. Idempotent: a document analysed already is not analysed
 * again, only re-screened when its screening is older than the lists. Errors with a non-retryable catalogue code
 * (a refused URL, a missing reference) dead-letter the job; others are retried.
 */
export async function runEnrichmentJob(deps: EnrichmentJobDependencies, job: EnrichmentJob, signal: AbortSignal): Promise<void> {
  const { entityId, refKey, txId, decisionId } = payloadOf(job.payload);
  const { analysed, stale, listGeneration, reference, entity, merchantPayment } = await findJobInput(deps.db, job.tenantId, entityId, refKey, txId);
  if (analysed) {
    if (stale) await rescreenStale(deps.db, deps.lists, { tenantId: job.tenantId, refKey, at: () => new Date(deps.clock.now()), signal });
    // Analysed by an earlier attempt that stopped before it could delete the text.
    if (deps.textRetentionDays === 0) await forgetText(deps.db, job.tenantId, refKey);
    return;
  }
  if (reference === undefined) throw new SentraError('SENTRA_ERR_NOT_FOUND', `no KYC reference ${refKey} for entity ${entityId}`);
  let rawText = reference.text_blob ?? undefined;
  if (rawText === undefined && reference.doc_s3_url !== null) rawText = await deps.documents.fetchText(reference.doc_s3_url);
  let documentText: string | undefined;
  if (rawText !== undefined) {
    const masked = maskSensitiveText(rawText);
    documentText = masked.text;
    for (const [kind, count] of Object.entries(masked.report)) if (count > 0) deps.metrics.masked.inc({ kind }, count);
  }
  const asOf = new Date(deps.clock.now());
  const analysis = await deps.provider.analyze({ tenantId: job.tenantId, entity, documentText, asOf, listGeneration }, signal);
  const overlapEvidence: EvidenceItem[] = [];
  const overlaps = await entitiesSharingDirectors(deps.db, job.tenantId, entityId, analysis.facts.director_keys);
  for (const key of new Set(overlaps.map((overlap) => overlap.director_key))) {
    const director = analysis.facts.directors[analysis.facts.director_keys.indexOf(key)];
    const start = director === undefined || documentText === undefined ? -1 : documentText.indexOf(director);
    if (start >= 0) overlapEvidence.push(evidenceAt(evidenceSources.document, 'director_overlap', documentText!, start, start + director!.length));
  }
  const withOverlap = overlapEvidence.length > 0 ? { ...analysis, signals: { ...analysis.signals, director_overlap: true } } : analysis;
  const { kept, dropped } = verifyEvidence([...analysis.evidence, ...overlapEvidence], {
    [evidenceSources.document]: documentText,
    [evidenceSources.entityName]: entity.name,
  });
  if (dropped > 0) deps.metrics.droppedEvidence.inc({ provider: deps.provider.name }, dropped);
  const { signals, matches } = verifiedSignals(withOverlap, kept);
  const result = {
    tenant_id: job.tenantId,
    ref_key: refKey,
    entity_id: entityId,
    provider: deps.provider.name,
    llm_version: deps.provider.version,
    signals: { ...signals, matches, overlapping_entities: [...new Set(overlaps.map((overlap) => overlap.entity_id))] },
    evidence: kept,
    facts: analysis.facts,
    dropped_quotes: dropped,
    created_at: asOf,
    // The generation read with the job's input: the lists screened were that one or later, so a
    // result is never recorded as newer than its screening (an import meanwhile makes it stale).
    screened_generation: listGeneration,
  };
  if (deps.onReady !== undefined && merchantPayment) {
    const onReady = deps.onReady;
    await deps.db.transaction().execute(async (trx) => {
      await saveResult(trx, result, analysis.facts.director_keys);
      await onReady(trx, { tenantId: job.tenantId, entityId, refKey, txId, decisionId, provider: deps.provider.name, llmVersion: deps.provider.version, flags: signals.flags, at: asOf });
    });
  } else {
    // No merchant, so no webhook: the result is one statement, with no transaction around it.
    await saveResult(deps.db, result, analysis.facts.director_keys);
  }
  deps.metrics.results.inc({ provider: deps.provider.name });
  if (deps.textRetentionDays === 0 && reference.text_blob !== null) await forgetText(deps.db, job.tenantId, refKey);
}
