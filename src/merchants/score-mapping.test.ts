import { describe, expect, it } from 'vitest';
import { decide } from '../scoring/thresholds.js';
import { engineThresholds, eventDecisionOf, eventRiskScore, merchantThresholdsOf, recommendedActions, requestConfidence } from './score-mapping.js';
import { toUnits, unitsToAmount, unitsToDecimal } from './money.js';

describe('score mapping between the engine and the merchant contracts', () => {
  it('keeps riskScore, requestConfidence and the decision monotone and consistent over the whole scale', () => {
    const merchant = { challengeAt: 30, reviewAt: 60, denyAt: 85 };
    const thresholds = engineThresholds(merchant);
    const order = ['ALLOW', 'CHALLENGE', 'REVIEW', 'DENY'];
    let previous = { score: -1, confidence: 2, rank: 0 };
    for (let risk = 0; risk <= 1000; risk++) {
      const score = eventRiskScore(risk);
      const confidence = requestConfidence(risk);
      const decision = eventDecisionOf[decide(risk, thresholds)];
      expect(score).toBeGreaterThanOrEqual(previous.score);
      expect(confidence).toBeLessThan(previous.confidence);
      expect(order.indexOf(decision)).toBeGreaterThanOrEqual(previous.rank);
      // The decision on the engine scale is the decision the merchant's riskScore thresholds give.
      const expected = score >= merchant.denyAt ? 'DENY' : score >= merchant.reviewAt ? 'REVIEW' : score >= merchant.challengeAt ? 'CHALLENGE' : 'ALLOW';
      expect(decision, `risk ${risk}`).toBe(expected);
      previous = { score, confidence, rank: order.indexOf(decision) };
    }
    expect([eventRiskScore(0), eventRiskScore(1000), requestConfidence(0), requestConfidence(1000)]).toEqual([0, 100, 1, 0]);
    expect(merchantThresholdsOf(thresholds)).toEqual(merchant);
  });

  it('recommends step-up for CHALLENGE, review for REVIEW, a blocked session for DENY', () => {
    expect(recommendedActions('ALLOW', [])).toEqual([]);
    expect(recommendedActions('CHALLENGE', ['NEW_DEVICE'])).toEqual([
      { type: 'REQUIRE_MFA', priority: 'HIGH' },
      { type: 'SEND_EMAIL_VERIFICATION', priority: 'MEDIUM' },
    ]);
    expect(recommendedActions('REVIEW', []).map((action) => action.type)).toEqual(['MANUAL_REVIEW', 'REQUIRE_MFA']);
    expect(recommendedActions('DENY', ['BOT_USER_AGENT']).map((action) => action.type)).toEqual(['BLOCK_SESSION', 'MANUAL_REVIEW']);
    expect(recommendedActions('ALLOW', ['BOT_USER_AGENT'])).toEqual([{ type: 'REQUIRE_CAPTCHA', priority: 'HIGH' }]);
  });
});

describe('merchant money', () => {
  it('converts decimals to integer units exactly and back', () => {
    expect(toUnits('0.05')).toBe(500);
    expect(toUnits('99.5700')).toBe(995_700);
    expect(toUnits(0.1 + 0.2)).toBe(3000);
    expect(toUnits(0.12345)).toBeUndefined();
    expect(toUnits('1.00001')).toBeUndefined();
    expect(toUnits('abc')).toBeUndefined();
    expect(unitsToDecimal(500)).toBe('0.0500');
    expect(unitsToDecimal(-500)).toBe('-0.0500');
    expect(unitsToAmount(995_700)).toBe(99.57);
    // 1,000 fees of 0.0500 from 100.0000 leave exactly 50.0000: no float drift.
    let balance = toUnits('100')!;
    for (let index = 0; index < 1000; index++) balance -= toUnits('0.05')!;
    expect(unitsToDecimal(balance)).toBe('50.0000');
  });
});
