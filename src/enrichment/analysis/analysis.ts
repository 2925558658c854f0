/** The entity a document belongs to, as the store knows it. */
export interface EntityProfile {
  readonly entityId: string;
  /** From an imported entities file; scoring requests carry no names. */
  readonly name: string | undefined;
  /** The entity's country (sender/receiver country of its transactions). */
  readonly country: string | undefined;
}

/** What a provider is asked to analyse. Text is always masked before it gets here. */
export interface AnalysisInput {
  readonly tenantId: string;
  readonly entity: EntityProfile;
  /** The masked document text, or undefined when only a doc_hash was sent. */
  readonly documentText: string | undefined;
  /** The analysis date: expiry and incorporation age are judged against it. */
  readonly asOf: Date;
  /** The list generation the store had when the job started: names are screened against it or a later one. */
  readonly listGeneration: number;
}

/** A sanctions or PEP list entry matched by a screened name. */
export interface ScreeningHit {
  readonly list: 'sanctions' | 'pep';
  readonly entry_id: string;
  readonly entry_name: string;
  /** The list spelling (name or alias) that matched. */
  readonly matched_name: string;
  readonly dataset: string;
  readonly sanctions: string;
  /** The name as it appears in the document or entity record. */
  readonly screened_name: string;
  readonly score: number;
}

/** The yes/no signals of an enrichment: each true one is backed by at least one verified evidence item of the same key. */
export const signalKeys = [
  'sanctions_match',
  'pep_match',
  'document_expired',
  'document_dates_invalid',
  'name_mismatch',
  'country_mismatch',
  'high_risk_jurisdiction',
  'recently_incorporated',
  'shell_keywords',
  'registered_agent_address',
  'director_overlap',
] as const;

/** One signal. */
export type SignalKey = (typeof signalKeys)[number];

/** What a document tells about its entity, as rules (`signals.kyc.*`) and the next score see it. */
export type KycSignals = Record<SignalKey, boolean> & {
  /** Best sanctions/PEP match score, 0 when none. */
  sanctions_score: number;
  /** The true signals' keys, for reasons and display. */
  flags: SignalKey[];
};

/** Facts kept with a result for cross-checks against the tenant's other documents. */
export interface StoredFacts {
  readonly names: string[];
  readonly birth_date: string | undefined;
  readonly company_name: string | undefined;
  readonly directors: string[];
  /** Folded director names, for the overlap query. */
  readonly director_keys: string[];
}

/** A provider's answer before verification: evidence may still hold invented quotes. */
export interface ProviderAnalysis {
  readonly signals: Partial<Record<SignalKey, boolean>>;
  readonly matches: ScreeningHit[];
  readonly evidence: readonly unknown[];
  readonly facts: StoredFacts;
}

/** A KYC/KYB analyser: the offline built-in one or a language model. */
export interface EnrichmentProvider {
  /** builtin, openai… */
  readonly name: string;
  /** `llm_version` of the answers: `builtin:<rules version>` or `openai:<model>`. */
  readonly version: string;
  analyze(input: AnalysisInput, signal: AbortSignal): Promise<ProviderAnalysis>;
}
