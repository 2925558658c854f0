import type { Command } from 'commander';
import { registerAuditCommand } from './audit-command.js';
import { registerEvaluateCommand } from './evaluate-command.js';
import { registerExportDatasetCommand } from './export-dataset-command.js';
import { registerImportCommand } from './import-command.js';
import { registerListsCommand } from './lists-command.js';
import { registerMigrateCommand } from './migrate-command.js';
import { registerModelsCommand } from './models-command.js';
import { registerModelCommand } from './model-command.js';
import { registerPrepareCommand } from './prepare-command.js';
import { registerReplayCommand } from './replay-command.js';
import { registerRulesCommand } from './rules-command.js';
import { registerServeCommand } from './serve-command.js';
import { registerSimulateCommand } from './simulate-command.js';
import { registerTokensCommand } from './tokens-command.js';
import { registerTrainCommand } from './train-command.js';
import { registerValidateCommand } from './validate-command.js';
import { registerWorkerCommand } from './worker-command.js';

/** Adds one command (and its subcommands) to the program. */
export type RegisterCommand = (program: Command) => void;

/** Every command of the `sentra` CLI; each lives in its own file. */
export const commands: RegisterCommand[] = [
  registerServeCommand,
  registerMigrateCommand,
  registerPrepareCommand,
  registerValidateCommand,
  registerSimulateCommand,
  registerImportCommand,
  registerExportDatasetCommand,
  registerReplayCommand,
  registerTrainCommand,
  registerEvaluateCommand,
  registerModelsCommand,
  registerModelCommand,
  registerListsCommand,
  registerRulesCommand,
  registerWorkerCommand,
  registerTokensCommand,
  registerAuditCommand,
];

/**
 * Commands that open the embedded database for a moment (a lookup, a row or two) and exit. V8 tiers a
 * hot WebAssembly function up to its optimising compiler in the background, and PostgreSQL's own start
 * makes some of its largest functions hot enough; a process does not exit before such a compilation
 * ends. That held each of these commands about 0.3-0.6 s past its work and doubled its peak memory
 * (301 against 643 MiB for `models list`), for code it never ran. Their processes raise the tiering
 * budget ({@link briefTieringBudget}) so that nothing is tiered up in so short a life. Every other
 * command keeps V8's default: an import, a training run or a server runs long enough to gain from it.
 */
export const briefCommands: readonly string[] = ['tokens', 'models'];

/** V8's `--wasm-tiering-budget` for {@link briefCommands} (the default is 13,000,000). */
export const briefTieringBudget = 2_000_000_000;
