import { InvalidArgumentError, type Command } from 'commander';
import { cliActor, openConfiguredDatabase } from './import-command.js';
import { usageErrorsExitWithTwo } from './validate-command.js';

interface ExportOptions {
  from: Date;
  to: Date;
  out: string;
  tenant: string;
  json?: boolean;
}

function parseTime(value: string): Date {
  const time = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(time.getTime())) throw new InvalidArgumentError('expected an ISO date or date-time, e.g. 2026-11-01 or 2026-11-01T00:00:00Z.');
  return time;
}

/**
 * `sentra export-dataset --from --to --out DIR [--tenant ID]`: the store's payments of a window as
 * a data contract v1 dataset (it passes `sentra validate`, and `sentra import` reads it back).
 */
export function registerExportDatasetCommand(program: Command): void {
  usageErrorsExitWithTwo(
    program
      .command('export-dataset')
      .description('write the stored payments, labels, entities and KYC references of a window as a data contract v1 dataset')
      .requiredOption('--from <time>', 'first created_at included (ISO date or date-time)', parseTime)
      .requiredOption('--to <time>', 'created_at before which to stop (exclusive)', parseTime)
      .requiredOption('--out <dir>', 'dataset folder to write (created if missing)')
      .option('--tenant <id>', 'tenant', 'default')
      .option('--json', 'print the summary as JSON')
      .action(async (options: ExportOptions, command: Command) => {
        if (options.from.getTime() >= options.to.getTime()) command.error('error: --to must be after --from.', { exitCode: 2 });
        const { exportDataset } = await import('../datasets/export-dataset.js');
        const database = await openConfiguredDatabase();
        try {
          const summary = await exportDataset(database.db, { tenantId: options.tenant, from: options.from, to: options.to, out: options.out, actor: cliActor(), at: new Date() });
          if (options.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
          else {
            process.stdout.write(
              `exported ${summary.transactions} transactions, ${summary.labels} labels, ${summary.entities} entities and ${summary.kycRefs} KYC references of tenant ${options.tenant} to ${options.out}\n`,
            );
            if (summary.entitiesWithoutType > 0) process.stdout.write(`left out ${summary.entitiesWithoutType} entities the store knows without a type (data contract v1 requires entity_type)\n`);
          }
        } finally {
          await database.close();
        }
      }),
  );
}
