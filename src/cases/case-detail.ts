import type { Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { SentraError } from '../errors/errors.js';
import { storedThresholdsView } from '../contract/thresholds.js';
import { caseView, type CaseView } from './case-record.js';
import { relatedTransactions, type RelatedTransaction } from './case-related.js';
import { caseTimeline, type TimelineEntry } from './case-timeline.js';
import { effectiveLabel } from '../contract/label-precedence.js';
import { entityEnrichment, type EntityEnrichmentView } from '../enrichment/entity-enrichment.js';
import { KycLookup } from '../enrichment/kyc-lookup.js';

/** Everything an analyst needs to decide a case, in one answer. */
export interface CaseDetail {
  case: CaseView;
  transaction: Record<string, unknown> | null;
  entities: { sender: Record<string, unknown> | null; receiver: Record<string, unknown> | null };
  decisions: Record<string, unknown>[];
  related: { sender: RelatedTransaction[]; device: RelatedTransaction[]; receiver: RelatedTransaction[] };
  kyc_refs: Record<string, unknown>[];
  /** The KYC/KYB enrichment of each party (documents, signals, matches, evidence); null without documents. */
  enrichment: { sender: EntityEnrichmentView | null; receiver: EntityEnrichmentView | null };
  notes: { at: string; actor: string; text: string }[];
  labels: { source: string; label: string; reason: string; labeled_at: string; created_by: string; created_at: string }[];
  effective_label: { source: string; label: string } | null;
  timeline: TimelineEntry[];
}

const iso = (value: Date | null) => value?.toISOString() ?? null;

/** A case of the tenant with its payment, entities, decisions, related payments, KYC, notes, labels and timeline. */
export async function caseDetail(db: Kysely<Database>, tenantId: string, caseId: string): Promise<CaseDetail> {
  const row = await db.selectFrom('cases').selectAll().where('tenant_id', '=', tenantId).where('id', '=', caseId).executeTakeFirst();
  if (row === undefined) throw new SentraError('SENTRA_ERR_NOT_FOUND', `No case ${caseId}`);
  const transaction = await db.selectFrom('transactions').selectAll().where('tenant_id', '=', tenantId).where('tx_id', '=', row.tx_id).executeTakeFirst();
  const entityIds = transaction === undefined ? [] : [transaction.sender_entity_id, transaction.receiver_entity_id];
  const [entities, scores, events, labels, kycRefs] = await Promise.all([
    entityIds.length === 0 ? [] : db.selectFrom('entities').selectAll().where('tenant_id', '=', tenantId).where('entity_id', 'in', entityIds).execute(),
    db
      .selectFrom('risk_scores')
      // Not the stored features: the case page does not show them, and they are most of a row.
      .select(['id', 'scored_at', 'risk_score', 'probability', 'decision', 'reasons', 'evidence', 'model_version', 'thresholds', 'source', 'created_by', 'llm_status'])
      .where('tenant_id', '=', tenantId).where('tx_id', '=', row.tx_id).orderBy('scored_at').orderBy('id').execute(),
    db.selectFrom('case_events').selectAll().where('tenant_id', '=', tenantId).where('case_id', '=', caseId).orderBy('at').orderBy('id').execute(),
    db.selectFrom('labels').selectAll().where('tenant_id', '=', tenantId).where('tx_id', '=', row.tx_id).orderBy('created_at').execute(),
    entityIds.length === 0
      ? []
      : db
          .selectFrom('kyc_refs as k')
          .leftJoin('jobs as j', (join) => join.onRef('j.tenant_id', '=', 'k.tenant_id').onRef('j.dedupe_key', '=', 'k.ref_key').on('j.kind', '=', 'kyc_enrichment'))
          .select(['k.entity_id', 'k.ref_key', 'k.doc_hash', 'k.doc_s3_url', 'k.created_at', 'j.status as enrichment_status'])
          .where('k.tenant_id', '=', tenantId)
          .where('k.entity_id', 'in', entityIds)
          .execute(),
  ]);
  const refKeys = kycRefs.map((ref) => ref.ref_key);
  const enrichments =
    refKeys.length === 0
      ? []
      : await db
          .selectFrom('enrichment_results')
          .select(['ref_key', 'entity_id', 'provider', 'signals', 'created_at'])
          .where('tenant_id', '=', tenantId)
          .where('ref_key', 'in', refKeys)
          .execute();
  const related =
    transaction === undefined
      ? { sender: [], device: [], receiver: [] }
      : {
          sender: await relatedTransactions(db, tenantId, transaction, 'sender'),
          device: await relatedTransactions(db, tenantId, transaction, 'device'),
          receiver: await relatedTransactions(db, tenantId, transaction, 'receiver'),
        };
  const lookup = new KycLookup(db);
  const enrichmentOf = async (id: string | undefined) => (id === undefined ? null : ((await entityEnrichment(db, lookup, tenantId, id)) ?? null));
  const enrichment = { sender: await enrichmentOf(transaction?.sender_entity_id), receiver: await enrichmentOf(transaction?.receiver_entity_id) };
  const entity = (id: string | undefined) => {
    const found = entities.find((item) => item.entity_id === id);
    return found === undefined ? null : { ...found, created_at: iso(found.created_at), first_seen_at: iso(found.first_seen_at), last_seen_at: iso(found.last_seen_at) };
  };
  const effective = effectiveLabel(labels);
  return {
    case: caseView(row),
    transaction:
      transaction === undefined
        ? null
        : { ...transaction, tenant_id: undefined, created_at: transaction.created_at.toISOString(), updated_at: transaction.updated_at.toISOString(), amount: String(transaction.amount), fee_total: String(transaction.fee_total) },
    entities: { sender: entity(transaction?.sender_entity_id), receiver: entity(transaction?.receiver_entity_id) },
    decisions: scores.map((score) => ({
      request_id: score.id,
      scored_at: score.scored_at.toISOString(),
      risk_score: score.risk_score,
      probability: score.probability,
      decision: score.decision,
      reasons: score.reasons,
      evidence: score.evidence,
      model_version: score.model_version,
      thresholds: storedThresholdsView(score.thresholds),
      source: score.source,
      requested_by: score.created_by,
      llm_status: score.llm_status,
    })),
    related,
    kyc_refs: kycRefs.map((ref) => ({ ...ref, created_at: ref.created_at.toISOString(), enrichment_status: ref.enrichment_status ?? 'none' })),
    enrichment,
    notes: events.filter((event) => event.kind === 'note').map((event) => ({ at: event.at.toISOString(), actor: event.actor, text: String((event.payload as { text?: unknown }).text ?? '') })),
    labels: labels.map((label) => ({ source: label.source, label: label.label, reason: label.reason, labeled_at: label.labeled_at.toISOString(), created_by: label.created_by, created_at: label.created_at.toISOString() })),
    effective_label: effective === undefined ? null : { source: effective.source, label: effective.label },
    timeline: caseTimeline(row.created_at, scores, events, labels, enrichments),
  };
}
