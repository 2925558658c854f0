import type { Command } from 'commander';
import type { DatasetIdentity } from '../datasets/replay/dataset-identity.js';
import type { DatabaseHandle } from '../platform/database.js';
import type { ImportSummary } from '../datasets/import/import-dataset.js';
import { usageErrorsExitWithTwo } from './validate-command.js';

/**
 * Validates a dataset for a command that reads it (import, replay, train, evaluate). When it is
 * invalid, prints the validation report (as `sentra validate` does), sets exit code 1 and returns
 * undefined: nothing is imported, replayed or trained from an invalid dataset.
 */
export async function identifyOrReport(dir: string): Promise<DatasetIdentity | undefined> {
  const [{ identifyDataset, InvalidDatasetError }, { humanReport }] = await Promise.all([import('../datasets/replay/dataset-identity.js'), import('./validate-command.js')]);
  try {
    return await identifyDataset(dir);
  } catch (error) {
    if (!(error instanceof InvalidDatasetError)) throw error;
    process.stdout.write(humanReport(error.report));
    process.exitCode = 1;
    return undefined;
  }
}

/** Opens the configured database (DATABASE_URL, else the embedded one in SENTRA_DATA_DIR) and migrates it. */
export async function openConfiguredDatabase(): Promise<DatabaseHandle> {
  const [{ loadConfig }, { openDatabase }, { migrateToLatest }] = await Promise.all([
    import('../platform/config.js'),
    import('../platform/database.js'),
    import('../platform/migrate.js'),
  ]);
  const config = loadConfig();
  // A command needs one connection at a time (an import is one transaction): keep the pool small.
  // Waits are bounded generously: a busy server should slow a long import down, not fail it at 90%.
  const timeoutMs = Math.max(config.databaseTimeoutMs, 60_000);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, timeoutMs, poolSize: 2 });
  try {
    await migrateToLatest(database.db as never);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/** The CLI user, as audit entries name them. */
export function cliActor(): string {
  return `cli:${process.env.USER ?? process.env.USERNAME ?? 'unknown'}`;
}

interface ImportCommandOptions {
  tenant: string;
  json?: boolean;
}

/**
 * `sentra import DIR [--tenant default] [--json]`: validates the dataset (an invalid one is refused
 * with the report, exit 1), then loads it into the configured store as one ingest run in one
 * database transaction. Re-importing the same rows inserts nothing. A running embedded server keeps
 * its profiles in memory: restart it to see the imported history in features (or use Redis).
 */
export function registerImportCommand(program: Command): void {
  usageErrorsExitWithTwo(
    program
      .command('import')
      .description('validate a dataset and load it into the store as one all-or-nothing ingest run')
      .argument('<dir>', 'dataset folder (data contract v1)')
      .option('--tenant <id>', 'tenant to import into', 'default')
      .option('--json', 'print the summary as JSON')
      .action(async (dir: string, options: ImportCommandOptions) => {
        const dataset = await identifyOrReport(dir);
        if (dataset === undefined) return;
        const { importDataset } = await import('../datasets/import/import-dataset.js');
        const database = await openConfiguredDatabase();
        try {
          process.stderr.write(`importing ${dataset.name} into tenant ${options.tenant} (${database.kind}) in one transaction\n`);
          let nextReport = 100_000;
          const summary = await importDataset(database.db, dataset, {
            tenantId: options.tenant,
            actor: cliActor(),
            onProgress(file, rows) {
              if (file !== 'transactions' || rows < nextReport) return;
              nextReport = rows + 100_000;
              process.stderr.write(`importing transactions: ${rows.toLocaleString('en-US')} rows\n`);
            },
          });
          process.stdout.write(options.json ? `${JSON.stringify(summary, null, 2)}\n` : humanSummary(summary, database.kind));
        } finally {
          await database.close();
        }
      }),
  );
}

function humanSummary(summary: ImportSummary, store: string): string {
  const seconds = (summary.finishedAt.getTime() - summary.startedAt.getTime()) / 1000;
  const lines = [`imported ${summary.datasetName} into tenant ${summary.tenantId} (${store}): ingest run ${summary.runId}, committed in ${seconds.toFixed(1)} s`];
  for (const [file, counts] of Object.entries(summary.counts)) {
    lines.push(`  ${file}: ${counts.read.toLocaleString('en-US')} read, ${counts.inserted.toLocaleString('en-US')} inserted, ${counts.alreadyPresent.toLocaleString('en-US')} already present`);
  }
  lines.push(`  dataset hash ${summary.datasetHash}`);
  lines.push('  note: a running embedded server rebuilds its in-memory profiles only on start; restart it (or use REDIS_URL) so features see this history.');
  return `${lines.join('\n')}\n`;
}
