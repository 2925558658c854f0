import { labelsByTime } from '../datasets/replay/dataset-timeline.js';
import type { DatasetIdentity } from '../datasets/replay/dataset-identity.js';
import { replayDataset } from '../datasets/replay/replay-dataset.js';
import { describeWindow, inWindow, type TimeWindow } from '../datasets/replay/time-window.js';
import { readArtifactFolder } from '../registry/model-artifact.js';
import { compileModelScorer } from '../registry/scoring-model-loader.js';
import { transformMargin } from '../model/objective.js';
import type { Thresholds } from '../scoring/thresholds.js';
import { GroundTruth } from './dataset-labels.js';
import { modelCurves, type ModelCurves } from '../model/metrics/model-curves.js';
import { evaluateScores, type EvaluationReport } from './evaluation.js';
import { progressEvery } from './train-pipeline.js';

/** One model's evaluation. */
export interface ModelEvaluation {
  /** The artifact folder. */
  readonly folder: string;
  /** metadata.json `name`. */
  readonly name: string;
  /** The calibration method the artifact carries (null: the trees' own probability is the score). */
  readonly calibration: 'platt' | 'isotonic' | null;
  readonly report: EvaluationReport;
  /** Curves, histograms and importance for an evaluation page (only when asked for). */
  readonly curves?: ModelCurves;
}

/** The outcome of `sentra evaluate`. */
export interface EvaluationRun {
  readonly dataset: { readonly name: string; readonly hash: string };
  readonly window: { readonly from: string | null; readonly to: string | null };
  readonly models: ModelEvaluation[];
}

/**
 * Evaluates one or more model artifacts on a window of a dataset in ONE replay from the dataset's
 * start: every model scores the same point-in-time features through the API's alignment and
 * predictor, so a candidate and the active model are compared on exactly the same rows.
 */
export async function evaluateModels(
  dataset: DatasetIdentity,
  folders: readonly string[],
  window: TimeWindow,
  options: { thresholds?: Thresholds; knownSince?: number; curves?: boolean; log?: (line: string) => void } = {},
): Promise<EvaluationRun> {
  const artifacts = await Promise.all(folders.map((folder) => readArtifactFolder(folder)));
  const scorers = artifacts.map((artifact) => compileModelScorer(artifact));
  const rowsOf = scorers.map((scorer) => new Float64Array(scorer.names.length));
  const labels = await labelsByTime(dataset.dir);
  const truth = new GroundTruth(labels);
  const probabilities: number[][] = scorers.map(() => []);
  // The trees' own probabilities of calibrated models, for the before/after calibration figures.
  const rawProbabilities: number[][] = scorers.map(() => []);
  const createdAt: number[] = [];
  const senders: string[] = [];
  const targets: number[] = [];
  const log = options.log;
  await replayDataset(dataset.dir, {
    sorted: dataset.sorted,
    labels,
    onChunk: log === undefined ? undefined : progressEvery(200_000, (replayed) => log(`replayed ${replayed.toLocaleString('en-US')} rows`)),
    onTransaction(record, features) {
      const target = truth.observe(record);
      if (!inWindow(window, record.createdAt)) return;
      createdAt.push(record.createdAt);
      senders.push(record.senderEntityId);
      targets.push(target);
      scorers.forEach((scorer, index) => {
        if (scorer.calibration === undefined) {
          probabilities[index]!.push(scorer.probability(features, rowsOf[index]!));
          return;
        }
        const margin = scorer.margin(features, rowsOf[index]!);
        probabilities[index]!.push(scorer.calibrate(margin));
        rawProbabilities[index]!.push(transformMargin(scorer.ensemble.objective, margin));
      });
    },
  });
  return {
    dataset: { name: dataset.name, hash: dataset.hash },
    window: describeWindow(window),
    models: folders.map((folder, index) => ({
      folder,
      name: typeof artifacts[index]!.metadata.name === 'string' ? artifacts[index]!.metadata.name : folder,
      calibration: scorers[index]!.calibration?.method ?? null,
      report: evaluateScores(
        { createdAt, senders, targets, probabilities: probabilities[index]!, rawProbabilities: scorers[index]!.calibration === undefined ? undefined : rawProbabilities[index]! },
        truth.fraudEvents,
        { thresholds: options.thresholds, knownSince: options.knownSince },
      ),
      ...(options.curves === true ? { curves: modelCurves(targets, probabilities[index]!, scorers[index]!.ensemble, scorers[index]!.names) } : {}),
    })),
  };
}
