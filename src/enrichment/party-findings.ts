import type { KycByEntity, PartyKyc } from '../features/catalogue/party-kyc.js';
import type { KycSignals, SignalKey } from './analysis/analysis.js';

/** Signals of the document checks: a party's `kyc_document_failures` counts the distinct ones raised. */
const documentChecks: readonly SignalKey[] = ['document_expired', 'document_dates_invalid', 'name_mismatch', 'country_mismatch'];
/** Signals of the KYB checks: `kyc_kyb_red_flags` counts the distinct ones raised. */
const kybChecks: readonly SignalKey[] = ['recently_incorporated', 'shell_keywords', 'registered_agent_address', 'director_overlap'];

/** The signals of every ready result of one party, OR-ed, with the best screening score. */
interface PartyAccumulator {
  readonly raised: Set<SignalKey>;
  screeningScore: number;
}

/** Folds ready results into what each party's documents say (the input of the KYC/KYB features). */
export class PartyFindings {
  private readonly byEntity = new Map<string, PartyAccumulator>();

  add(entityId: string, signals: Partial<KycSignals>): void {
    let party = this.byEntity.get(entityId);
    if (party === undefined) {
      party = { raised: new Set(), screeningScore: 0 };
      this.byEntity.set(entityId, party);
    }
    for (const key of signals.flags ?? []) party.raised.add(key);
    party.screeningScore = Math.max(party.screeningScore, signals.sanctions_score ?? 0);
  }

  /** One summary per party with at least one ready result; undefined when there is none. */
  summaries(): KycByEntity | undefined {
    if (this.byEntity.size === 0) return undefined;
    const summaries = new Map<string, PartyKyc>();
    for (const [entityId, { raised, screeningScore }] of this.byEntity) {
      summaries.set(entityId, {
        screeningScore,
        sanctionsMatch: raised.has('sanctions_match'),
        pepMatch: raised.has('pep_match'),
        documentFailures: documentChecks.filter((key) => raised.has(key)).length,
        kybRedFlags: kybChecks.filter((key) => raised.has(key)).length,
        highRiskJurisdiction: raised.has('high_risk_jurisdiction'),
      });
    }
    return summaries;
  }
}
