import type { Decision } from '../contract/enums.js';
import type { Evidence } from '../contract/risk-score.js';
import type { TransactionRecord } from '../contract/transaction-record.js';
import type { Thresholds } from './thresholds.js';
import type { StoredRuleHits } from './decision-pipeline.js';
import type { FeatureVector } from '../features/feature-lists.js';

/** A KYC/KYB document reference as received, with the key it is stored and cached under. */
export interface KycReference {
  entityId: string;
  /** doc_hash when given, otherwise a SHA-256 of the URL or text: the enrichment cache key. */
  refKey: string;
  docHash: string | undefined;
  docS3Url: string | undefined;
  /** Masked (document numbers, emails, phones, cards) before it is stored or analysed. */
  textBlob: string | undefined;
  /** A ready enrichment exists for this document: no job is queued. */
  enrichmentReady?: boolean;
}

/** A live merchant's feed payment: its `decision.created` event is written with the decision (the outbox). */
export interface DecisionWebhook {
  merchantId: string;
  psp: string;
}

/**
 * A merchant call's fee, taken in its decision's statement (migration 0077): the decision is stored
 * only with its fee, and the fee is taken only with its decision. The tenant, the actor (the merchant
 * key) and the reference (the transaction id) are the decision's own.
 */
export interface DecisionFee {
  /** Id of the usage line the fee records. */
  usageId: string;
  merchantId: string;
  /** The billable service, the key of the merchant's price (`SENTRY`, `EVENTS`, `PIPELINE`). */
  service: string;
  at: Date;
}

/** A fee taken with its decision: what was taken and the merchant's balance after it (1/10,000 units). */
export interface FeeCharged {
  usageId: string;
  currency: string;
  feeUnits: number;
  balanceAfterUnits: number;
}

/** Everything one scoring decision writes, handed to the decision writer. */
export interface DecisionWrite {
  tenantId: string;
  requestId: string;
  /** Token id (or `system`) that asked for the score. */
  actor: string;
  scoredAt: Date;
  record: TransactionRecord;
  /** Network signals derived from a raw IP at scoring time; the raw IP itself is never stored. */
  network: object | undefined;
  kycRefs: readonly KycReference[];
  riskScore: number;
  probability: number;
  decision: Decision;
  reasons: readonly string[];
  evidence: readonly Evidence[];
  /** The model's input vector (null = missing) with the KYC features that had values. */
  features: FeatureVector;
  modelVersion: string;
  thresholds: Thresholds;
  requestDigest: string;
  /** Milliseconds from arrival to the decision, before persistence. */
  computeMs: number;
  llmStatus: 'pending' | 'ready';
  /** Which surface asked: api, manual, event, confidence, shadow. */
  source: string;
  /** The rules' part in the decision; undefined when the tenant has no enabled rules. */
  ruleHits?: StoredRuleHits;
  /** A shadow merchant's decision (kept for its evaluation; its case stays out of the live queue). */
  shadow?: boolean;
  /** Set for a live merchant's feed payment: its `decision.created` deliveries commit with it. */
  webhook?: DecisionWebhook;
  /** The event API's stored event (a `merchant_events` row), committed with the decision (migration 0075). */
  merchantEvent?: object;
  /** Set for a billable merchant call: its fee is taken in the same statement, or nothing is written. */
  fee?: DecisionFee;
}

/** The answer a stored decision gives again when the same request is retried. */
export interface StoredAnswer {
  requestId: string;
  riskScore: number;
  probability: number;
  decision: Decision;
  reasons: readonly string[];
  evidence: readonly Evidence[];
  modelVersion: string;
  llmStatus: 'pending' | 'ready';
}

/**
 * What the decision writer did with one decision: wrote it (with its fee taken, when it had one);
 * found that the same request (tenant, tx_id and request digest) was already decided, in which case
 * nothing was written or charged and the stored decision answers; or could not take its fee (the
 * merchant's balance and overdraft do not cover it), in which case nothing was written or charged.
 */
export type DecisionWriteResult =
  | { readonly kind: 'written'; readonly charged?: FeeCharged }
  | { readonly kind: 'replayed'; readonly stored: StoredAnswer }
  | { readonly kind: 'payment_required' };
