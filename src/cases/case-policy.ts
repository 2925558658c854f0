import type { Decision } from '../contract/enums.js';

/** How cases are prioritised and when they are due. */
export interface CasePolicy {
  /** Minutes from opening to the SLA due time, per decision level (PASS: manual cases). */
  readonly slaMinutes: Readonly<Record<Decision, number>>;
}

/** Defaults: a BLOCK is due within the hour, a HOLD within 4 hours, a REVIEW within a day. */
export const defaultCasePolicy: CasePolicy = Object.freeze({ slaMinutes: Object.freeze({ BLOCK: 60, HOLD: 240, REVIEW: 1440, PASS: 2880 }) });

/**
 * A case's priority, 0 to 130: a tenth of the risk score (0–100) plus up to 30 points for the amount,
 * ten per order of magnitude in USD (10 for ~$9, 20 for ~$99, 30 from ~$999). A large payment that
 * scores a little lower still comes before a small one that scores a little higher.
 */
export function casePriority(riskScore: number, amountUsd: number): number {
  const amountPoints = Number.isFinite(amountUsd) && amountUsd > 0 ? Math.min(30, Math.floor(10 * Math.log10(1 + amountUsd))) : 0;
  return Math.floor(riskScore / 10) + amountPoints;
}

/** When a case opened at `openedAt` for this decision is due. */
export function slaDueAt(policy: CasePolicy, decision: Decision, openedAt: Date): Date {
  return new Date(openedAt.getTime() + policy.slaMinutes[decision] * 60_000);
}
