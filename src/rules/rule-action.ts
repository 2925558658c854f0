import type { Decision } from '../contract/enums.js';

/** The decisions a rule can force, strongest first (its precedence, docs/api.md "Rules"). */
export const ruleDecisionActions = ['BLOCK', 'HOLD', 'REVIEW'] as const;

/** A rule's effect when it hits. */
export type RuleAction = 'BLOCK' | 'HOLD' | 'REVIEW' | 'ALLOW' | { readonly score: number };

/** `live` rules change decisions; `shadow` rules are evaluated and recorded only. */
export const ruleModes = ['live', 'shadow'] as const;
/** A rule's mode. */
export type RuleMode = (typeof ruleModes)[number];

/** Points a score rule may add or take away, on the 0–1000 scale. */
export const maxScorePoints = 1000;

/** How strict a decision is: PASS 0 … BLOCK 3. */
export function severity(decision: Decision): number {
  return decision === 'BLOCK' ? 3 : decision === 'HOLD' ? 2 : decision === 'REVIEW' ? 1 : 0;
}

/** The action as text for logs, audit entries and evidence (`BLOCK`, `score +40`). */
export function describeAction(action: RuleAction): string {
  if (typeof action === 'string') return action;
  return `score ${action.score >= 0 ? '+' : ''}${action.score}`;
}
