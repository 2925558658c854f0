/**
 * The risk score is the model's fraud probability on a 0–1000 scale: round(p × 1000). The mapping
 * is monotone and invertible up to rounding, so thresholds read as probabilities (hold_at 600 =
 * a 60% estimated chance of fraud) and every contract can convert it: riskScore 0–100 of the event
 * API = risk_score / 10, requestConfidence 0–1 of the confidence API = 1 − risk_score / 1000.
 */
export function toRiskScore(probability: number): number {
  if (!Number.isFinite(probability)) return 1000;
  return Math.min(1000, Math.max(0, Math.round(probability * 1000)));
}

/** requestConfidence 0–1 of the confidence API and the pipeline's Sentry stage: 1 − risk_score / 1000 (3 decimals, exact). */
export function requestConfidence(riskScore: number): number {
  return Math.min(1000, Math.max(0, 1000 - riskScore)) / 1000;
}
