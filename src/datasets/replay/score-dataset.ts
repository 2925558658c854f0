import type { Decision } from '../../contract/enums.js';
import type { LabelRecord, TransactionRecord } from '../../contract/transaction-record.js';
import type { ModelScorer } from '../../registry/scoring-model-loader.js';
import { toRiskScore } from '../../scoring/risk-scale.js';
import { decide, defaultThresholds, type Thresholds } from '../../scoring/thresholds.js';
import { replayDataset, type DatasetReplaySummary } from './replay-dataset.js';
import { allTime, inWindow, type TimeWindow } from './time-window.js';

/** One transaction of the window as the API would have scored it. */
export interface ReplayedScore {
  readonly record: TransactionRecord;
  readonly probability: number;
  readonly riskScore: number;
  readonly decision: Decision;
}

/** How to score a dataset offline. */
export interface ScoreDatasetOptions {
  readonly scorer: ModelScorer;
  /** False when the transactions file is not in time order (it is sorted in memory). */
  readonly sorted: boolean;
  /** Only transactions created in this window are scored (all are replayed). Default: all. */
  readonly window?: TimeWindow;
  /** Decision thresholds (default: a new tenant's defaults). */
  readonly thresholds?: Thresholds;
  readonly labels?: readonly LabelRecord[];
  /** Receives each scored transaction in time order. */
  readonly onScore: (score: ReplayedScore) => void;
  /** After every chunk; a returned promise is awaited (e.g. to flush an output file). */
  readonly onChunk?: (replayed: number) => void | Promise<void>;
}

/**
 * Replays a dataset from its first transaction (so profiles are warm) and scores the transactions
 * of the window with a model exactly as `POST /v1/risk/score` would have: the same feature engine,
 * the same alignment and predictor ({@link ModelScorer}), risk_score = round(p × 1000) and the
 * decision under the thresholds (rules are not applied offline).
 */
export function scoreDataset(dir: string, options: ScoreDatasetOptions): Promise<DatasetReplaySummary> {
  const window = options.window ?? allTime;
  const thresholds = options.thresholds ?? defaultThresholds;
  const row = new Float64Array(options.scorer.names.length);
  return replayDataset(dir, {
    sorted: options.sorted,
    labels: options.labels,
    onChunk: options.onChunk,
    onTransaction(record, features) {
      if (!inWindow(window, record.createdAt)) return;
      const probability = options.scorer.probability(features, row);
      const riskScore = toRiskScore(probability);
      options.onScore({ record, probability, riskScore, decision: decide(riskScore, thresholds) });
    },
  });
}
