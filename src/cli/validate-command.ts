import { CommanderError, InvalidArgumentError, type Command } from 'commander';
import { datasetProblemCodes, type DatasetProblemCode } from '../datasets/problem-codes.js';
import { formatProblem } from '../datasets/dataset-problem.js';
import { validateDataset, type ValidationReport } from '../datasets/validate-dataset.js';
import { SentraError } from '../errors/errors.js';

/**
 * Makes a command's usage errors (unknown option, missing argument, bad value) exit with code 2,
 * keeping 1 for "the input is invalid" answers such as `sentra validate` on a bad dataset.
 * Help output keeps exit code 0.
 */
export function usageErrorsExitWithTwo(command: Command): Command {
  return command.exitOverride((error) => {
    throw error.exitCode === 0 ? error : new CommanderError(2, error.code, error.message);
  });
}

/** Commander option parser for a whole number of at least `minimum`. */
export function wholeNumber(minimum: number): (value: string) => number {
  return (value) => {
    if (!/^\d+$/.test(value) || Number(value) < minimum || !Number.isSafeInteger(Number(value))) {
      throw new InvalidArgumentError(`expected a whole number of at least ${minimum}.`);
    }
    return Number(value);
  };
}

interface ValidateCommandOptions {
  json?: boolean;
  maxProblems: number;
}

/**
 * `sentra validate DIR [--json] [--max-problems N]`: checks a dataset folder against data contract
 * v1. Prints every listed problem as `file:line:column: CODE: message`, then a summary. Exit code
 * 0 when the dataset is valid (warnings allowed), 1 when it has errors, 2 on usage or I/O errors
 * (e.g. the folder does not exist). With --json the report object is printed instead (and, on an
 * I/O error, `{"error":{code,message}}`).
 */
export function registerValidateCommand(program: Command): void {
  usageErrorsExitWithTwo(
    program
      .command('validate')
      .description('check a dataset folder against data contract v1 (exit 0 valid, 1 invalid, 2 usage/IO error)')
      .argument('<dir>', 'dataset folder: manifest.json, transactions.csv|jsonl, labels.csv, entities.csv, kyc_refs.csv')
      .option('--json', 'print the report as JSON')
      .option('--max-problems <count>', 'errors (and warnings) to list; all are counted', wholeNumber(0), 1000)
      .action(async (dir: string, options: ValidateCommandOptions) => {
        let report: ValidationReport;
        try {
          report = await validateDataset(dir, { maxProblems: options.maxProblems });
        } catch (error) {
          if (!options.json || !(error instanceof SentraError)) throw error;
          process.stdout.write(`${JSON.stringify({ error: { code: error.code, message: error.message } })}\n`);
          process.exitCode = 2;
          return;
        }
        process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : humanReport(report));
        process.exitCode = report.valid ? 0 : 1;
      }),
  );
}

/** The human validation report: problems, then the summary (what `sentra validate` prints). */
export function humanReport(report: ValidationReport): string {
  const lines: string[] = [];
  for (const problem of report.problems) lines.push(formatProblem(problem));
  for (const warning of report.warnings) lines.push(`warning: ${formatProblem(warning)}`);
  if (lines.length > 0) lines.push('');
  const plural = (count: number, word: string): string => `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;
  lines.push(`${report.dir}: ${report.valid ? 'VALID' : 'INVALID'} (${plural(report.errorCount, 'error')}, ${plural(report.warningCount, 'warning')})`);
  if (report.manifest !== undefined) lines.push(`  manifest.json: contract_version ${report.manifest.contract_version}, name ${JSON.stringify(report.manifest.name)}`);
  for (const [file, counts] of Object.entries(report.counts)) {
    const extra = file === 'labels.csv' ? ` (fraud ${report.labelCounts.fraud.toLocaleString('en-US')}, legit ${report.labelCounts.legit.toLocaleString('en-US')})` : '';
    lines.push(`  ${file}: ${plural(counts.rows, 'row')}${extra}, ${counts.rowsWithErrors.toLocaleString('en-US')} with errors`);
  }
  if (report.createdAtRange !== undefined) lines.push(`  created_at from ${report.createdAtRange.first} to ${report.createdAtRange.last}`);
  appendCounts(lines, 'errors by code', report.problemCountsByCode);
  appendCounts(lines, 'warnings by code', report.warningCountsByCode);
  if (report.problems.length < report.errorCount || report.warnings.length < report.warningCount) {
    lines.push(`  listed ${report.problems.length} of ${report.errorCount} errors and ${report.warnings.length} of ${report.warningCount} warnings (--max-problems)`);
  }
  lines.push(`  checked in ${report.durationMs} ms`);
  return `${lines.join('\n')}\n`;
}

function appendCounts(lines: string[], title: string, counts: Partial<Record<DatasetProblemCode, number>>): void {
  const present = datasetProblemCodes.filter((code) => (counts[code] ?? 0) > 0);
  if (present.length === 0) return;
  lines.push(`  ${title}:`);
  for (const code of present) lines.push(`    ${code}: ${counts[code]!.toLocaleString('en-US')}`);
}
