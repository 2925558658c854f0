import { InvalidArgumentError, Option, type Command } from 'commander';
import type { TrainParams } from '../model/train/params.js';
import { identifyOrReport } from './import-command.js';
import { usageErrorsExitWithTwo, wholeNumber } from './validate-command.js';

interface TrainCommandOptions {
  trainFrom: string;
  trainTo: string;
  validFrom?: string;
  validTo?: string;
  out: string;
  name?: string;
  trees?: number;
  depth?: number;
  eta?: number;
  minChildWeight?: number;
  lambda?: number;
  gamma?: number;
  subsample?: number;
  colsample?: number;
  scalePosWeight?: number;
  earlyStopping?: number;
  maxBin?: number;
  seed?: number;
  threads?: number;
  tune?: boolean;
}

function decimal(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number)) throw new InvalidArgumentError('expected a number.');
  return number;
}

/** The trainer's parameters from the command's options (only those given; the trainer checks ranges). */
function paramsOf(options: TrainCommandOptions): Partial<TrainParams> {
  const entries: [keyof TrainParams, number | undefined][] = [
    ['n_estimators', options.trees],
    ['max_depth', options.depth],
    ['eta', options.eta],
    ['min_child_weight', options.minChildWeight],
    ['lambda', options.lambda],
    ['gamma', options.gamma],
    ['subsample', options.subsample],
    ['colsample_bytree', options.colsample],
    ['scale_pos_weight', options.scalePosWeight],
    ['early_stopping_rounds', options.earlyStopping],
    ['max_bin', options.maxBin],
    ['seed', options.seed],
  ];
  return Object.fromEntries(entries.filter(([, value]) => value !== undefined)) as Partial<TrainParams>;
}

/**
 * `sentra train DIR --train-from D --train-to D [--valid-from D --valid-to D] --out M [...]`:
 * replays the whole dataset for point-in-time features, trains gradient-boosted trees on the
 * training window (target = final fraud label) and writes the artifact folder M (model.json,
 * feature_schema.json, metadata.json with windows, counts, parameters and validation metrics).
 * With a validation window and no model parameter given, it searches the parameters there
 * (`--tune`, see src/training/tuning-grid.ts). Progress goes to stderr.
 */
export function registerTrainCommand(program: Command): void {
  usageErrorsExitWithTwo(
    program
      .command('train')
      .description('train a gradient-boosted model on replayed point-in-time features and write its artifact folder')
      .argument('<dir>', 'dataset folder (data contract v1)')
      .requiredOption('--train-from <date>', 'first day of the training window (YYYY-MM-DD, UTC)')
      .requiredOption('--train-to <date>', 'last day of the training window (inclusive)')
      .option('--valid-from <date>', 'first day of the validation window (early stopping, metrics)')
      .option('--valid-to <date>', 'last day of the validation window (inclusive)')
      .requiredOption('--out <folder>', 'artifact folder to write')
      .option('--name <name>', 'model name in metadata.json (default: the dataset name)')
      .option('--trees <n>', 'boosting rounds (default 100)', wholeNumber(1))
      .option('--depth <n>', 'maximum tree depth 1-12 (default 6)', wholeNumber(1))
      .option('--eta <x>', 'learning rate (default 0.1)', decimal)
      .option('--min-child-weight <x>', 'minimum hessian sum in a child (default 1)', decimal)
      .option('--lambda <x>', 'L2 regularization of leaves (default 1)', decimal)
      .option('--gamma <x>', 'minimum loss reduction of a split (default 0)', decimal)
      .option('--subsample <x>', 'share of rows per tree (default 1)', decimal)
      .option('--colsample <x>', 'share of features per tree (default 1)', decimal)
      .option('--scale-pos-weight <x>', 'weight of fraud rows (default 1)', decimal)
      .option('--early-stopping <n>', 'stop after n rounds without validation improvement (needs a validation window)', wholeNumber(1))
      .addOption(new Option('--max-bin <n>', 'histogram bins per feature (default 256)').argParser(wholeNumber(2)).hideHelp())
      .option('--seed <n>', 'sampling seed (default 0)', wholeNumber(0))
      .option('--threads <n>', 'histogram threads (default: automatic)', wholeNumber(1))
      .option('--tune', 'search the parameters on the validation window, early stopping each candidate (default with a validation window and no model parameter given); given parameters are pinned')
      .option('--no-tune', 'train once with the given (or default) parameters')
      .action(async (dir: string, options: TrainCommandOptions) => {
        const [{ timeWindow }, { trainFromDataset }] = await Promise.all([import('../datasets/replay/time-window.js'), import('../training/train-pipeline.js')]);
        if ((options.validFrom === undefined) !== (options.validTo === undefined)) {
          const { SentraError } = await import('../errors/errors.js');
          throw new SentraError('SENTRA_ERR_VALIDATION', 'give both --valid-from and --valid-to, or neither');
        }
        const trainWindow = timeWindow(options.trainFrom, options.trainTo);
        const validWindow = options.validFrom === undefined ? undefined : timeWindow(options.validFrom, options.validTo);
        const params = paramsOf(options);
        const tune = options.tune ?? (validWindow !== undefined && Object.keys(params).every((name) => name === 'seed' || name === 'max_bin'));
        if (tune && validWindow === undefined) {
          const { SentraError } = await import('../errors/errors.js');
          throw new SentraError('SENTRA_ERR_VALIDATION', '--tune needs a validation window (--valid-from and --valid-to)');
        }
        const dataset = await identifyOrReport(dir);
        if (dataset === undefined) return;
        const started = performance.now();
        const { artifact } = await trainFromDataset({
          dataset,
          trainWindow,
          validWindow,
          out: options.out,
          name: options.name,
          params,
          tune,
          threads: options.threads,
          log: (line) => process.stderr.write(`${line}\n`),
        });
        const metadata = artifact.metadata as { name: string; trees: number; training: { rows: number; frauds: number } };
        process.stdout.write(
          `wrote ${options.out}: ${metadata.name}, ${metadata.trees} trees, trained on ${metadata.training.rows.toLocaleString('en-US')} rows ` +
            `(${metadata.training.frauds.toLocaleString('en-US')} fraud) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
        );
      }),
  );
}
