/**
 * The stage runner behind `POST /api/v1/pipeline` (seed 002): the named stages run in the order
 * given, and a later stage sees the earlier stages' outputs.
 *
 * - `PreCheck`: semantic checks of the transaction (a problem stops the pipeline with a
 *   ValidationError, i.e. a 400 listing every problem) and which of the tenant's lists hold its
 *   identifiers (`list_matches`). No database read: lists are in memory.
 * - `Sentry`: the model's confidence that the request is legitimate, `requestConfidence` =
 *   1 − model score / 1000 (the documented mapping, src/scoring/risk-scale.ts), before any rule.
 * - `Rules`: the tenant's rules by the documented precedence; when `Sentry` ran before it, rules
 *   read its output as `sentry.requestConfidence`.
 *
 * `Sentry` and `Rules` share one scoring call (features, model, rules, one persisted decision with
 * its `rule_hits`), so a pipeline costs what a score costs; without `Rules` the decision is the
 * model's and thresholds' alone, without either nothing is scored or stored. A front door maps its
 * request to a {@link PipelineRequest}, calls {@link runPipelineStages}, and shapes
 * {@link PipelineOutcome} into its contract.
 */
import type { Decision } from '../contract/enums.js';
import { pipelineStageNames, type PipelineStageName } from '../contract/pipeline.js';
import type { TransactionRecord } from '../contract/transaction-record.js';
import { ValidationError, type ProblemDetail } from '../errors/errors.js';
import type { RuleHit } from '../rules/rule-set.js';
import type { KycReference } from './decision-record.js';
import type { RuleSource } from './scoring-ports.js';
import type { ScoreCall, ScoredDecision, ScoringService } from './scoring.service.js';
import { requestConfidence } from './risk-scale.js';

/** What a pipeline runs on: a normalized transaction and the scoring call around it. */
export interface PipelineRequest {
  readonly record: TransactionRecord;
  readonly kycRefs: readonly KycReference[];
  /** Digest of the request as received (stored with the decision). */
  readonly digest: string;
  /** Tenant, actor, surface, arrival time, online signals and custom inputs. */
  readonly call: ScoreCall;
  /** Where the amount is in the caller's request, for a PreCheck problem (default `/transaction/amount`). */
  readonly amountPath?: string;
}

/** A list holding one of the transaction's identifiers. */
export interface ListMatch {
  list: string;
  /** The `entities.*` field whose value is in the list. */
  field: string;
  value: string;
}

/** The outcome of one stage, tagged by its name. */
export type StageOutcome =
  | { stage: 'PreCheck'; passed: true; list_matches: ListMatch[] }
  | { stage: 'Sentry'; requestConfidence: number; model_version: string }
  | { stage: 'Rules'; decision: Decision; risk_score: number; hits: RuleHit[]; reasons: string[] };

/** Every stage's outcome in order, the final decision, and the stored decision when one was scored. */
export interface PipelineOutcome {
  stages: StageOutcome[];
  /** The final decision: the rules' when Rules ran, else the model's and thresholds'; undefined when nothing was scored. */
  decision: Decision | undefined;
  scored: ScoredDecision | undefined;
}

/** What the runner needs: the scoring flow and the tenants' in-memory rules and lists. */
export interface PipelineDependencies {
  readonly scoring: ScoringService;
  readonly rules: RuleSource;
}

/** Identifier fields PreCheck looks up in every list, by their rule names. */
const identifierFields = [
  ['sender_entity_id', (record: TransactionRecord) => record.senderEntityId],
  ['receiver_entity_id', (record: TransactionRecord) => record.receiverEntityId],
  ['user_id', (record: TransactionRecord) => record.userId],
  ['merchant_id', (record: TransactionRecord) => record.merchantId],
  ['ip_hash', (record: TransactionRecord) => record.ipHash],
  ['device_id_hash', (record: TransactionRecord) => record.deviceIdHash],
  ['sender_country', (record: TransactionRecord) => record.senderCountry],
  ['receiver_country', (record: TransactionRecord) => record.receiverCountry],
] as const;

/** Checks a stage list: known names, each at most once; lists every problem. */
export function checkStages(stages: readonly string[], path = '/stages'): PipelineStageName[] {
  const problems: ProblemDetail[] = [];
  if (stages.length === 0) problems.push({ code: 'required', path, message: 'name at least one stage' });
  stages.forEach((stage, index) => {
    if (!(pipelineStageNames as readonly string[]).includes(stage)) problems.push({ code: 'enum', path: `${path}/${index}`, message: `a stage is one of ${pipelineStageNames.join(', ')}` });
    else if (stages.indexOf(stage) !== index) problems.push({ code: 'duplicate', path: `${path}/${index}`, message: `${stage} is named twice` });
  });
  if (problems.length > 0) throw new ValidationError(problems);
  return stages as PipelineStageName[];
}

async function preCheck(request: PipelineRequest, rules: RuleSource): Promise<StageOutcome> {
  const problems: ProblemDetail[] = [];
  const { record } = request;
  if (!Number.isFinite(record.amount) || record.amount < 0) problems.push({ code: 'range', path: request.amountPath ?? '/transaction/amount', message: 'amount must be a finite, non-negative number' });
  if (!Number.isFinite(record.createdAt)) problems.push({ code: 'format', path: request.call.createdAtPath ?? '/transaction/created_at', message: 'created_at must be a date' });
  if (problems.length > 0) throw new ValidationError(problems);
  const { lists } = await rules.forTenant(request.call.tenantId);
  const matches: ListMatch[] = [];
  for (const [list, entries] of lists) {
    for (const [field, read] of identifierFields) {
      const value = read(record);
      if (value !== undefined && entries.has(value)) matches.push({ list, field, value });
    }
  }
  return { stage: 'PreCheck', passed: true, list_matches: matches };
}

/** Runs the stages in order (see the module comment); throws ValidationError for a bad stage list or a failed PreCheck. */
export async function runPipelineStages(stages: readonly string[], request: PipelineRequest, deps: PipelineDependencies): Promise<PipelineOutcome> {
  const order = checkStages(stages);
  const outcomes: StageOutcome[] = [];
  let scored: ScoredDecision | undefined;
  const sentryIndex = order.indexOf('Sentry');
  const rulesIndex = order.indexOf('Rules');
  for (const stage of order) {
    if (stage === 'PreCheck') {
      outcomes.push(await preCheck(request, deps.rules));
      continue;
    }
    scored ??= await deps.scoring.score(request.record, [...request.kycRefs], request.digest, {
      ...request.call,
      evaluateRules: rulesIndex >= 0,
      // Rules see Sentry's output only when Sentry runs first.
      ...(sentryIndex >= 0 && sentryIndex < rulesIndex ? { sentry: (modelScore: number) => ({ requestConfidence: requestConfidence(modelScore) }) } : {}),
    });
    if (stage === 'Sentry') {
      outcomes.push({ stage: 'Sentry', requestConfidence: requestConfidence(scored.modelScore), model_version: scored.response.model_version });
    } else {
      const live = (scored.ruleHits?.hits ?? []).filter((hit) => hit.mode === 'live' && hit.outcome === 'hit');
      outcomes.push({ stage: 'Rules', decision: scored.response.decision, risk_score: scored.response.risk_score, hits: live, reasons: scored.response.reasons.filter((reason) => reason.startsWith('RULE_')) });
    }
  }
  return { stages: outcomes, decision: scored?.response.decision, scored };
}
