import type { TreeEnsemble } from '../tree-ensemble.js';

/** A point of a curve, both coordinates in [0, 1]. */
export interface CurvePoint {
  readonly x: number;
  readonly y: number;
}

/** What an evaluation page draws for one model (small: at most ~200 points a curve). */
export interface ModelCurves {
  /** ROC: false positive rate → true positive rate. */
  readonly roc: CurvePoint[];
  /** Precision–recall: recall → precision. */
  readonly precisionRecall: CurvePoint[];
  /** Share of each label's rows per risk-score bin of 50 (0–49, 50–99 … 950–1000). */
  readonly histogram: { readonly fraud: number[]; readonly legitimate: number[] };
  /** Features by total split gain, largest first (at most 15), as shares of the model's total gain. */
  readonly importance: { readonly feature: string; readonly share: number }[];
}

const maxPoints = 200;

/**
 * ROC and precision–recall curves over every distinct score threshold (highest first; tied scores
 * form one step), thinned to about {@link maxPoints} points, plus score histograms by label.
 */
export function modelCurves(targets: readonly number[], probabilities: readonly number[], model: TreeEnsemble, featureNames: readonly string[]): ModelCurves {
  const order = Array.from(probabilities.keys()).sort((left, right) => probabilities[right]! - probabilities[left]!);
  let positives = 0;
  for (const target of targets) positives += target >= 0.5 ? 1 : 0;
  const negatives = targets.length - positives;
  const roc: CurvePoint[] = [{ x: 0, y: 0 }];
  const precisionRecall: CurvePoint[] = [];
  let truePositives = 0;
  let falsePositives = 0;
  const step = Math.max(1, Math.floor(order.length / maxPoints));
  for (let index = 0; index < order.length; index++) {
    if (targets[order[index]!]! >= 0.5) truePositives++;
    else falsePositives++;
    const lastOfTie = index === order.length - 1 || probabilities[order[index + 1]!] !== probabilities[order[index]!];
    if (!lastOfTie || (index % step !== 0 && index !== order.length - 1)) continue;
    roc.push({ x: negatives === 0 ? 0 : falsePositives / negatives, y: positives === 0 ? 0 : truePositives / positives });
    if (positives > 0) precisionRecall.push({ x: truePositives / positives, y: truePositives / (truePositives + falsePositives) });
  }
  const fraud = new Array<number>(20).fill(0);
  const legitimate = new Array<number>(20).fill(0);
  probabilities.forEach((probability, index) => {
    const bin = Math.min(19, Math.floor((Math.round(probability * 1000) / 1000) * 20));
    if (targets[index]! >= 0.5) fraud[bin]!++;
    else legitimate[bin]!++;
  });
  return {
    roc,
    precisionRecall,
    histogram: { fraud: fraud.map((count) => (positives === 0 ? 0 : count / positives)), legitimate: legitimate.map((count) => (negatives === 0 ? 0 : count / negatives)) },
    importance: gainImportance(model, featureNames),
  };
}

/** Total split gain per feature as a share of the model's, the 15 largest. */
export function gainImportance(model: TreeEnsemble, featureNames: readonly string[]): { feature: string; share: number }[] {
  const gain = new Float64Array(model.featureCount);
  for (const tree of model.trees) {
    for (let node = 0; node < tree.leftChild.length; node++) {
      if (tree.leftChild[node]! >= 0) gain[tree.splitFeature[node]!] = gain[tree.splitFeature[node]!]! + tree.gain[node]!;
    }
  }
  const total = gain.reduce((sum, value) => sum + value, 0);
  return Array.from(gain.keys())
    .filter((feature) => gain[feature]! > 0)
    .sort((left, right) => gain[right]! - gain[left]!)
    .slice(0, 15)
    .map((feature) => ({ feature: featureNames[feature] ?? `f${feature}`, share: gain[feature]! / total }));
}
