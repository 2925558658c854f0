import type { Decision } from '../contract/enums.js';
import type { Evidence, RiskScoreRequest, RiskScoreResponse } from '../contract/risk-score.js';
import type { OnlineSignals, TransactionRecord } from '../contract/transaction-record.js';
import type { Clock } from '../platform/clock.js';
import type { GroupCommitter } from '../platform/group-commit.js';
import { newId } from '../platform/ids.js';
import { OverloadedError, SentraError, ValidationError } from '../errors/errors.js';
import type { Metrics } from '../observability/metrics.js';
import type { DecisionWebhook, DecisionWrite, DecisionWriteResult, FeeCharged, KycReference } from './decision-record.js';
import type { Contribution, FeatureSnapshot, FeatureSource, KycFindings, KycSource, ModelSource } from './scoring-ports.js';
import { toRiskScore } from './risk-scale.js';
import { checkScoreRequest, requestDigest, toKycReferences, toTransactionRecord } from './score-request.js';
import type { ThresholdService } from './threshold.service.js';
import { decide, type Thresholds } from './thresholds.js';
import type { RuleSource, TenantRuleSet } from './scoring-ports.js';
import { applyRuleHits, type StoredRuleHits } from './decision-pipeline.js';
import { ruleVariables } from '../rules/rule-variables.js';
import { withKycFeatures } from '../features/kyc-feature-values.js';
import { featuresByName, type FeatureVector } from '../features/feature-lists.js';
import type { RuleHit } from '../rules/rule-set.js';

/** How many model drivers become reasons. */
const maxModelReasons = 5;
/** Drivers weaker than this (log-odds) are noise, not reasons. */
const minimumContribution = 0.01;

/** Everything the flow needs besides the request. */
export interface ScoringDependencies {
  clock: Clock;
  features: FeatureSource;
  models: ModelSource;
  thresholds: ThresholdService;
  writer: GroupCommitter<DecisionWrite, DecisionWriteResult>;
  metrics: Metrics;
  /** Longest wait in the write queue before answering 503 (the decision is then never written). */
  persistTimeoutMs: number;
  /** How far past the clock a payment's `created_at` may lie. */
  clockSkewMs: number;
  /** Version string of the enrichment provider, `none` when none is configured. */
  llmVersion: string;
  /** Ready KYC enrichments (cache and entity signals); absent: every reference stays pending. */
  kyc?: KycSource;
  /** The tenants' rules and lists; absent: decisions are the model's and the thresholds' alone. */
  rules?: RuleSource;
}

/** A scoring call: who asks, through which surface, and when the request arrived (performance.now()). */
export interface ScoreCall {
  tenantId: string;
  actor: string;
  source: string;
  /** Custom inputs of the request (`custom.*` in rules). */
  custom?: Readonly<Record<string, unknown>>;
  /**
   * Outputs of earlier pipeline stages (`sentry.*` in rules); a function receives the model's score
   * (0–1000) before rules, for stages derived from it (src/scoring/pipeline-stages.ts).
   */
  sentry?: Readonly<Record<string, unknown>> | ((modelScore: number) => Readonly<Record<string, unknown>>);
  /** Evaluate the tenant's rules (default true; a pipeline without its Rules stage sets false). */
  evaluateRules?: boolean;
  startedAt: number;
  online?: OnlineSignals;
  /** Where the payment's creation time is in the caller's request, for a 400 (default `/transaction/created_at`). */
  createdAtPath?: string;
  /** Thresholds of this call (a merchant's own); absent: the tenant's. */
  thresholds?: Thresholds;
  /** A shadow merchant's payment: stored for its evaluation, its case kept out of the live queue. */
  shadow?: boolean;
  /** A live merchant's feed payment: its `decision.created` deliveries are written with the decision. */
  webhook?: DecisionWebhook;
  /**
   * The event API's event row (a `merchant_events` row), made from the decision once it is known
   * and committed with it: it is stored exactly when the decision is.
   */
  merchantEvent?: (decided: DecidedCall) => object;
  /**
   * A billable merchant call: its fee is taken in the decision's statement (migration 0077), so the
   * decision is stored exactly when the fee is taken; when the balance cannot cover it nothing is
   * stored and the call fails with SENTRA_ERR_PAYMENT_REQUIRED.
   */
  fee?: { merchantId: string; service: string };
}

/** What a merchant event row is made from: the decision as it will be stored. */
export interface DecidedCall {
  requestId: string;
  riskScore: number;
  decision: Decision;
  /** The engine's features (catalogue order). */
  values: Float64Array;
}

