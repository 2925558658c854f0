import type { Decision } from '../contract/enums.js';
import type { EventDecision } from '../contract/events.js';
import { assertNever } from '../errors/errors.js';
import type { Thresholds } from '../scoring/thresholds.js';
import type { MerchantThresholds } from '../platform/tables/merchant.table.js';

/**
 * The one place the engine's scale meets the merchant contracts (SPEC §1). The engine scores 0–1000
 * (the fraud probability × 1000) and decides PASS / REVIEW / HOLD / BLOCK; the event API speaks
 * riskScore 0–100 and ALLOW / CHALLENGE / REVIEW / DENY; the confidence API speaks
 * requestConfidence 0–1, higher = more legitimate. Every function here is pure and monotone.
 */

/** Engine decision → event decision, one to one, severity kept. */
export const eventDecisionOf = {
  PASS: 'ALLOW',
  REVIEW: 'CHALLENGE',
  HOLD: 'REVIEW',
  BLOCK: 'DENY',
} as const satisfies Record<Decision, EventDecision>;

/**
 * riskScore 0–100 of the event API: floor(risk_score / 10). Flooring (not rounding) keeps the
 * decision and the score consistent: riskScore ≥ t exactly when risk_score ≥ 10·t, so a merchant
 * threshold of 40 on riskScore is the engine threshold 400.
 */
export function eventRiskScore(riskScore: number): number {
  return Math.min(100, Math.max(0, Math.floor(riskScore / 10)));
}

/** requestConfidence 0–1 of the confidence API (defined beside the engine's scale). */
export { requestConfidence } from '../scoring/risk-scale.js';

/** A merchant's thresholds (riskScore 0–100: CHALLENGE / REVIEW / DENY from) on the engine's 0–1000 scale. */
export function engineThresholds(thresholds: MerchantThresholds): Thresholds {
  return { reviewAt: thresholds.challengeAt * 10, holdAt: thresholds.reviewAt * 10, blockAt: thresholds.denyAt * 10 };
}

/** Engine thresholds as the riskScore a merchant would set (rounded up: the first 0–100 score that reaches them). */
export function merchantThresholdsOf(thresholds: Thresholds): MerchantThresholds {
  return { challengeAt: Math.ceil(thresholds.reviewAt / 10), reviewAt: Math.ceil(thresholds.holdAt / 10), denyAt: Math.ceil(thresholds.blockAt / 10) };
}

/** How urgent a recommended action is. */
export type ActionPriority = 'HIGH' | 'MEDIUM' | 'LOW';

/** One recommended action of the event API. */
export interface RecommendedAction {
  type: string;
  priority: ActionPriority;
}

/**
 * What the merchant should do with an event: nothing for ALLOW; step-up for CHALLENGE (MFA, and an
 * email check when the device is new or the IP is not a residential one); a manual review for
 * REVIEW; blocking the session (and the review that confirms it) for DENY. Bot traffic always adds
 * a CAPTCHA below DENY.
 */
export function recommendedActions(decision: EventDecision, factors: readonly string[]): RecommendedAction[] {
  const has = (code: string) => factors.some((factor) => factor === code || factor.startsWith(`${code}_`));
  const actions: RecommendedAction[] = [];
  switch (decision) {
    case 'ALLOW':
      break;
    case 'CHALLENGE':
      actions.push({ type: 'REQUIRE_MFA', priority: 'HIGH' });
      if (has('NEW_DEVICE') || has('DATACENTER_IP') || has('NEW_COUNTRY')) actions.push({ type: 'SEND_EMAIL_VERIFICATION', priority: 'MEDIUM' });
      break;
    case 'REVIEW':
      actions.push({ type: 'MANUAL_REVIEW', priority: 'HIGH' }, { type: 'REQUIRE_MFA', priority: 'MEDIUM' });
      break;
    case 'DENY':
      actions.push({ type: 'BLOCK_SESSION', priority: 'HIGH' }, { type: 'MANUAL_REVIEW', priority: 'MEDIUM' });
      break;
    default:
      assertNever(decision, 'event decision');
  }
  if (decision !== 'DENY' && (has('BOT_USER_AGENT') || has('HEADLESS_BROWSER'))) actions.push({ type: 'REQUIRE_CAPTCHA', priority: 'HIGH' });
  return actions;
}
