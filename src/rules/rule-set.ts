import { referencedFields, type CompiledExpression } from './compile-rule.js';
import type { RuleAction, RuleMode } from './rule-action.js';

/** One immutable version of a rule, as stored. */
export interface RuleVersion {
  readonly ruleId: string;
  readonly version: number;
  readonly name: string;
  readonly expression: string;
  readonly action: RuleAction;
  /** Higher first: orders evaluation, reasons and evidence; precedence between actions does not depend on it. */
  readonly priority: number;
  readonly mode: RuleMode;
}

/** A rule version compiled for evaluation. */
export interface CompiledRule extends RuleVersion {
  readonly evaluate: CompiledExpression;
}

/** A rule that matched (or failed) on one transaction; stored with the decision. */
export interface RuleHit {
  readonly rule_id: string;
  readonly version: number;
  readonly name: string;
  readonly action: RuleAction;
  readonly mode: RuleMode;
  /** `hit`: the expression was true; `error`: it failed at run time (never changes the decision). */
  readonly outcome: 'hit' | 'error';
  /** The run-time error of an `error` outcome. */
  readonly error?: string;
}

/** Orders rules as they are evaluated and reported: priority (higher first), then id. */
export function byPriority(left: RuleVersion, right: RuleVersion): number {
  return right.priority - left.priority || (left.ruleId < right.ruleId ? -1 : left.ruleId > right.ruleId ? 1 : 0);
}

function errorText(error: unknown): string {
  const summary = (error as { summary?: unknown }).summary;
  const text = typeof summary === 'string' ? summary : error instanceof Error ? error.message : String(error);
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}

/**
 * The enabled rules of a tenant at one rule-set version, compiled. Evaluation never throws: a rule
 * that fails at run time (a type mismatch, a missing field) becomes an `error` outcome.
 */
export class RuleSet {
  /** Rules in evaluation order. */
  readonly rules: readonly CompiledRule[];
  /**
   * The features any rule reads (`all` when one reads `features` as a whole): only these are
   * copied into the variables, since copying a hundred features costs more than evaluating rules.
   */
  readonly features: readonly string[] | 'all';

  constructor(
    /** The tenant's rule-set version these rules were loaded at (stored with each decision). */
    readonly version: number,
    rules: readonly CompiledRule[],
  ) {
    this.rules = [...rules].sort(byPriority);
    const names = new Set<string>();
    let all = false;
    for (const rule of this.rules) {
      const read = rule.evaluate.ast === undefined ? 'all' : referencedFields(rule.evaluate.ast).features;
      if (read === 'all') all = true;
      else for (const name of read) names.add(name);
    }
    this.features = all ? 'all' : [...names];
  }

  /** Number of rules evaluated per transaction. */
  get size(): number {
    return this.rules.length;
  }

  /** Evaluates every rule; answers the hits and errors in evaluation order. */
  evaluate(variables: Readonly<Record<string, unknown>>): RuleHit[] {
    const hits: RuleHit[] = [];
    for (const rule of this.rules) {
      let result: unknown;
      try {
        result = rule.evaluate(variables);
      } catch (error) {
        hits.push(outcomeOf(rule, 'error', errorText(error)));
        continue;
      }
      if (result === true) hits.push(outcomeOf(rule, 'hit'));
      else if (result !== false) hits.push(outcomeOf(rule, 'error', `the expression gave ${typeof result}, not a bool`));
    }
    return hits;
  }
}

function outcomeOf(rule: CompiledRule, outcome: 'hit' | 'error', error?: string): RuleHit {
  const hit = { rule_id: rule.ruleId, version: rule.version, name: rule.name, action: rule.action, mode: rule.mode, outcome };
  return error === undefined ? hit : { ...hit, error };
}
