import { newId } from '../platform/ids.js';
import { monthStart } from '../platform/month-partitions.js';
import type { AuditEntryInput } from '../audit/audit-chain.js';
import type { DecisionWrite, KycReference } from './decision-record.js';
import { rowOfRecord } from './transaction-history.repository.js';
import { caseOpening, type CaseRefresh, type CaseRow } from '../cases/case-opening.js';
import type { CasePolicy } from '../cases/case-policy.js';
import { decisionCreatedRow } from './decision-created-row.js';
import { featureListRow, namedFeatures, packFeatureValues, type FeatureLists } from '../features/feature-lists.js';

const key = (...parts: string[]) => parts.join('\u0000');

/**
 * The rows one group commit writes, per table, already deduplicated (a statement may not touch the
 * same row twice) and ready to be sent as one JSON document (see decision.repository.ts).
 */
export interface DecisionBatch {
  entities: object[];
  transactions: object[];
  kycRefs: object[];
  /** Cases to open or to point at their transaction's latest score (src/cases/case-opening.ts). */
  openCases: CaseRow[];
  /** Cases that exist already and get the latest (PASS) score of their transaction. */
  refreshCases: CaseRefresh[];
  scores: object[];
  /** The names of the scores' feature arrays, for lists not yet known to be stored (migration 0080). */
  featureLists: ReturnType<typeof featureListRow>[];
  jobs: object[];
  /** Audit entries in decision order, to be chained after the locked heads. */
  audit: AuditEntryInput[];
  /** `decision.created` events of live merchants' feed payments (migration 0064 writes their deliveries). */
  webhooks: object[];
  /** The event API's event rows of these decisions (migration 0075). */
  merchantEvents: object[];
  /** Fees of merchant calls, in decision order, taken before anything is written (migration 0077). */
  fees: object[];
}

/**
 * The stored row of a KYC reference first seen at `at`. The text of a document already analysed
 * is not stored again: nothing reads it any more, and storing it would outlive the retention policy.
 */
export function kycRefRow(tenantId: string, ref: KycReference, at: Date) {
  return {
    tenant_id: tenantId,
    entity_id: ref.entityId,
    ref_key: ref.refKey,
    doc_hash: ref.docHash ?? null,
    doc_s3_url: ref.docS3Url ?? null,
    text_blob: ref.enrichmentReady === true ? null : (ref.textBlob ?? null),
    created_at: at,
    updated_at: at,
  };
}

function entityRows(items: readonly DecisionWrite[]): object[] {
  const entities = new Map<string, { tenant_id: string; entity_id: string; country: string; first_seen_at: Date; last_seen_at: Date }>();
  for (const item of items) {
    const seenAt = new Date(item.record.createdAt);
    const sides = [
      [item.record.senderEntityId, item.record.senderCountry],
      [item.record.receiverEntityId, item.record.receiverCountry],
    ] as const;
    for (const [entityId, country] of sides) {
      const existing = entities.get(key(item.tenantId, entityId));
      if (existing === undefined) {
        entities.set(key(item.tenantId, entityId), { tenant_id: item.tenantId, entity_id: entityId, country, first_seen_at: seenAt, last_seen_at: seenAt });
      } else {
        if (seenAt < existing.first_seen_at) existing.first_seen_at = seenAt;
        if (seenAt > existing.last_seen_at) existing.last_seen_at = seenAt;
      }
    }
  }
  return [...entities.values()];
}

function transactionRows(items: readonly DecisionWrite[]): object[] {
  const latest = new Map<string, DecisionWrite>();
  for (const item of items) latest.set(key(item.tenantId, item.record.txId), item);
  return [...latest.values()].map(({ tenantId, record, network, scoredAt, source }) => ({
    ...rowOfRecord(record, { tenantId, network, source, ingestRunId: null, updatedAt: scoredAt }),
    // Nested values, not JSON text: the batch document is parsed by the database once.
    overrides: record.overrides ?? null,
    network: network ?? null,
  }));
}

