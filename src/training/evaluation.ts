import { entityPrecisionAtK, type DailyPrecision } from '../model/metrics/entity-precision.js';
import { calibrationTable, expectedCalibrationError, logLoss, type CalibrationBin } from '../model/metrics/probability-metrics.js';
import { averagePrecision, rocAuc } from '../model/metrics/ranking-metrics.js';
import { precisionRecallAt, type ThresholdMetrics } from '../model/metrics/threshold-metrics.js';
import { toRiskScore } from '../scoring/risk-scale.js';
import { defaultThresholds, type Thresholds } from '../scoring/thresholds.js';
import type { FraudEvent } from './dataset-labels.js';

const dayMs = 86_400_000;

/** Scored transactions of one window, in any order. */
export interface ScoredRows {
  readonly createdAt: ArrayLike<number>;
  readonly senders: readonly string[];
  /** 1 = fraud (final label), 0 = legitimate or unlabelled. */
  readonly targets: ArrayLike<number>;
  readonly probabilities: ArrayLike<number>;
  /** The trees' own probabilities before calibration, when the model is calibrated. */
  readonly rawProbabilities?: ArrayLike<number>;
}

/** How well probabilities mean what they say. */
export interface CalibrationFigures {
  readonly logLoss: number;
  /** Expected calibration error over the bins of `calibration`. */
  readonly expectedCalibrationError: number;
  readonly calibration: CalibrationBin[];
}

/** Options of {@link evaluateScores}. */
export interface EvaluationOptions {
  /** k of card precision@k (default 100, the handbook's). */
  readonly k?: number;
  /** Thresholds whose precision/recall are reported (default: a new tenant's). */
  readonly thresholds?: Thresholds;
  /**
   * Only frauds created at or after this moment make a card "known compromised" (default: any).
   * The handbook starts counting at the training window's start; Sentra's default counts every
   * fraud label known before the day.
   */
  readonly knownSince?: number;
  /** Bins of the calibration table (default 10). */
  readonly calibrationBins?: number;
}

/** Ranking metrics of a set of rows. */
export interface RankingMetrics {
  readonly rows: number;
  readonly frauds: number;
  readonly fraudRate: number;
  readonly auc: number;
  readonly averagePrecision: number;
}

/** Everything `sentra evaluate` reports about one model on one window. */
export interface EvaluationReport extends RankingMetrics {
  readonly logLoss: number;
  /**
   * The same metrics without the transactions of cards already known compromised before their
   * day (a fraud label with labeled_at before the day's start): the handbook's test set.
   */
  readonly knownCardsRemoved: RankingMetrics;
  /** Handbook card precision@k over the days of the window, known-compromised cards removed. */
  readonly cardPrecision: { readonly k: number; readonly mean: number; readonly days: DailyPrecision[] };
  /** Precision and recall of REVIEW-or-worse, HOLD-or-worse and BLOCK under the thresholds (on risk_score). */
  readonly decisions: { readonly thresholds: Thresholds; readonly review: ThresholdMetrics; readonly hold: ThresholdMetrics; readonly block: ThresholdMetrics };
  readonly calibration: CalibrationBin[];
  /** Expected calibration error of the scored probabilities over the bins of `calibration`. */
  readonly expectedCalibrationError: number;
  /** The same figures for the trees' own probabilities, when the model is calibrated (null otherwise). */
  readonly uncalibrated: CalibrationFigures | null;
}

function ranking(targets: ArrayLike<number>, probabilities: ArrayLike<number>): RankingMetrics {
  let frauds = 0;
  for (let index = 0; index < targets.length; index++) frauds += targets[index]! >= 0.5 ? 1 : 0;
  const rows = targets.length;
  return { rows, frauds, fraudRate: rows === 0 ? Number.NaN : frauds / rows, auc: rocAuc(targets, probabilities), averagePrecision: averagePrecision(targets, probabilities) };
}

/** Earliest moment each card became known compromised, counting frauds created from `since`. */
function knownCompromisedAt(fraudEvents: readonly FraudEvent[], since: number): Map<string, number> {
  const known = new Map<string, number>();
  for (const event of fraudEvents) {
    if (event.createdAt < since) continue;
    const current = known.get(event.sender);
    if (current === undefined || event.knownAt < current) known.set(event.sender, event.knownAt);
  }
  return known;
}

/**
 * Evaluates scored rows as the fraud-detection handbook does, plus what a risk team reads before
 * activating a model: AUC and average precision (on all rows and without known-compromised cards),
 * card precision@k per day (each card's highest score that day, top k, cards already known
 * compromised before the day removed, cards detected in an earlier day's top k removed too),
 * precision/recall at the decision thresholds, log loss, a calibration table and the expected
 * calibration error (before and after calibration when the raw probabilities are given too).
 */
export function evaluateScores(scored: ScoredRows, fraudEvents: readonly FraudEvent[], options: EvaluationOptions = {}): EvaluationReport {
  const k = options.k ?? 100;
  const thresholds = options.thresholds ?? defaultThresholds;
  const known = knownCompromisedAt(fraudEvents, options.knownSince ?? Number.NEGATIVE_INFINITY);
  const keptTargets: number[] = [];
  const keptProbabilities: number[] = [];
  const cardScores: { day: number; entityId: string; score: number; label: number }[] = [];
  const riskScores = new Float64Array(scored.probabilities.length);
  for (let index = 0; index < scored.probabilities.length; index++) {
    const probability = scored.probabilities[index]!;
    riskScores[index] = toRiskScore(probability);
    const day = Math.floor(scored.createdAt[index]! / dayMs);
    const sender = scored.senders[index]!;
    const knownAt = known.get(sender);
    if (knownAt !== undefined && knownAt < day * dayMs) continue;
    keptTargets.push(scored.targets[index]!);
    keptProbabilities.push(probability);
    cardScores.push({ day, entityId: sender, score: probability, label: scored.targets[index]! });
  }
  const cards = entityPrecisionAtK(cardScores, k);
  const at = (threshold: number) => precisionRecallAt(scored.targets, riskScores, threshold);
  return {
    ...ranking(scored.targets, scored.probabilities),
    logLoss: logLossOf(scored.targets, scored.probabilities),
    knownCardsRemoved: ranking(keptTargets, keptProbabilities),
    cardPrecision: { k, mean: cards.mean, days: cards.days.map((day) => ({ ...day, day: new Date(Number(day.day) * dayMs).toISOString().slice(0, 10) })) },
    decisions: { thresholds, review: at(thresholds.reviewAt), hold: at(thresholds.holdAt), block: at(thresholds.blockAt) },
    ...calibrationFigures(scored.targets, scored.probabilities, options.calibrationBins ?? 10),
    uncalibrated: scored.rawProbabilities === undefined ? null : { logLoss: logLossOf(scored.targets, scored.rawProbabilities), ...calibrationFigures(scored.targets, scored.rawProbabilities, options.calibrationBins ?? 10) },
  };
}

function logLossOf(targets: ArrayLike<number>, probabilities: ArrayLike<number>): number {
  return targets.length === 0 ? Number.NaN : logLoss(targets, probabilities);
}

function calibrationFigures(targets: ArrayLike<number>, probabilities: ArrayLike<number>, bins: number): { calibration: CalibrationBin[]; expectedCalibrationError: number } {
  return { calibration: calibrationTable(targets, probabilities, bins), expectedCalibrationError: expectedCalibrationError(targets, probabilities, bins) };
}
