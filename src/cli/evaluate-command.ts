import type { Command } from 'commander';
import type { EvaluationRun } from '../training/evaluate-pipeline.js';
import type { EvaluationReport } from '../training/evaluation.js';
import type { Thresholds } from '../scoring/thresholds.js';
import { identifyOrReport } from './import-command.js';
import { thresholdList } from './replay-command.js';
import { usageErrorsExitWithTwo } from './validate-command.js';

interface EvaluateCommandOptions {
  model: string;
  from: string;
  to: string;
  compare?: string;
  thresholds?: Thresholds;
  knownSince?: string;
  json?: boolean;
  report?: string;
}

/**
 * `sentra evaluate DIR --model M --from D --to D [--compare M2] [--thresholds R,H,B] [--known-since D] [--json] [--report FILE]`:
 * replays the dataset and reports, for the transactions created in the window: AUC, average
 * precision, card precision@100 (the handbook's, known-compromised cards removed), log loss,
 * precision/recall at the decision thresholds, a calibration table and the expected calibration
 * error (before and after calibration for a calibrated model); with --compare, two models side by
 * side on exactly the same rows.
 */
export function registerEvaluateCommand(program: Command): void {
  usageErrorsExitWithTwo(
    program
      .command('evaluate')
      .description('measure a model (or two, side by side) on a window of a dataset, replayed exactly as the API scores')
      .argument('<dir>', 'dataset folder (data contract v1)')
      .requiredOption('--model <folder>', 'model artifact folder')
      .requiredOption('--from <date>', 'first day of the evaluated window (YYYY-MM-DD, UTC)')
      .requiredOption('--to <date>', 'last day of the window (inclusive)')
      .option('--compare <folder>', 'a second model artifact folder, shown side by side')
      .option('--thresholds <review,hold,block>', 'decision thresholds on the 0–1000 scale (default 300,600,850)', thresholdList)
      .option('--known-since <date>', 'count only frauds created from this day when removing known-compromised cards (the handbook: the training start)')
      .option('--json', 'print the evaluation as JSON')
      .option('--report <file>', 'also write a self-contained HTML page: metrics, ROC, precision-recall and calibration curves, score histograms by label, feature importance')
      .action(async (dir: string, options: EvaluateCommandOptions) => {
        const [{ timeWindow }, { evaluateModels }] = await Promise.all([import('../datasets/replay/time-window.js'), import('../training/evaluate-pipeline.js')]);
        const window = timeWindow(options.from, options.to);
        const knownSince = options.knownSince === undefined ? undefined : timeWindow(options.knownSince, undefined).startMs;
        const dataset = await identifyOrReport(dir);
        if (dataset === undefined) return;
        const folders = options.compare === undefined ? [options.model] : [options.model, options.compare];
        const run = await evaluateModels(dataset, folders, window, { thresholds: options.thresholds, knownSince, curves: options.report !== undefined, log: (line) => process.stderr.write(`${line}\n`) });
        if (options.report !== undefined) {
          const [{ writeFile }, { evaluationPage }] = await Promise.all([import('node:fs/promises'), import('../training/evaluation-page.js')]);
          await writeFile(options.report, evaluationPage(run, run.models.map((model) => model.curves!)));
          process.stderr.write(`wrote ${options.report}\n`);
        }
        process.stdout.write(options.json ? `${JSON.stringify(run, null, 2)}\n` : humanEvaluation(run));
      }),
  );
}

const fixed = (value: number, digits = 4) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

/** The evaluation as a table: one column per model. */
export function humanEvaluation(run: EvaluationRun): string {
  const reports = run.models.map((model) => model.report);
  const first = reports[0]!;
  const row = (name: string, value: (report: EvaluationReport, index: number) => string) => `  ${name.padEnd(34)}${reports.map((report, index) => value(report, index).padStart(24)).join('')}`;
  const decisions = first.decisions.thresholds;
  const lines = [
    `dataset ${run.dataset.name} (${run.dataset.hash.slice(0, 12)}), window ${run.window.from ?? '-∞'} .. ${run.window.to ?? '∞'}`,
    `  transactions ${first.rows.toLocaleString('en-US')}, fraud ${first.frauds.toLocaleString('en-US')} (${fixed(first.fraudRate * 100, 3)}%)`,
    '',
    `  ${'model'.padEnd(34)}${run.models.map((model) => model.name.slice(0, 23).padStart(24)).join('')}`,
    row('ROC AUC', (report) => fixed(report.auc)),
    row('average precision', (report) => fixed(report.averagePrecision)),
    row(`card precision@${first.cardPrecision.k}`, (report) => fixed(report.cardPrecision.mean)),
    row('AUC, known cards removed', (report) => fixed(report.knownCardsRemoved.auc)),
    row('AP, known cards removed', (report) => fixed(report.knownCardsRemoved.averagePrecision)),
    row('log loss', (report) => fixed(report.logLoss, 5)),
    row('expected calibration error', (report) => fixed(report.expectedCalibrationError, 5)),
  ];
  if (run.models.some((model) => model.calibration !== null)) {
    lines.push(row('calibration', (_, index) => run.models[index]!.calibration ?? 'none'));
    lines.push(row('log loss before calibration', (report) => (report.uncalibrated === null ? '-' : fixed(report.uncalibrated.logLoss, 5))));
    lines.push(row('ECE before calibration', (report) => (report.uncalibrated === null ? '-' : fixed(report.uncalibrated.expectedCalibrationError, 5))));
  }
  for (const [name, bar] of [['review', decisions.reviewAt], ['hold', decisions.holdAt], ['block', decisions.blockAt]] as const) {
    lines.push(row(`precision / recall, ${name} ≥ ${bar}`, (report) => `${fixed(report.decisions[name].precision, 3)} / ${fixed(report.decisions[name].recall, 3)}`));
  }
  lines.push('', '  calibration (predicted → observed fraud rate, rows):');
  first.calibration.forEach((bin, index) => {
    if (reports.every((report) => report.calibration[index]!.count === 0)) return;
    const range = `${bin.lower.toFixed(1)}–${bin.upper.toFixed(1)}`;
    lines.push(row(range, (report) => {
      const cell = report.calibration[index]!;
      return cell.count === 0 ? '-' : `${fixed(cell.meanPredicted, 3)}→${fixed(cell.observedRate, 3)} ${cell.count}`;
    }));
  });
  return `${lines.join('\n')}\n`;
}