function jobRows(items: readonly DecisionWrite[]): object[] {
  const jobs = new Map<string, object>();
  for (const item of items) {
    for (const ref of item.kycRefs) {
      if (ref.enrichmentReady === true) continue;
      jobs.set(key(item.tenantId, ref.refKey), {
        id: newId('job'),
        tenant_id: item.tenantId,
        kind: 'kyc_enrichment',
        dedupe_key: ref.refKey,
        payload: { entity_id: ref.entityId, ref_key: ref.refKey, tx_id: item.record.txId, request_id: item.requestId },
        status: 'queued',
        attempts: 0,
        run_after: item.scoredAt,
        last_error: null,
        created_at: item.scoredAt,
        updated_at: item.scoredAt,
      });
    }
  }
  return [...jobs.values()];
}

/** The partition key of a decision (migration 0070): the first instant (UTC) of its payment's month. */
export function paymentMonth(createdAt: number): Date {
  return monthStart(new Date(createdAt));
}

/**
 * Builds the rows of a group commit from its decisions (cases by the tenant's case policy). With
 * `featureLists`, each score's features are stored packed into one string with the id of its list
 * (migration 0084), and the lists not yet known to be stored go with the batch; without, as an
 * object by name.
 */
export function buildDecisionBatch(items: readonly DecisionWrite[], casePolicy?: CasePolicy, featureLists?: FeatureLists): DecisionBatch {
  const kycRefs = new Map<string, object>();
  for (const item of items) {
    for (const ref of item.kycRefs) kycRefs.set(key(item.tenantId, ref.entityId, ref.refKey), kycRefRow(item.tenantId, ref, item.scoredAt));
  }
  const lists = new Map<string, ReturnType<typeof featureListRow>>();
  const storedFeatures = (features: DecisionWrite['features']) => {
    if (featureLists === undefined) return { features: namedFeatures(features.names, features.values), feature_list: null };
    const { list, values } = featureLists.encode(features);
    if (!featureLists.isStored(list.id) && !lists.has(list.id)) lists.set(list.id, featureListRow(list));
    return { features: packFeatureValues(values), feature_list: list.id };
  };
  return {
    entities: entityRows(items),
    transactions: transactionRows(items),
    kycRefs: [...kycRefs.values()],
    ...caseOpening(items, casePolicy),
    scores: items.map((item) => ({
      id: item.requestId,
      tenant_id: item.tenantId,
      tx_id: item.record.txId,
      scored_at: item.scoredAt,
      risk_score: item.riskScore,
      probability: item.probability,
      decision: item.decision,
      reasons: item.reasons,
      evidence: item.evidence,
      ...storedFeatures(item.features),
      model_version: item.modelVersion,
      thresholds: item.thresholds,
      request_digest: item.requestDigest,
      latency_ms: item.computeMs,
      llm_status: item.llmStatus,
      source: item.source,
      created_by: item.actor,
      first_of_request: true,
      rule_hits: item.ruleHits ?? null,
      shadow: item.shadow === true,
      tx_month: paymentMonth(item.record.createdAt),
    })),
    featureLists: [...lists.values()],
    jobs: jobRows(items),
    webhooks: items.flatMap((item) => (item.webhook === undefined || item.shadow === true ? [] : [decisionCreatedRow(item, item.webhook)])),
    merchantEvents: items.flatMap((item) => (item.merchantEvent === undefined ? [] : [item.merchantEvent])),
    fees: items.flatMap(({ fee, tenantId, requestId, actor, record }) =>
      fee === undefined
        ? []
        : [{ request_id: requestId, usage_id: fee.usageId, tenant_id: tenantId, merchant_id: fee.merchantId, service: fee.service, reference: record.txId, actor, at: fee.at }],
    ),
    audit: items.map((item) => ({
      tenantId: item.tenantId,
      at: item.scoredAt,
      actor: item.actor,
      action: 'decision.created',
      subject: item.requestId,
      payload: {
        tx_id: item.record.txId,
        decision: item.decision,
        risk_score: item.riskScore,
        model_version: item.modelVersion,
        request_digest: item.requestDigest,
      },
    })),
  };
}
