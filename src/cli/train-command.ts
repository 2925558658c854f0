import { InvalidArgumentError, Option, type Command } from 'commander';
import type { TrainParams } from '../model/train/params.js';
import { identifyOrReport } from './import-command.js';
import { usageErrorsExitWithTwo, wholeNumber } from './validate-command.js';

interface TrainCommandOptions {
  trainFrom?: string;
  trainTo?: string;
  /** `--from` / `--to`: the training window's other spelling. */
  from?: string;
  to?: string;
  fromStore?: boolean;
  tenant: string;
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
  calibration?: 'platt' | 'isotonic' | 'none';
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

/** Refuses the command's usage with exit code 2 (nothing is read or written). */
async function usageError(message: string): Promise<never> {
  const { SentraError } = await import('../errors/errors.js');
  throw new SentraError('SENTRA_ERR_VALIDATION', message);
}

/** The training window's bounds, given as `--train-from/--train-to` or as `--from/--to` (one spelling, not both). */
async function trainingBounds(options: TrainCommandOptions): Promise<{ from: string; to: string }> {
  if ((options.trainFrom !== undefined && options.from !== undefined) || (options.trainTo !== undefined && options.to !== undefined)) {
    return usageError('give the training window once: --train-from/--train-to or --from/--to');
  }
  const from = options.trainFrom ?? options.from;
  const to = options.trainTo ?? options.to;
  if (from === undefined || to === undefined) return usageError('give the training window: --train-from and --train-to (or --from and --to)');
  return { from, to };
}

/**
 * `sentra train DIR --train-from D --train-to D [--valid-from D --valid-to D] --out M [...]`:
 * replays the whole dataset for point-in-time features, trains gradient-boosted trees on the
 * training window (target = final fraud label) and writes the artifact folder M (model.json,
 * feature_schema.json, metadata.json with windows, counts, parameters and validation metrics).
 * `sentra train --from-store --from D --to D [--tenant ID] --out M [...]` trains on the configured
 * store instead (DATABASE_URL, else the embedded data folder): the tenant's stored payments up to the
 * end of the last window, their effective labels, entities and KYC references, replayed exactly as a
 * dataset from `sentra export-dataset` would be (see src/training/store-dataset.ts).
 * With a validation window and no model parameter given, it searches the parameters there
 * (`--tune`, see src/training/tuning-grid.ts). Progress goes to stderr.
 */
export function registerTrainCommand(program: Command): void {
  usageErrorsExitWithTwo(
    program
      .command('train')
      .description('train a gradient-boosted model on replayed point-in-time features and write its artifact folder')
      .argument('[dir]', 'dataset folder (data contract v1); leave out with --from-store')
      .option('--from-store', 'train on the payments and labels in the configured store instead of a dataset folder')
      .option('--tenant <id>', 'tenant whose store to train on (with --from-store)', 'default')
      .option('--train-from <date>', 'first day of the training window (YYYY-MM-DD, UTC)')
      .option('--train-to <date>', 'last day of the training window (inclusive)')
      .option('--from <date>', 'same as --train-from')
      .option('--to <date>', 'same as --train-to')
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
      .addOption(
        new Option('--calibration <method>', 'calibrate the probability on the validation window: platt (default), isotonic or none').choices(['platt', 'isotonic', 'none']),
      )
      .action(async (dir: string | undefined, options: TrainCommandOptions, command: Command) => {
        const [{ timeWindow }, { trainFromDataset }] = await Promise.all([import('../datasets/replay/time-window.js'), import('../training/train-pipeline.js')]);
        if (options.fromStore === true && dir !== undefined) return usageError('give a dataset folder or --from-store, not both');
        if (options.fromStore !== true && dir === undefined) return usageError('give a dataset folder, or --from-store to train on the configured store');
        if (options.fromStore !== true && command.getOptionValueSource('tenant') === 'cli') return usageError('--tenant applies to --from-store only');
        if ((options.validFrom === undefined) !== (options.validTo === undefined)) return usageError('give both --valid-from and --valid-to, or neither');
        const bounds = await trainingBounds(options);
        const trainWindow = timeWindow(bounds.from, bounds.to);
        const validWindow = options.validFrom === undefined ? undefined : timeWindow(options.validFrom, options.validTo);
        const params = paramsOf(options);
        const tune = options.tune ?? (validWindow !== undefined && Object.keys(params).every((name) => name === 'seed' || name === 'max_bin'));
        if (tune && validWindow === undefined) return usageError('--tune needs a validation window (--valid-from and --valid-to)');
        if (options.calibration !== undefined && options.calibration !== 'none' && validWindow === undefined) {
          return usageError('--calibration needs a validation window (--valid-from and --valid-to) to fit on');
        }
        const started = performance.now();
        const train = async (datasetDir: string, name: string | undefined) => {
          const dataset = await identifyOrReport(datasetDir);
          if (dataset === undefined) return undefined;
          return trainFromDataset({
            dataset,
            trainWindow,
            validWindow,
            out: options.out,
            name: options.name ?? name,
            params,
            tune,
            calibration: options.calibration,
            threads: options.threads,
            log: (line) => process.stderr.write(`${line}\n`),
          });
        };
        const trained = dir !== undefined ? await train(dir, undefined) : await trainOnStore(options.tenant, Math.max(trainWindow.endMs, validWindow?.endMs ?? 0), train);
        if (trained === undefined) return;
        const { artifact } = trained;
        const metadata = artifact.metadata as { name: string; trees: number; training: { rows: number; frauds: number } };
        process.stdout.write(
          `wrote ${options.out}: ${metadata.name}, ${metadata.trees} trees, trained on ${metadata.training.rows.toLocaleString('en-US')} rows ` +
            `(${metadata.training.frauds.toLocaleString('en-US')} fraud) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
        );
      }),
  );
}

/**
 * Writes the tenant's stored history up to `endMs` as a dataset in a temporary folder (the store is
 * closed again before training starts, so a long training holds no connection or data folder lock),
 * trains on it, and removes the folder.
 */
async function trainOnStore<T>(tenant: string, endMs: number, train: (dir: string, name: string) => Promise<T>): Promise<T> {
  if (!Number.isFinite(endMs)) return usageError('--from-store needs closed windows');
  const [{ exportStoreHistory }, { cliActor, openConfiguredDatabase }, { mkdtemp, rm }, { tmpdir }, { join }] = await Promise.all([
    import('../training/store-dataset.js'),
    import('./import-command.js'),
    import('node:fs/promises'),
    import('node:os'),
    import('node:path'),
  ]);
  const dir = await mkdtemp(join(tmpdir(), 'sentra-store-history-'));
  try {
    const database = await openConfiguredDatabase();
    try {
      const summary = await exportStoreHistory(database.db, { tenantId: tenant, endMs, out: dir, actor: cliActor(), at: new Date() });
      process.stderr.write(`read ${summary.transactions.toLocaleString('en-US')} stored payments and ${summary.labels.toLocaleString('en-US')} labels of tenant ${tenant} (${database.kind})\n`);
    } finally {
      await database.close();
    }
    return await train(dir, `store-${tenant}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
