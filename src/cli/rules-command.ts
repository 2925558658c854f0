import { InvalidArgumentError, type Command } from 'commander';
import type { RuleAction } from '../rules/rule-action.js';
import type { Thresholds } from '../scoring/thresholds.js';
import { identifyOrReport } from './import-command.js';
import { thresholdList } from './replay-command.js';
import { usageErrorsExitWithTwo } from './validate-command.js';

interface BacktestCommandOptions {
  expression: string;
  action: RuleAction;
  model?: string;
  thresholds?: Thresholds;
  from?: string;
  to?: string;
  json?: boolean;
}

/** Commander parser of `--action BLOCK|HOLD|REVIEW|ALLOW|score:+N`. */
function ruleAction(value: string): RuleAction {
  const upper = value.trim().toUpperCase();
  if (upper === 'BLOCK' || upper === 'HOLD' || upper === 'REVIEW' || upper === 'ALLOW') return upper;
  const points = /^SCORE:([+-]?\d{1,4})$/.exec(upper);
  if (points !== null && Number(points[1]) !== 0 && Math.abs(Number(points[1])) <= 1000) return { score: Number(points[1]) };
  throw new InvalidArgumentError('expected BLOCK, HOLD, REVIEW, ALLOW or score:+N (N from -1000 to 1000, not 0).');
}

/**
 * `sentra rules backtest DIR --expression E --action A`: replays a dataset folder in time order
 * through the feature engine and a model exactly as the API scores (labels visible from labeled_at),
 * evaluates the draft rule on each transaction of the window, and prints what `POST
 * /v1/rules/backtest` answers for stored decisions: hits by decision, labels (each transaction's
 * effective label in the dataset), precision, fraud the model let pass that the draft catches, the
 * review-rate change and example hits. Lists are not part of a dataset: an expression naming one is
 * refused.
 */
export function registerRulesCommand(program: Command): void {
  const rules = program.command('rules').description('rules: backtest a draft rule on a dataset');
  usageErrorsExitWithTwo(
    rules
      .command('backtest')
      .description('backtest a draft rule on a dataset folder (data contract v1), offline')
      .argument('<dir>', 'dataset folder')
      .requiredOption('--expression <cel>', 'the rule condition in CEL (docs/api.md "Rules")')
      .requiredOption('--action <action>', 'BLOCK, HOLD, REVIEW, ALLOW or score:+N', ruleAction)
      .option('--model <folder>', 'model artifact folder (default: the model Sentra ships)')
      .option('--thresholds <review,hold,block>', 'decision thresholds on the 0–1000 scale (default 300,600,850)', thresholdList)
      .option('--from <date>', 'first day (YYYY-MM-DD, UTC) or ISO timestamp of the window; all rows are replayed')
      .option('--to <date>', 'last day (inclusive) or ISO timestamp (exclusive) of the window')
      .option('--json', 'print the result as JSON')
      .action(async (dir: string, options: BacktestCommandOptions) => {
        const { backtestDataset } = await import('../datasets/replay/backtest-dataset.js');
        const dataset = await identifyOrReport(dir);
        if (dataset === undefined) return;
        const outcome = await backtestDataset(dir, { ...options, sorted: dataset.sorted });
        if (!outcome.ok) {
          for (const problem of outcome.problems) process.stderr.write(`${problem.code}: ${problem.message}\n`);
          process.exitCode = 2;
          return;
        }
        const { result } = outcome;
        if (options.json === true) {
          process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
          return;
        }
        const amounts = (amount: Record<string, number>) => Object.entries(amount).map(([currency, value]) => `${value} ${currency}`).join(', ') || '0';
        const lines = [
          `Evaluated ${result.evaluated} transactions (${result.errors} run-time errors${result.first_error === null ? '' : `, first: ${result.first_error}`}).`,
          `Hits: ${result.hits.transactions} transactions, ${amounts(result.hits.amount)}.`,
          ...Object.entries(result.hits_by_decision).map(([decision, volume]) => `  ${decision}: ${volume.transactions} transactions, ${amounts(volume.amount)}`),
          `Labels of the hits: ${result.labels.fraud} fraud, ${result.labels.legit} legit, ${result.labels.unlabelled} unlabelled; precision ${result.precision ?? 'n/a'}.`,
          `Fraud the model let pass that the draft catches: ${result.fraud_caught_missed_today}.`,
          `Review rate: ${result.review_rate.before} → ${result.review_rate.after} (${result.review_rate.change >= 0 ? '+' : ''}${result.review_rate.change}); decisions changed: ${result.decisions_changed}.`,
          ...result.examples.slice(0, 10).map((example) => `  ${example.tx_id} ${example.at} ${example.amount} ${example.currency} ${example.stored_decision} → ${example.decision_with_rule} (${example.label ?? 'unlabelled'})`),
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      }),
  );
}
