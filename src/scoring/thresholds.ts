import type { Decision } from '../contract/enums.js';
import { ValidationError, type ProblemDetail } from '../errors/errors.js';

/** A tenant's decision thresholds on the 0–1000 risk scale. */
export interface Thresholds {
  /** Scores at or above this are REVIEW. */
  reviewAt: number;
  /** Scores at or above this are HOLD. */
  holdAt: number;
  /** Scores at or above this are BLOCK. */
  blockAt: number;
}

/**
 * Defaults for a new tenant. The risk score is the calibrated fraud probability × 1000, so REVIEW
 * starts at a 30% estimated probability of fraud, HOLD at 60% and BLOCK at 85%.
 */
export const defaultThresholds: Readonly<Thresholds> = Object.freeze({ reviewAt: 300, holdAt: 600, blockAt: 850 });

/** The decision a risk score earns under the thresholds. */
export function decide(riskScore: number, thresholds: Thresholds): Decision {
  if (riskScore >= thresholds.blockAt) return 'BLOCK';
  if (riskScore >= thresholds.holdAt) return 'HOLD';
  if (riskScore >= thresholds.reviewAt) return 'REVIEW';
  return 'PASS';
}

/** Checks that thresholds are integers in 0..1000 with review ≤ hold ≤ block; lists every problem. */
export function validateThresholds(thresholds: Thresholds, root = ''): void {
  const problems: ProblemDetail[] = [];
  const fields = [
    ['review_at', thresholds.reviewAt],
    ['hold_at', thresholds.holdAt],
    ['block_at', thresholds.blockAt],
  ] as const;
  for (const [name, value] of fields) {
    if (!Number.isInteger(value) || value < 0 || value > 1000) {
      problems.push({ code: 'range', path: `${root}/${name}`, message: `${name} must be an integer from 0 to 1000` });
    }
  }
  if (problems.length === 0 && !(thresholds.reviewAt <= thresholds.holdAt && thresholds.holdAt <= thresholds.blockAt)) {
    problems.push({ code: 'order', path: `${root}/hold_at`, message: 'thresholds must satisfy review_at ≤ hold_at ≤ block_at' });
  }
  if (problems.length > 0) throw new ValidationError(problems);
}