/** A decision as the flow made it, before any contract shapes it. */
export interface ScoredDecision {
  response: RiskScoreResponse;
  record: TransactionRecord;
  probability: number;
  /** The rules' part in the decision; undefined when the tenant has no enabled rules. */
  ruleHits: StoredRuleHits | undefined;
  /** The model's own score (0–1000), before rules. */
  modelScore: number;
  drivers: Contribution[];
  /** `signals.kyc.*` of the transaction's entities, for rules; undefined when none is ready. */
  kycSignals: Readonly<Record<string, unknown>> | undefined;
  /** The same request (tx_id and digest) was decided before: `response` is that stored decision, nothing was written. */
  replayed: boolean;
  /** The features the engine computed (catalogue order), for contracts that report signals. */
  snapshot: FeatureSnapshot;
  /** The fee taken with the decision (a call with `fee`, not replayed). */
  charged: FeeCharged | undefined;
}

const noFindings: KycFindings = { readyRefKeys: new Set(), reasons: [], evidence: [], signals: undefined, parties: undefined };

function thresholdEvidence(decision: Decision, riskScore: number, thresholds: Thresholds): Evidence {
  const bar = { PASS: thresholds.reviewAt, REVIEW: thresholds.reviewAt, HOLD: thresholds.holdAt, BLOCK: thresholds.blockAt }[decision];
  const quote =
    decision === 'PASS'
      ? `Risk score ${riskScore} is below the review threshold ${bar}.`
      : `Risk score ${riskScore} is at or above the ${decision.toLowerCase()} threshold ${bar}.`;
  return { source: 'threshold', key: decision === 'PASS' ? 'review_at' : `${decision.toLowerCase()}_at`, quote };
}

/**
 * The scoring flow of SPEC §2: validate → features → model → thresholds → decision → reasons and
 * evidence → persist (group commit, durable before the answer) → answer.
 */
export class ScoringService {
  constructor(private readonly deps: ScoringDependencies) {}

  /** Scores a seed-003 request body that passed schema validation. */
  async scoreRequest(body: RiskScoreRequest, call: ScoreCall): Promise<ScoredDecision> {
    checkScoreRequest(body);
    return this.score(toTransactionRecord(body), toKycReferences(body), requestDigest(body), call);
  }

  /** Scores a normalized transaction (every contract ends here). */
  async score(record: TransactionRecord, kycRefs: KycReference[], digest: string, call: ScoreCall): Promise<ScoredDecision> {
    const { deps } = this;
    this.checkCreatedAt(record, call);
    // Refused before anything is computed: a full backlog means the database is behind.
    if (deps.writer.full) throw new OverloadedError();
    const [model, thresholds, kyc, rules] = await Promise.all([
      deps.models.active(call.tenantId),
      call.thresholds ?? deps.thresholds.get(call.tenantId),
      deps.kyc?.lookup(call.tenantId, kycRefs, [record.senderEntityId, record.receiverEntityId]) ?? noFindings,
      deps.rules?.forTenant(call.tenantId),
    ]);
    const featureStart = performance.now();
    const snapshot = await deps.features.observe(call.tenantId, record, call.online, kyc.parties);
    const modelStart = performance.now();
    const verdict = model.evaluate(snapshot, maxModelReasons);
    const modelEnd = performance.now();
    const modelScore = toRiskScore(verdict.probability);
    const features = withKycFeatures(verdict.features, snapshot.values);
    const hits = rules === undefined || rules.ruleSet.size === 0 || call.evaluateRules === false ? undefined : this.evaluateRules(rules, record, features, modelScore, verdict.probability, decide(modelScore, thresholds), model.version, call, snapshot.network, kyc.signals);
    const ruled = applyRuleHits(modelScore, thresholds, hits, rules?.ruleSet ?? { version: 0, size: 0 });
    const { riskScore, decision } = ruled;
    const rulesEnd = performance.now();
    const drivers = verdict.drivers.filter((driver) => driver.contribution >= minimumContribution).slice(0, maxModelReasons);
    const reasons = [...ruled.reasons, ...drivers.map((driver) => driver.reasonCode), ...kyc.reasons];
    const evidence: Evidence[] = [...ruled.evidence, ...drivers.map((driver): Evidence => ({ source: 'model', key: driver.feature, quote: driver.sentence }))];
    evidence.push(...kyc.evidence);
    evidence.push(thresholdEvidence(ruled.thresholdDecision, riskScore, thresholds));
    const requestId = newId('dec');
    const scoredAt = new Date(deps.clock.now());
    // Only a document without a ready result is pending (and queues a job); cached ones answer at once.
    const llmStatus = kycRefs.every((ref) => kyc.readyRefKeys.has(ref.refKey)) ? 'ready' : 'pending';
    const write: DecisionWrite = {
      tenantId: call.tenantId,
      requestId,
      actor: call.actor,
      scoredAt,
      record: snapshot.ipHash === record.ipHash ? record : { ...record, ipHash: snapshot.ipHash },
      network: snapshot.network,
      kycRefs: kycRefs.map((ref) => (kyc.readyRefKeys.has(ref.refKey) ? { ...ref, enrichmentReady: true } : ref)),
      riskScore,
      probability: verdict.probability,
      decision,
      reasons,
      evidence,
      features,
      modelVersion: model.version,
      thresholds: { reviewAt: thresholds.reviewAt, holdAt: thresholds.holdAt, blockAt: thresholds.blockAt },
      requestDigest: digest,
      computeMs: modelEnd - call.startedAt,
      llmStatus,
      source: call.source,
      ruleHits: ruled.stored,
      shadow: call.shadow === true,
      ...(call.webhook === undefined ? {} : { webhook: call.webhook }),
      ...(call.merchantEvent === undefined ? {} : { merchantEvent: call.merchantEvent({ requestId, riskScore, decision, values: snapshot.values }) }),
      ...(call.fee === undefined ? {} : { fee: { ...call.fee, usageId: newId('use', scoredAt.getTime()), at: scoredAt } }),
    };
    deps.metrics.writeBacklog.set(deps.writer.backlog);
    const written = await deps.writer.write(write, deps.persistTimeoutMs);
    const persistEnd = performance.now();
    deps.metrics.scoringStage.observe({ stage: 'features' }, (modelStart - featureStart) / 1000);
    deps.metrics.scoringStage.observe({ stage: 'model' }, (modelEnd - modelStart) / 1000);
    if (hits !== undefined) deps.metrics.scoringStage.observe({ stage: 'rules' }, (rulesEnd - modelEnd) / 1000);
    deps.metrics.scoringStage.observe({ stage: 'persist' }, (persistEnd - rulesEnd) / 1000);
    if (written.kind === 'payment_required') throw new SentraError('SENTRA_ERR_PAYMENT_REQUIRED');
    const latencyMs = Math.round((performance.now() - call.startedAt) * 1000) / 1000;
    if (written.kind === 'replayed') {
      const { stored } = written;
      return {
        response: {
          risk_score: stored.riskScore,
          decision: stored.decision,
          reasons: [...stored.reasons],
          evidence: [...stored.evidence],
          model_version: stored.modelVersion,
          llm_version: deps.llmVersion,
          request_id: stored.requestId,
          latency_ms: latencyMs,
          llm_status: stored.llmStatus,
        },
        record,
        // The stored decision answers; its rules are in its stored rule_hits.
        ruleHits: undefined,
        modelScore,
        probability: stored.probability,
        drivers,
        kycSignals: kyc.signals,
        replayed: true,
        snapshot,
        charged: undefined,
      };
    }
    deps.metrics.decisions.inc({ decision, source: call.source });
    return {
      response: {
        risk_score: riskScore,
        decision,
        reasons,
        evidence,
        model_version: model.version,
        llm_version: deps.llmVersion,
        request_id: requestId,
        latency_ms: latencyMs,
        llm_status: llmStatus,
      },
      record,
      ruleHits: ruled.stored,
      modelScore,
      probability: verdict.probability,
      drivers,
      kycSignals: kyc.signals,
      replayed: false,
      snapshot,
      charged: written.charged,
    };
  }

