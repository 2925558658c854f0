import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { compilePredictor } from '../model/predictor/predictor.js';
import { parseXgboostModel } from '../model/xgboost/parse-model.js';
import type { TreeEnsemble } from '../model/tree-ensemble.js';
import { SentraError } from '../errors/errors.js';
import { usageErrorsExitWithTwo } from './validate-command.js';

interface PredictOptions {
  model: string;
  input: string;
  margin?: boolean;
}

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new SentraError('SENTRA_ERR_NOT_FOUND', `Cannot read the ${what} file ${file} (${reason}).`, {
      details: [{ code: 'unreadable', path: file, message: reason }],
    });
  }
}

/** Reads an XGBoost JSON model file; bad JSON or an unsupported model is a SENTRA_ERR_MODEL_FORMAT error. */
export function readModelFile(file: string): TreeEnsemble {
  const text = readText(file, 'model');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SentraError('SENTRA_ERR_MODEL_FORMAT', `The model file ${file} is not valid JSON: ${reason}`, { details: [{ code: 'json', path: file, message: reason }] });
  }
  return parseXgboostModel(json);
}

/** Parses JSONL rows (`[1.5, null, 3]`, null = missing) of exactly `featureCount` values. */
export function parseRows(text: string, file: string, featureCount: number): number[][] {
  const rows: number[][] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `${file}:${index + 1}`;
    const fail = (code: string, message: string): never => {
      throw new SentraError('SENTRA_ERR_VALIDATION', `${where}: ${message}`, { details: [{ code, path: where, message }] });
    };
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      fail('json', 'the line is not valid JSON');
    }
    if (!Array.isArray(value)) return fail('type', 'a row must be a JSON array of numbers (null for missing)');
    if (value.length !== featureCount) fail('feature_count', `feature count mismatch: the model expects ${featureCount} values, the row has ${value.length}`);
    rows.push(
      value.map((item: unknown, position) => {
        if (item === null) return Number.NaN;
        if (typeof item !== 'number') return fail('type', `value ${position} must be a number or null, got ${JSON.stringify(item)}`);
        return item;
      }),
    );
  });
  return rows;
}

/**
 * `sentra model predict --model FILE --input FILE.jsonl [--margin]`: prints one probability (or raw
 * margin) per input row, exactly as XGBoost would predict it, so parity can be checked from the
 * shell. Exit code 2 with `sentra: CODE: message` (and the JSON path or file:line) on bad input.
 */
export function registerModelCommand(program: Command): void {
  const model = program.commands.find((command) => command.name() === 'model') ?? program.command('model').description('gradient-boosted tree models');
  usageErrorsExitWithTwo(
    model
      .command('predict')
      .description('print one probability per line for rows given as JSON arrays (null = missing)')
      .requiredOption('--model <file>', 'XGBoost JSON model (binary:logistic, reg:logistic, reg:squarederror, ...)')
      .requiredOption('--input <file>', 'JSONL file: one JSON array of feature values per line, null for missing')
      .option('--margin', 'print raw margins (log-odds) instead of probabilities')
      .action((options: PredictOptions) => {
        const ensemble = readModelFile(options.model);
        const rows = parseRows(readText(options.input, 'input'), options.input, ensemble.featureCount);
        const predictor = compilePredictor(ensemble);
        const lines = rows.map((row) => String(options.margin === true ? predictor.margin(row) : predictor.probability(row)));
        process.stdout.write(lines.length === 0 ? '' : `${lines.join('\n')}\n`);
      }),
  );
}
