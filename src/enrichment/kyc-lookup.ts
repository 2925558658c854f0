import type { Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { signalKeys, type KycSignals, type SignalKey } from './analysis/analysis.js';
import { findResults } from './enrichment.repository.js';
import type { EvidenceItem } from './evidence.js';
import type { KycPartyIndex } from './kyc-party-index.js';
import { kycReasonCode } from './kyc-signals.js';
import { PartyFindings } from './party-findings.js';
import type { KycByEntity } from '../features/catalogue/party-kyc.js';

/** What a score learns from ready enrichments. */
export interface KycView {
  /** Documents of the request with a ready result screened against the current lists: no job is queued for them. */
  readonly readyRefKeys: ReadonlySet<string>;
  /** KYC_* reason codes of the raised signals, in signal order, then KYC_SCREENING_PENDING while a result awaits its re-screen. */
  readonly reasons: string[];
  /** Verified quotes behind those reasons (at most a few per signal). */
  readonly evidence: EvidenceItem[];
  /** `signals.kyc.*` for rules: each signal OR-ed over the results, the best screening score; undefined when no result exists. */
  readonly signals: KycSignals | undefined;
  /** Per party (entity id) with a ready result, what its documents say: the input of the KYC/KYB features. */
  readonly parties: KycByEntity | undefined;
}

/** A document of the request: its cache key and whose it is. */
export interface RequestRef {
  readonly refKey: string;
  readonly entityId: string;
}

/** Evidence items per raised signal carried into a score's answer. */
const evidencePerSignal = 2;

/** The reason a score carries while one of its results was screened against older lists than the current ones. */
export const screeningPendingReason = 'KYC_SCREENING_PENDING';

const nothingReady: KycView = { readyRefKeys: new Set(), reasons: [], evidence: [], signals: undefined, parties: undefined };

/**
 * The enrichment cache and the entities' signals and features as the scoring flow reads them: one
 * query per score, or none when a {@link KycPartyIndex} (embedded mode) says that no party of the
 * score has documents and the request carries none.
 */
export class KycLookup {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly index?: KycPartyIndex,
  ) {}

  /** Documents written outside the scoring flow (an import): the tenant's index is read again. */
  documentsChanged(tenantId: string): void {
    this.index?.forgetTenant(tenantId);
  }

  async lookup(tenantId: string, refs: readonly RequestRef[], entityIds: readonly string[]): Promise<KycView> {
    let withDocuments = entityIds;
    if (this.index !== undefined) {
      withDocuments = await this.index.withDocuments(tenantId, entityIds);
      // The request's documents are stored with its decision: their parties have documents from now on.
      if (refs.length > 0) await this.index.note(tenantId, refs.map((ref) => ref.entityId));
      if (refs.length === 0 && withDocuments.length === 0) return nothingReady;
    }
    const rows = await findResults(this.db, tenantId, refs.map((ref) => ref.refKey), withDocuments);
    // A result screened against older lists is not presented as current: its document stays
    // pending, and the score says a re-screen is due. Its stored findings still count meanwhile, so a
    // match is never dropped before a re-screen against the new lists clears it.
    const readyRefKeys = new Set(rows.filter((row) => !row.stale).map((row) => row.ref_key));
    const screeningPending = rows.some((row) => row.stale);
    if (rows.length === 0) return { ...nothingReady, readyRefKeys };
    const raised = new Set<SignalKey>();
    let sanctionsScore = 0;
    const evidenceByKey = new Map<string, EvidenceItem[]>();
    const parties = new PartyFindings();
    for (const row of rows) {
      const signals = row.signals as Partial<KycSignals>;
      // A document of the request counts for the party the request names it under.
      if (row.party !== null) parties.add(row.party, signals);
      else for (const ref of refs) if (ref.refKey === row.ref_key) parties.add(ref.entityId, signals);
      for (const key of signals.flags ?? []) raised.add(key);
      sanctionsScore = Math.max(sanctionsScore, signals.sanctions_score ?? 0);
      for (const item of row.evidence as EvidenceItem[]) {
        const list = evidenceByKey.get(item.key) ?? [];
        if (list.length < evidencePerSignal && !list.some((existing) => existing.quote === item.quote)) list.push(item);
        evidenceByKey.set(item.key, list);
      }
    }
    const flags = signalKeys.filter((key) => raised.has(key));
    const signals = Object.fromEntries(signalKeys.map((key) => [key, raised.has(key)])) as Record<SignalKey, boolean>;
    return {
      readyRefKeys,
      reasons: [...flags.map(kycReasonCode), ...(screeningPending ? [screeningPendingReason] : [])],
      evidence: flags.flatMap((key) => evidenceByKey.get(key) ?? []),
      signals: { ...signals, sanctions_score: sanctionsScore, flags },
      parties: parties.summaries(),
    };
  }
}
