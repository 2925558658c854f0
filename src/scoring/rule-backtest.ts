import type { Decision } from '../contract/enums.js';
import type { RuleAction } from '../rules/rule-action.js';
import type { RuleHit } from '../rules/rule-set.js';
import type { CompiledExpression } from '../rules/compile-rule.js';
import { applyRuleHits } from './decision-pipeline.js';
import type { Thresholds } from './thresholds.js';

/** Most example hits a backtest answers. */
export const maxBacktestExamples = 50;

/** The draft under test: a compiled expression and its action (replacing `ruleId`'s live version, if given). */
export interface BacktestDraft {
  readonly ruleId: string | undefined;
  readonly name: string;
  readonly action: RuleAction;
  readonly evaluate: CompiledExpression;
}

/** One stored decision (or dataset transaction) as the backtest sees it. */
export interface BacktestCase {
  readonly decisionId: string | undefined;
  readonly txId: string;
  readonly at: number;
  readonly amount: number;
  readonly currency: string;
  /** The decision stored (undefined for a dataset transaction never scored). */
  readonly storedDecision: Decision | undefined;
  /** The model's score before rules, and the thresholds in force then. */
  readonly modelScore: number | undefined;
  readonly thresholds: Thresholds | undefined;
  /** Today's live rule hits stored with the decision. */
  readonly liveHits: readonly RuleHit[];
  readonly label: 'fraud' | 'legit' | undefined;
  readonly variables: Readonly<Record<string, unknown>>;
}

/** Counts and amounts (per currency) of transactions. */
interface Volume {
  transactions: number;
  amount: Record<string, number>;
}

/** An example hit, linking its decision. */
export interface BacktestExample {
  request_id: string | null;
  tx_id: string;
  at: string;
  amount: number;
  currency: string;
  stored_decision: Decision | null;
  decision_with_rule: Decision | null;
  label: 'fraud' | 'legit' | null;
  href: string | null;
}

/** What a backtest answers (docs/api.md "POST /v1/rules/backtest"). */
export interface BacktestResult {
  evaluated: number;
  errors: number;
  first_error: string | null;
  hits: Volume;
  /** Hits by the decision each transaction would get with the draft in force. */
  hits_by_decision: Record<string, Volume>;
  labels: { fraud: number; legit: number; unlabelled: number };
  /** fraud / (fraud + legit) among labelled hits; null when no hit is labelled. */
  precision: number | null;
  /** Hits labelled fraud that today's rules and model let pass and the draft escalates. */
  fraud_caught_missed_today: number;
  /** Share of decisions at REVIEW today and with the draft in force. */
  review_rate: { before: number; after: number; change: number };
  /** Decisions whose outcome the draft changes. */
  decisions_changed: number;
  examples: BacktestExample[];
}

function addVolume(volume: Volume, amount: number, currency: string): void {
  volume.transactions += 1;
  volume.amount[currency] = Math.round(((volume.amount[currency] ?? 0) + amount) * 100) / 100;
}

/**
 * Runs a draft rule over cases one at a time and keeps the figures, so a million stored decisions
 * never sit in memory at once. The decision "with the draft" applies the documented precedence
 * (src/scoring/decision-pipeline.ts) to the model's stored score, the thresholds then in force,
 * today's other live hits and the draft's hit.
 */
export class BacktestTally {
  private evaluated = 0;
  private errors = 0;
  private firstError: string | null = null;
  private readonly hits: Volume = { transactions: 0, amount: {} };
  private readonly byDecision: Record<string, Volume> = {};
  private readonly labels = { fraud: 0, legit: 0, unlabelled: 0 };
  private caught = 0;
  private reviewBefore = 0;
  private reviewAfter = 0;
  private changed = 0;
  private readonly examples: BacktestExample[] = [];

  constructor(private readonly draft: BacktestDraft) {}

  /** Evaluates the draft on one case. */
  add(item: BacktestCase): void {
    this.evaluated += 1;
    let hit = false;
    try {
      const result = this.draft.evaluate(item.variables);
      if (result === true) hit = true;
      else if (result !== false) throw new Error(`the expression gave ${typeof result}, not a bool`);
    } catch (error) {
      this.errors += 1;
      this.firstError ??= (error as { summary?: string }).summary ?? (error as Error).message;
    }
    const after = this.decisionWithDraft(item, hit);
    if (item.storedDecision === 'REVIEW') this.reviewBefore += 1;
    if (after === 'REVIEW') this.reviewAfter += 1;
    if (after !== undefined && item.storedDecision !== undefined && after !== item.storedDecision) this.changed += 1;
    if (!hit) return;
    addVolume(this.hits, item.amount, item.currency);
    const bucket = after ?? 'UNSCORED';
    addVolume((this.byDecision[bucket] ??= { transactions: 0, amount: {} }), item.amount, item.currency);
    if (item.label === undefined) this.labels.unlabelled += 1;
    else this.labels[item.label] += 1;
    if (item.label === 'fraud' && item.storedDecision === 'PASS' && after !== undefined && after !== 'PASS') this.caught += 1;
    if (this.examples.length < maxBacktestExamples) {
      this.examples.push({
        request_id: item.decisionId ?? null,
        tx_id: item.txId,
        at: new Date(item.at).toISOString(),
        amount: item.amount,
        currency: item.currency,
        stored_decision: item.storedDecision ?? null,
        decision_with_rule: after ?? null,
        label: item.label ?? null,
        href: item.decisionId === undefined ? null : `/v1/decisions/${item.decisionId}`,
      });
    }
  }

  private decisionWithDraft(item: BacktestCase, hit: boolean): Decision | undefined {
    if (item.modelScore === undefined || item.thresholds === undefined) return undefined;
    const hits = item.liveHits.filter((existing) => existing.rule_id !== this.draft.ruleId);
    if (hit) hits.push({ rule_id: this.draft.ruleId ?? 'draft', version: 0, name: this.draft.name, action: this.draft.action, mode: 'live', outcome: 'hit' });
    return applyRuleHits(item.modelScore, item.thresholds, hits, { version: 0, size: hits.length }).decision;
  }

  /** The figures so far. */
  result(): BacktestResult {
    const labelled = this.labels.fraud + this.labels.legit;
    const rate = (count: number) => (this.evaluated === 0 ? 0 : Math.round((count / this.evaluated) * 1e6) / 1e6);
    return {
      evaluated: this.evaluated,
      errors: this.errors,
      first_error: this.firstError,
      hits: this.hits,
      hits_by_decision: this.byDecision,
      labels: { ...this.labels },
      precision: labelled === 0 ? null : Math.round((this.labels.fraud / labelled) * 1e6) / 1e6,
      fraud_caught_missed_today: this.caught,
      review_rate: { before: rate(this.reviewBefore), after: rate(this.reviewAfter), change: Math.round((rate(this.reviewAfter) - rate(this.reviewBefore)) * 1e6) / 1e6 },
      decisions_changed: this.changed,
      examples: [...this.examples],
    };
  }
}
