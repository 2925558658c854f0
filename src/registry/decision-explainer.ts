import { createExplainer, type Explainer } from '../model/explain/explainer.js';
import type { Calibration } from '../model/calibration/calibration.js';
import { compileModelScorer, type ModelScorer } from './scoring-model-loader.js';
import type { ModelRegistry } from './model-registry.js';

/** One feature's part in a stored decision's model margin (TreeSHAP, log-odds). */
export interface FeatureContribution {
  feature: string;
  /** The value the model saw (null = missing). */
  value: number | null;
  contribution: number;
}

/** How a calibrated model maps its trees' margin to the probability it answers. */
export type CalibrationSummary = { method: 'platt'; slope: number; intercept: number } | { method: 'isotonic' };

/** Why the model scored a stored decision as it did: bias + Σ contributions = margin. */
export interface DecisionExplanation {
  bias: number;
  /** The trees' log-odds: what the contributions add up to. */
  margin: number;
  /** The probability the model answers for the stored features (calibrated when the model is). */
  probability: number;
  /** The model's calibration (null: the probability is the sigmoid of the margin). */
  calibration: CalibrationSummary | null;
  /** Every feature with a non-zero contribution, strongest (by absolute value) first. */
  contributions: FeatureContribution[];
}

interface PreparedModel {
  names: readonly string[];
  explainer: Explainer;
  scorer: ModelScorer;
}

function summary(calibration: Calibration | undefined): CalibrationSummary | null {
  if (calibration === undefined) return null;
  return calibration.method === 'platt' ? { method: 'platt', slope: calibration.slope, intercept: calibration.intercept } : { method: 'isotonic' };
}

/**
 * Explains stored decisions with the exact model version and feature vector they were made with,
 * so the contributions are the TreeSHAP values of the decision, recomputed on demand rather than
 * stored for every payment. A few prepared models are kept, most recently used first.
 */
export class DecisionExplainer {
  private readonly prepared = new Map<string, Promise<PreparedModel>>();

  constructor(
    private readonly registry: Pick<ModelRegistry, 'artifact'>,
    private readonly capacity = 4,
  ) {}

  async explain(version: string, features: Readonly<Record<string, number | null>>): Promise<DecisionExplanation> {
    const { names, explainer, scorer } = await this.model(version);
    const row = Float64Array.from(names, (name) => features[name] ?? Number.NaN);
    const { bias, contributions } = explainer.explain(row);
    let margin = bias;
    const parts: FeatureContribution[] = [];
    names.forEach((feature, index) => {
      const contribution = contributions[index]!;
      margin += contribution;
      if (contribution !== 0) parts.push({ feature, value: features[feature] ?? null, contribution });
    });
    parts.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || a.feature.localeCompare(b.feature));
    return { bias, margin, probability: scorer.probabilityOfRow(row), calibration: summary(scorer.calibration), contributions: parts };
  }

  private model(version: string): Promise<PreparedModel> {
    let model = this.prepared.get(version);
    if (model === undefined) {
      model = this.registry.artifact(version).then((artifact) => {
        const scorer = compileModelScorer(artifact);
        return { names: scorer.names, explainer: createExplainer(scorer.ensemble), scorer };
      });
      model.catch(() => this.prepared.delete(version));
    } else {
      this.prepared.delete(version);
    }
    this.prepared.set(version, model);
    while (this.prepared.size > this.capacity) this.prepared.delete(this.prepared.keys().next().value!);
    return model;
  }
}
