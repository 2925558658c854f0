import type { Evidence } from '../contract/risk-score.js';
import type { OnlineSignals, TransactionRecord } from '../contract/transaction-record.js';
import type { RuleSet } from '../rules/rule-set.js';
import type { ListMembership } from '../rules/rule-variables.js';
import type { KycByEntity } from '../features/catalogue/party-kyc.js';
import type { FeatureVector } from '../features/feature-lists.js';

/** The features of one transaction at its moment, as the feature engine computed them. */
export interface FeatureSnapshot {
  /** Catalogue feature values in catalogue order (NaN = missing). */
  readonly values: Float64Array;
  /** Caller-supplied overrides by name (feature_overrides / f_ columns). */
  readonly overrides: Readonly<Record<string, number>> | undefined;
  /** The IP hash the transaction was profiled under (keyed hash of a raw IP when only that was sent). */
  readonly ipHash: string | undefined;
  /** Signals derived from a raw IP (country, ASN, hosting, location), stored instead of the IP. */
  readonly network: object | undefined;
}

/** The online feature engine as the scoring flow uses it. */
export interface FeatureSource {
  /** Point-in-time features of the transaction (the KYC/KYB ones from `kyc`), then folds it into the profiles. */
  observe(tenantId: string, record: TransactionRecord, online?: OnlineSignals, kyc?: KycByEntity): Promise<FeatureSnapshot>;
}

/** One feature's part in a score, ready for a reason and a piece of evidence. */
export interface Contribution {
  feature: string;
  value: number;
  /** Contribution to the log-odds margin (TreeSHAP). */
  contribution: number;
  reasonCode: string;
  sentence: string;
}

/** What the active model says about one transaction. */
export interface ModelVerdict {
  probability: number;
  /** The model's input row (null = missing) in the order of its feature names, stored with the score. */
  features: FeatureVector;
  /** Features that pushed the score up, strongest first (at most the number asked for). */
  drivers: Contribution[];
}

/** A model ready to score for a tenant. */
export interface ScoringModel {
  readonly version: string;
  /** Scores and explains one transaction's features, with its `maxDrivers` strongest drivers (default all). */
  evaluate(snapshot: FeatureSnapshot, maxDrivers?: number): ModelVerdict;
}

/** Which model scores for a tenant right now. */
export interface ModelSource {
  /** The tenant's active model; throws SENTRA_ERR_MODEL_UNAVAILABLE when there is none. */
  active(tenantId: string): Promise<ScoringModel>;
}

/** What ready KYC/KYB enrichments tell a score (src/enrichment/kyc-lookup.ts). */
export interface KycFindings {
  /** The request's documents that have a ready result: answered `ready`, no job queued. */
  readonly readyRefKeys: ReadonlySet<string>;
  /** KYC_* reason codes of the entities' raised signals. */
  readonly reasons: readonly string[];
  /** Verified quotes behind those reasons. */
  readonly evidence: readonly Evidence[];
  /** `signals.kyc.*` for rules; undefined when the entities have no result yet. */
  readonly signals: Readonly<Record<string, unknown>> | undefined;
  /** What the ready results say per party (entity id), for the KYC/KYB features; undefined when none is ready. */
  readonly parties: KycByEntity | undefined;
}

/** A KYC reference of the request: its cache key and the party it belongs to. */
export interface KycRefOwner {
  readonly refKey: string;
  readonly entityId: string;
}

/** The enrichment cache and the entities' signals, read once per score. */
export interface KycSource {
  lookup(tenantId: string, refs: readonly KycRefOwner[], entityIds: readonly string[]): Promise<KycFindings>;
}

/** A tenant's rules and lists as the scoring path evaluates them (src/rule-store/rule-runtime.ts). */
export interface TenantRuleSet {
  readonly ruleSet: RuleSet;
  readonly lists: ListMembership;
}

/** Where the scoring flow finds a tenant's rules; cached in memory, hot-swapped on change. */
export interface RuleSource {
  forTenant(tenantId: string): TenantRuleSet | Promise<TenantRuleSet>;
}
