import { InvalidArgumentError, Option, type Command } from 'commander';
import { simulateDataset, type SimulationSummary } from '../datasets/simulator/simulate-dataset.js';
import { scenarioNames, simulationDefaults, spendingKinds, type ScenarioName, type SpendingKind } from '../datasets/simulator/simulation-options.js';
import { usageErrorsExitWithTwo, wholeNumber } from './validate-command.js';

interface SimulateCommandOptions {
  out: string;
  seed: number;
  customers: number;
  terminals: number;
  start: string;
  days: number;
  labelDelayDays: number;
  scenarios: ScenarioName[];
  format: string;
  spending: SpendingKind;
  force?: boolean;
  json?: boolean;
}

function scenarioList(value: string): ScenarioName[] {
  const names = value.split(',').map((name) => name.trim()).filter((name) => name !== '');
  const unknown = names.filter((name) => !(scenarioNames as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0) {
    throw new InvalidArgumentError(`expected a comma-separated list of ${scenarioNames.join(', ')}${unknown.length > 0 ? `; unknown: ${unknown.join(', ')}` : ''}.`);
  }
  return names as ScenarioName[];
}

function formatName(value: string): string {
  if (value !== 'csv' && value !== 'jsonl') throw new InvalidArgumentError('expected csv or jsonl.');
  return value;
}

/**
 * `sentra simulate --out DIR [...]`: writes a seeded, deterministic contract-v1 dataset with
 * labels: the fraud-detection handbook's card simulation plus online account takeover,
 * device-sharing, datacenter-IP and card-testing scenarios (`--scenarios card` gives the pure
 * handbook data). Exit 0 on success, 2 on usage errors or when DIR already holds a dataset
 * (without --force).
 */
export function registerSimulateCommand(program: Command): void {
  const defaults = simulationDefaults;
  usageErrorsExitWithTwo(
    program
      .command('simulate')
      .description('write a realistic, labelled contract-v1 dataset (seeded and deterministic)')
      .requiredOption('--out <dir>', 'folder to write (created if needed)')
      .option('--seed <n>', 'PRNG seed; the same seed and options give byte-identical files', wholeNumber(0), defaults.seed)
      .option('--customers <n>', 'card holders on the 100×100 plane', wholeNumber(1), defaults.customers)
      .option('--terminals <n>', 'terminals on the plane', wholeNumber(1), defaults.terminals)
      .option('--start <date>', 'first day, YYYY-MM-DD (UTC)', defaults.start)
      .option('--days <n>', 'number of days', wholeNumber(1), defaults.days)
      .option('--label-delay-days <n>', 'days from a fraud to its label', wholeNumber(0), defaults.labelDelayDays)
      .addOption(
        new Option('--scenarios <list>', 'comma-separated scenario families; card alone gives the pure handbook data')
          .argParser(scenarioList)
          .default([...defaults.scenarios], defaults.scenarios.join(',')),
      )
      .option('--format <format>', 'transactions file format: csv or jsonl', formatName, defaults.format)
      .addOption(
        new Option('--spending <kind>', 'handbook: mean amounts 5-100 USD and every card payment over 220 USD is fraud; broad: 5-800 USD, no amount rule')
          .choices([...spendingKinds])
          .default(defaults.spending),
      )
      .option('--force', 'replace the dataset files already in the folder')
      .option('--json', 'print the summary as JSON')
      .action(async (options: SimulateCommandOptions) => {
        const summary = await simulateDataset(
          options.out,
          {
            seed: options.seed,
            customers: options.customers,
            terminals: options.terminals,
            start: options.start,
            days: options.days,
            labelDelayDays: options.labelDelayDays,
            scenarios: options.scenarios,
            format: options.format === 'jsonl' ? 'jsonl' : 'csv',
            spending: options.spending,
          },
          options.force === true,
        );
        process.stdout.write(options.json ? `${JSON.stringify(summary, null, 2)}\n` : humanSummary(summary));
      }),
  );
}

function humanSummary(summary: SimulationSummary): string {
  const number = (value: number): string => value.toLocaleString('en-US');
  const seconds = summary.durationMs / 1000;
  const lines = [
    `wrote ${summary.out} (seed ${summary.options.seed}, scenarios ${summary.options.scenarios.join(',')}, ${summary.options.spending} spending, ${summary.options.format})`,
    `  transactions: ${number(summary.transactions)} in ${seconds.toFixed(1)} s (${number(Math.round(summary.transactions / Math.max(seconds, 0.001)))} rows/s)`,
    `  fraud: ${number(summary.fraudTransactions)} (${(summary.fraudRate * 100).toFixed(3)}%), one label each`,
  ];
  for (const [reason, count] of Object.entries(summary.fraudByReason)) {
    if (count > 0) lines.push(`    ${reason}: ${number(count)}`);
  }
  lines.push(`  entities: ${number(summary.entities)}, kyc refs: ${number(summary.kycRefs)}`);
  return `${lines.join('\n')}\n`;
}
