import type { Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import type { Decision } from '../contract/enums.js';
import { SentraError, ValidationError, type ProblemDetail } from '../errors/errors.js';
import { featureNames } from '../features/catalogue/feature-catalogue.js';
import { compileExpression, referencedFields, type ReferencedFields } from '../rules/compile-rule.js';
import type { RuleAction } from '../rules/rule-action.js';
import type { RuleHit } from '../rules/rule-set.js';
import type { ListMembership } from '../rules/rule-variables.js';
import type { RuleRuntime } from '../rule-store/rule-runtime.js';
import { findRule, ruleVersions, toRuleVersion } from '../rule-store/rule.repository.js';
import { effectiveLabelOf, selectedFields, storedDecisionPage, type StoredDecisionRow } from '../rule-store/backtest.repository.js';
import { BacktestTally, type BacktestCase, type BacktestResult } from './rule-backtest.js';

const knownFeatures: ReadonlySet<string> = new Set(featureNames);

/** A backtest as asked: a draft expression and action, or a stored rule (optionally a draft edit of it), over [from, to). */
export interface BacktestRequest {
  expression?: string;
  action?: RuleAction;
  rule_id?: string;
  version?: number;
  from: string;
  to: string;
}

/** A backtest's answer: the draft it ran and its figures. */
export type BacktestAnswer = BacktestResult & { draft: { rule_id: string | null; version: number | null; expression: string; action: RuleAction }; from: string; to: string };

const decisions = new Set<string>(['PASS', 'REVIEW', 'HOLD', 'BLOCK']);

/**
 * `POST /v1/rules/backtest`: runs a draft over a tenant's stored decisions, using the feature
 * vectors stored with each decision (what the model saw, so no train/serve skew), the tenant's
 * lists as they are now, and the labels known now.
 */
export class RuleBacktestService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly rules: RuleRuntime,
  ) {}

  private async draftOf(tenantId: string, request: BacktestRequest) {
    const problems: ProblemDetail[] = [];
    let expression = request.expression;
    let action = request.action;
    let version: number | null = null;
    if (request.rule_id !== undefined) {
      const found = await findRule(this.db, tenantId, request.rule_id);
      if (found === undefined) throw new SentraError('SENTRA_ERR_NOT_FOUND', `No rule ${request.rule_id}.`);
      const stored = request.version === undefined ? found.current : (await ruleVersions(this.db, tenantId, request.rule_id)).find((row) => row.version === request.version);
      if (stored === undefined) throw new SentraError('SENTRA_ERR_NOT_FOUND', `Rule ${request.rule_id} has no version ${request.version}.`);
      const rule = toRuleVersion(stored);
      version = expression === undefined ? rule.version : null;
      expression ??= rule.expression;
      action ??= rule.action;
    } else if (request.version !== undefined) {
      problems.push({ code: 'required', path: '/rule_id', message: 'a version needs the rule_id it belongs to' });
    }
    if (expression === undefined) problems.push({ code: 'required', path: '/expression', message: 'send an expression, a rule_id, or both (a draft edit of that rule)' });
    if (action === undefined) problems.push({ code: 'required', path: '/action', message: 'a draft expression needs its action' });
    const from = Date.parse(request.from);
    const to = Date.parse(request.to);
    if (!(from < to)) problems.push({ code: 'order', path: '/to', message: 'to must be after from' });
    const lists = await this.rules.forTenant(tenantId);
    const compiled = expression === undefined ? undefined : compileExpression(this.rules.environment, expression, { features: knownFeatures, lists: new Set(lists.lists.keys()) });
    if (compiled !== undefined && !compiled.ok) problems.push(...compiled.problems);
    if (problems.length > 0 || compiled === undefined || !compiled.ok || expression === undefined || action === undefined) throw new ValidationError(problems);
    return { expression, action, version, evaluate: compiled.evaluate, lists: lists.lists, range: { from: new Date(from), to: new Date(to) } };
  }

  /** Runs the backtest; answers the figures of docs/api.md "POST /v1/rules/backtest". */
  async run(tenantId: string, request: BacktestRequest): Promise<BacktestAnswer> {
    const draft = await this.draftOf(tenantId, request);
    const tally = new BacktestTally({ ruleId: request.rule_id, name: request.rule_id ?? 'draft', action: draft.action, evaluate: draft.evaluate });
    const ast = draft.evaluate.ast;
    const all = { tx: 'all', entities: 'all', features: 'all', signals: 'all' } as const;
    const fields: ReferencedFields = ast === undefined ? all : referencedFields(ast);
    const selected = selectedFields(fields);
    // The next page is read while this one is evaluated: the database and this process work side by side.
    const read = (afterId: string) => storedDecisionPage(this.db, tenantId, draft.range, fields, afterId);
    let next = read('');
    for (;;) {
      const page = await next;
      if (page.length === 0) break;
      next = read(page[page.length - 1]!.id);
      for (const row of page) tally.add(caseOf(row, fields, selected, draft.lists, effectiveLabelOf(row)));
    }
    return {
      draft: { rule_id: request.rule_id ?? null, version: draft.version, expression: draft.expression, action: draft.action },
      from: draft.range.from.toISOString(),
      to: draft.range.to.toISOString(),
      ...tally.result(),
    };
  }
}

/** The variables of a stored decision, as rules saw them online (only the fields the expression reads). */
function caseOf(row: StoredDecisionRow, fields: ReferencedFields, selected: { tx: string[]; entities: string[] }, lists: ListMembership, label: string | undefined): BacktestCase {
  const tx: Record<string, unknown> = {};
  for (const name of selected.tx) {
    const value = row[`x_${name}`];
    if (value !== null && value !== undefined) tx[name] = name === 'created_at' ? new Date(value as string | Date) : value;
  }
  const entities: Record<string, unknown> = {};
  for (const name of selected.entities) {
    const value = row[`e_${name}`];
    if (value !== null && value !== undefined) entities[name] = value;
  }
  const features: Record<string, number> = {};
  if (fields.features === 'all') {
    for (const [name, value] of Object.entries(row.features ?? {})) if (typeof value === 'number') features[name] = value;
  } else {
    let index = 0;
    for (const name of fields.features) {
      const value = row[`f${index++}`];
      if (typeof value === 'number') features[name] = value;
    }
  }
  const modelScore = row.model_score ?? row.risk_score;
  const at = new Date(row.scored_at).getTime();
  const signals: Record<string, unknown> = {};
  if (row.network !== null && row.network !== undefined) signals.network = row.network;
  return {
    decisionId: row.id,
    txId: row.tx_id,
    at,
    amount: Number(row.amount),
    currency: row.currency,
    storedDecision: decisions.has(row.decision) ? (row.decision as Decision) : undefined,
    modelScore,
    thresholds: row.review_at === null || row.hold_at === null || row.block_at === null ? undefined : { reviewAt: row.review_at, holdAt: row.hold_at, blockAt: row.block_at },
    liveHits: Array.isArray(row.live_hits) ? (row.live_hits as RuleHit[]) : [],
    label: label === 'fraud' || label === 'legit' ? label : undefined,
    variables: {
      tx,
      entities,
      features,
      model: { score: modelScore, probability: row.probability, decision: row.model_decision ?? row.decision, version: row.model_version },
      lists,
      signals,
      custom: {},
      sentry: {},
      now: new Date(at),
    },
  };
}
