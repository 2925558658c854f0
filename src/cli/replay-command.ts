import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Thresholds } from '../scoring/thresholds.js';
import { identifyOrReport } from './import-command.js';
import { usageErrorsExitWithTwo } from './validate-command.js';

interface ReplayCommandOptions {
  model: string;
  out: string;
  from?: string;
  to?: string;
  thresholds?: Thresholds;
  tenantThresholds?: Thresholds;
}

/** Commander parser of `--thresholds REVIEW,HOLD,BLOCK` on the 0–1000 risk scale. */
export function thresholdList(value: string): Thresholds {
  const parts = value.split(',').map((part) => Number(part.trim()));
  const [reviewAt, holdAt, blockAt] = parts;
  const valid = parts.length === 3 && parts.every((part) => Number.isInteger(part) && part >= 0 && part <= 1000);
  if (!valid || !(reviewAt! <= holdAt! && holdAt! <= blockAt!)) {
    throw new InvalidArgumentError('expected REVIEW,HOLD,BLOCK: three integers from 0 to 1000 in increasing order, e.g. 300,600,850.');
  }
  return { reviewAt: reviewAt!, holdAt: holdAt!, blockAt: blockAt! };
}

/**
 * `sentra replay DIR --model M --out scores.csv [--from D] [--to D] [--thresholds R,H,B]`: replays
 * the dataset in time order through the feature engine and the model exactly as the API scores
 * (labels visible from labeled_at) and writes `tx_id,created_at,probability,risk_score,decision`
 * for the transactions created in the window. An unsorted dataset is sorted in memory first.
 */
export function registerReplayCommand(program: Command): void {
  usageErrorsExitWithTwo(
    program
      .command('replay')
      .description('score a dataset offline in time order exactly as the API would have, into a CSV file')
      .argument('<dir>', 'dataset folder (data contract v1)')
      .requiredOption('--model <folder>', 'model artifact folder (model.json, feature_schema.json, metadata.json)')
      .requiredOption('--out <file>', 'CSV file to write')
      .option('--from <date>', 'first day (YYYY-MM-DD, UTC) or ISO timestamp of the scored window; all rows are replayed')
      .option('--to <date>', 'last day (inclusive) or ISO timestamp (exclusive) of the scored window')
      .option('--thresholds <review,hold,block>', 'decision thresholds on the 0–1000 scale (default 300,600,850)', thresholdList)
      .addOption(new Option('--tenant-thresholds <review,hold,block>', 'the same as --thresholds').argParser(thresholdList).hideHelp())
      .action(async (dir: string, options: ReplayCommandOptions) => {
        const [{ timeWindow }, { scoreDataset }, { readArtifactFolder }, { compileModelScorer }, { BufferedFileWriter }, { csvField }, { shortestExact }] = await Promise.all([
          import('../datasets/replay/time-window.js'),
          import('../datasets/replay/score-dataset.js'),
          import('../registry/model-artifact.js'),
          import('../registry/scoring-model-loader.js'),
          import('../datasets/buffered-file-writer.js'),
          import('../datasets/record-format.js'),
          import('../model/float32-format.js'),
        ]);
        const window = timeWindow(options.from, options.to);
        const scorer = compileModelScorer(await readArtifactFolder(options.model));
        const dataset = await identifyOrReport(dir);
        if (dataset === undefined) return;
        if (!dataset.sorted) process.stderr.write('the transactions are not in time order: sorting them in memory first\n');
        const writer = new BufferedFileWriter(options.out);
        let lines: string[] = ['tx_id,created_at,probability,risk_score,decision\n'];
        let scored = 0;
        let nextReport = 200_000;
        try {
          const summary = await scoreDataset(dir, {
            scorer,
            sorted: dataset.sorted,
            window,
            thresholds: options.thresholds ?? options.tenantThresholds,
            onScore(score) {
              scored++;
              lines.push(`${csvField(score.record.txId)},${new Date(score.record.createdAt).toISOString()},${shortestExact(score.probability)},${score.riskScore},${score.decision}\n`);
            },
            async onChunk(replayed) {
              if (replayed >= nextReport) {
                process.stderr.write(`replayed ${replayed.toLocaleString('en-US')} rows\n`);
                nextReport += 200_000;
              }
              await writer.write(lines.join(''));
              lines = [];
            },
          });
          await writer.write(lines.join(''));
          await writer.commit();
          const seconds = summary.durationMs / 1000;
          process.stdout.write(
            `replayed ${summary.transactions.toLocaleString('en-US')} transactions (${summary.labels.toLocaleString('en-US')} labels) in ${seconds.toFixed(1)} s ` +
              `(${Math.round(summary.transactions / Math.max(seconds, 0.001)).toLocaleString('en-US')} tx/s); wrote ${scored.toLocaleString('en-US')} scores to ${options.out}\n`,
          );
        } catch (error) {
          await writer.abort();
          throw error;
        }
      }),
  );
}
