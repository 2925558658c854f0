import type { Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { signalKeys, type KycSignals, type SignalKey } from './analysis/analysis.js';
import { findResults } from './enrichment.repository.js';
import type { EvidenceItem } from './evidence.js';
import { kycReasonCode } from './kyc-signals.js';

/** What a score learns from ready enrichments. */
export interface KycView {
  /** Documents of the request with a ready result: no job is queued for them. */
  readonly readyRefKeys: ReadonlySet<string>;
  /** KYC_* reason codes of the raised signals, in signal order. */
  readonly reasons: string[];
  /** Verified quotes behind those reasons (at most a few per signal). */
  readonly evidence: EvidenceItem[];
  /** `signals.kyc.*` for rules: each signal OR-ed over the results, the best screening score; undefined when no result exists. */
  readonly signals: KycSignals | undefined;
}

/** Evidence items per raised signal carried into a score's answer. */
const evidencePerSignal = 2;

/** The enrichment cache and the entities' signals as the scoring flow reads them (one query per score). */
export class KycLookup {
  constructor(private readonly db: Kysely<Database>) {}

  async lookup(tenantId: string, refKeys: readonly string[], entityIds: readonly string[]): Promise<KycView> {
    const rows = await findResults(this.db, tenantId, refKeys, entityIds);
    const readyRefKeys = new Set(rows.map((row) => row.ref_key));
    if (rows.length === 0) return { readyRefKeys, reasons: [], evidence: [], signals: undefined };
    const raised = new Set<SignalKey>();
    let sanctionsScore = 0;
    const evidenceByKey = new Map<string, EvidenceItem[]>();
    for (const row of rows) {
      const signals = row.signals as Partial<KycSignals>;
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
      reasons: flags.map(kycReasonCode),
      evidence: flags.flatMap((key) => evidenceByKey.get(key) ?? []),
      signals: { ...signals, sanctions_score: sanctionsScore, flags },
    };
  }
}
