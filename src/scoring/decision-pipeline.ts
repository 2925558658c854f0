import type { Decision } from '../contract/enums.js';
import type { Evidence } from '../contract/risk-score.js';
import { ruleDecisionActions, severity } from '../rules/rule-action.js';
import type { RuleHit } from '../rules/rule-set.js';
import { decide, type Thresholds } from './thresholds.js';

/** What a decision stores about its rules (`risk_scores.rule_hits`). */
export interface StoredRuleHits {
  /** The tenant's rule-set version: `rule_sets` names the exact rule versions it evaluated. */
  rule_set: number;
  /** Rules evaluated. */
  evaluated: number;
  /** The model's own score and decision, before rules. */
  model_score: number;
  model_decision: Decision;
  /** Points live score rules added (before clamping to 0–1000). */
  points: number;
  /** Live and shadow hits and run-time errors, in evaluation order. */
  hits: RuleHit[];
}

/** The final decision after rules. */
export interface RuledDecision {
  riskScore: number;
  decision: Decision;
  /** What the thresholds alone said of `riskScore` (the threshold evidence quotes it). */
  thresholdDecision: Decision;
  /** `RULE_<id>` of the live hits, in evaluation order. */
  reasons: string[];
  evidence: Evidence[];
  stored: StoredRuleHits | undefined;
}

const clampScore = (score: number) => Math.min(1000, Math.max(0, Math.round(score)));

/**
 * The documented precedence (docs/api.md "Rules"): live score rules add their points to the model's
 * score (clamped to 0–1000) before the thresholds; then BLOCK > HOLD > REVIEW rules, and a rule's
 * decision never loosens the thresholds' (a REVIEW rule on a score past block_at stays BLOCK); an
 * ALLOW rule overrides the model and thresholds (PASS) but not a BLOCK, HOLD or REVIEW rule, which
 * then decides alone. Shadow hits and run-time errors are stored and change nothing.
 */
export function applyRuleHits(modelScore: number, thresholds: Thresholds, hits: readonly RuleHit[] | undefined, ruleSet: { version: number; size: number }): RuledDecision {
  const modelDecision = decide(modelScore, thresholds);
  if (hits === undefined) return { riskScore: modelScore, decision: modelDecision, thresholdDecision: modelDecision, reasons: [], evidence: [], stored: undefined };
  let points = 0;
  let strongest: Decision | undefined;
  let allow = false;
  const reasons: string[] = [];
  const evidence: Evidence[] = [];
  for (const hit of hits) {
    if (hit.mode !== 'live' || hit.outcome !== 'hit') continue;
    const { action } = hit;
    if (typeof action === 'object') points += action.score;
    else if (action === 'ALLOW') allow = true;
    else if ((ruleDecisionActions as readonly string[]).includes(action) && (strongest === undefined || severity(action) > severity(strongest))) strongest = action;
    reasons.push(`RULE_${hit.rule_id}`);
    evidence.push({ source: 'rule', key: hit.rule_id, quote: hit.name });
  }
  const riskScore = clampScore(modelScore + points);
  const thresholdDecision = decide(riskScore, thresholds);
  let decision: Decision;
  if (strongest !== undefined) decision = allow || severity(strongest) >= severity(thresholdDecision) ? strongest : thresholdDecision;
  else decision = allow ? 'PASS' : thresholdDecision;
  return {
    riskScore,
    decision,
    thresholdDecision,
    reasons,
    evidence,
    stored: { rule_set: ruleSet.version, evaluated: ruleSet.size, model_score: modelScore, model_decision: modelDecision, points, hits: [...hits] },
  };
}
