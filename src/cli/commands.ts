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
