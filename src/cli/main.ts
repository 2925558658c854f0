#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
import { Command, CommanderError } from 'commander';
import { SentraError } from '../errors/errors.js';
import { briefCommands, briefTieringBudget, commands } from './commands.js';

/** The `sentra` command line: one file per command, registered in commands.ts. */
async function main(argv: string[]): Promise<number> {
  // Before any command starts the database worker, whose WebAssembly module reads the budget.
  if (briefCommands.includes(argv[2] ?? '')) setFlagsFromString(`--wasm-tiering-budget=${briefTieringBudget}`);
  const program = new Command('sentra')
    .description('Sentra: real-time payment risk scoring, models and data tools')
    .exitOverride()
    .showHelpAfterError();
  for (const register of commands) register(program);
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof SentraError) {
      process.stderr.write(`sentra: ${error.code}: ${error.message}\n`);
      for (const detail of error.details) process.stderr.write(`  ${detail.path}: ${detail.code}: ${detail.message}\n`);
      return 2;
    }
    process.stderr.write(`sentra: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 2;
  }
}

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`sentra: ${String(error)}\n`);
    process.exitCode = 2;
  },
);