  /** Evaluates the tenant's rules on this transaction; errors become error hits, never failures. */
  private evaluateRules(
    rules: TenantRuleSet,
    record: TransactionRecord,
    features: FeatureVector,
    score: number,
    probability: number,
    decision: Decision,
    version: string,
    call: ScoreCall,
    network: object | undefined,
    kycSignals: Readonly<Record<string, unknown>> | undefined,
  ): RuleHit[] {
    const signals: Record<string, unknown> = {};
    if (network !== undefined) signals.network = network;
    if (kycSignals !== undefined) signals.kyc = kycSignals;
    // The raw IP address is never a rule input: rules see its derived network signals.
    if (call.online !== undefined) signals.session = { user_agent: call.online.userAgent, accept_language: call.online.acceptLanguage, session_age_seconds: call.online.sessionAgeSeconds };
    const hits = rules.ruleSet.evaluate(
      ruleVariables({ record, features: featuresByName(features, rules.ruleSet.features === 'all' ? undefined : rules.ruleSet.features), model: { score, probability, decision, version }, lists: rules.lists, signals, custom: call.custom, sentry: typeof call.sentry === 'function' ? call.sentry(score) : call.sentry, now: this.deps.clock.now(), featureNames: rules.ruleSet.features }),
    );
    for (const hit of hits) this.deps.metrics.ruleOutcomes.inc({ mode: hit.mode, outcome: hit.outcome });
    return hits;
  }

  /**
   * A payment from the future would move time-based state (velocity windows, idle expiry) ahead of
   * every other payment; one later than the clock plus the allowed skew is refused.
   */
  private checkCreatedAt(record: TransactionRecord, call: ScoreCall): void {
    const latest = this.deps.clock.now() + this.deps.clockSkewMs;
    if (record.createdAt <= latest) return;
    const path = call.createdAtPath ?? '/transaction/created_at';
    throw new ValidationError([
      { code: 'range', path, message: `created_at must not be later than the server's clock plus ${this.deps.clockSkewMs / 1000} s (${new Date(latest).toISOString()})` },
    ]);
  }
}
