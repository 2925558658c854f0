import type { Decision } from '../../contract/enums.js';
import type { LabelValue } from '../../contract/enums.js';
import { effectiveLabel } from '../../contract/label-precedence.js';
import type { ProblemDetail } from '../../errors/errors.js';
import { featureNames } from '../../features/catalogue/feature-catalogue.js';
import { readArtifactFolder } from '../../registry/model-artifact.js';
import { defaultModelFolder } from '../../registry/model-registry.js';
import { compileModelScorer } from '../../registry/scoring-model-loader.js';
import { compileExpression } from '../../rules/compile-rule.js';
import type { RuleAction } from '../../rules/rule-action.js';
import { createRuleEnvironment } from '../../rules/rule-environment.js';
import { ruleVariables } from '../../rules/rule-variables.js';
import { toRiskScore } from '../../scoring/risk-scale.js';
import { BacktestTally, type BacktestResult } from '../../scoring/rule-backtest.js';
import { decide, defaultThresholds, type Thresholds } from '../../scoring/thresholds.js';
import { labelsByTime } from './dataset-timeline.js';
import { replayDataset } from './replay-dataset.js';
import { inWindow, timeWindow } from './time-window.js';

/** A draft rule and where to run it. */
export interface DatasetBacktestOptions {
  readonly expression: string;
  readonly action: RuleAction;
  /** Model artifact folder (default: the shipped model). */
  readonly model?: string;
  readonly thresholds?: Thresholds;
  readonly from?: string;
  readonly to?: string;
  readonly sorted: boolean;
}

const knownFeatures: ReadonlySet<string> = new Set(featureNames);
const noLists = new Map<string, Map<string, number>>();

/**
 * Backtests a draft rule on a dataset folder: replays it in time order (point-in-time features,
 * labels visible from labeled_at), scores each transaction of the window with the model as the API
 * would, and runs the draft as {@link BacktestTally} does for stored decisions. A transaction's
 * label is its effective label in the dataset (source precedence), whenever it was given.
 */
export async function backtestDataset(dir: string, options: DatasetBacktestOptions): Promise<{ ok: true; result: BacktestResult } | { ok: false; problems: ProblemDetail[] }> {
  const compiled = compileExpression(createRuleEnvironment(), options.expression, { features: knownFeatures, lists: new Set() });
  if (!compiled.ok) return compiled;
  const scorer = compileModelScorer(await readArtifactFolder(options.model ?? defaultModelFolder));
  const thresholds = options.thresholds ?? defaultThresholds;
  const window = timeWindow(options.from, options.to);
  const labels = await labelsByTime(dir);
  const byTx = new Map<string, typeof labels>();
  for (const label of labels) (byTx.get(label.txId) ?? byTx.set(label.txId, []).get(label.txId)!).push(label);
  const finalLabels = new Map<string, LabelValue>();
  for (const [txId, ofTx] of byTx) {
    const label = effectiveLabel(ofTx.map((item) => ({ ...item, labeled_at: new Date(item.labeledAt) })));
    if (label !== undefined) finalLabels.set(txId, label.label);
  }
  const tally = new BacktestTally({ ruleId: undefined, name: 'draft', action: options.action, evaluate: compiled.evaluate });
  const row = new Float64Array(scorer.names.length);
  await replayDataset(dir, {
    sorted: options.sorted,
    labels,
    onTransaction(record, features) {
      if (!inWindow(window, record.createdAt)) return;
      const probability = scorer.probability(features, row);
      const riskScore = toRiskScore(probability);
      const decision: Decision = decide(riskScore, thresholds);
      const byName: Record<string, number | null> = {};
      featureNames.forEach((name, index) => (byName[name] = features.values[index] ?? null));
      if (features.overrides !== undefined) Object.assign(byName, features.overrides);
      const label = finalLabels.get(record.txId);
      tally.add({
        decisionId: undefined,
        txId: record.txId,
        at: record.createdAt,
        amount: record.amount,
        currency: record.currency,
        storedDecision: decision,
        modelScore: riskScore,
        thresholds,
        liveHits: [],
        label: label === 'fraud' || label === 'legit' ? label : undefined,
        variables: ruleVariables({ record, features: byName, model: { score: riskScore, probability, decision, version: 'dataset' }, lists: noLists, now: record.createdAt }),
      });
    },
  });
  return { ok: true, result: tally.result() };
}
