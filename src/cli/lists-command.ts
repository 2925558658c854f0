import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { openConfiguredDatabase } from './import-command.js';
import { usageErrorsExitWithTwo } from './validate-command.js';

interface ImportSanctionsOptions {
  replace?: boolean;
  background?: boolean;
}

/**
 * `sentra lists import-sanctions FILE [--replace] [--background]`: loads a sanctions or PEP list in
 * the consolidated CSV layout (id, schema, name, aliases, birth_date, countries, sanctions, dataset).
 * Entries are upserted by id; with --replace, the stored entries of the file's datasets that it no
 * longer lists are removed. An import that changes the lists re-screens every stored enrichment
 * result against them (here, unless --background leaves it to the workers' re-screen jobs); the
 * same file imported again changes nothing.
 */
export function registerListsCommand(program: Command): void {
  const lists = program.command('lists').description('screening lists for KYC/KYB enrichment');
  usageErrorsExitWithTwo(
    lists
      .command('import-sanctions')
      .description('Import a sanctions/PEP list CSV (id, schema, name, aliases, birth_date, countries, sanctions, dataset) and re-screen stored KYC results')
      .argument('<file>', 'CSV file; multi-valued cells (aliases, countries) separated by semicolons')
      .option('--replace', "the file is the whole of each dataset it names: their stored entries it no longer lists are removed (delisted)")
      .option('--background', 'leave the re-screen of stored results to the workers (queued jobs) instead of running it here')
      .action(async (file: string, options: ImportSanctionsOptions) => {
        const [{ parseSanctionsCsv }, { importSanctionList }, { rescreenStale }, { ScreeningLists }] = await Promise.all([
          import('../enrichment/screening/sanctions-csv.js'),
          import('../enrichment/list-import.js'),
          import('../enrichment/rescreen.js'),
          import('../enrichment/screening/screening-lists.js'),
        ]);
        const entries = parseSanctionsCsv(readFileSync(file, 'utf8'), basename(file));
        const database = await openConfiguredDatabase();
        try {
          const outcome = await importSanctionList(database.db, entries, { replace: options.replace === true, at: new Date() });
          const datasets = [...new Set(entries.map((entry) => entry.dataset))].sort();
          const changes = `${outcome.added} added, ${outcome.updated} updated, ${outcome.removed} removed, ${outcome.unchanged} unchanged`;
          if (outcome.added + outcome.updated + outcome.removed === 0) {
            process.stdout.write(`Read ${entries.length} list entries (${datasets.join(', ')}) from ${file}: the lists already hold them (${changes}); nothing written.\n`);
            return;
          }
          process.stdout.write(`Imported ${entries.length} list entries (${datasets.join(', ')}) from ${file}: ${changes}; list generation ${outcome.generation}.\n`);
          if (options.background === true) {
            process.stdout.write(`Re-screen of stored KYC results queued for ${outcome.tenantsQueued} tenant(s): the workers run it.\n`);
            return;
          }
          const rescreen = await rescreenStale(database.db, new ScreeningLists(database.db), { at: () => new Date() });
          process.stdout.write(`Re-screened ${rescreen.rescreened} stored KYC result(s) against the new lists: ${rescreen.changed} changed (audited as enrichment.rescreened).\n`);
        } finally {
          await database.close();
        }
      }),
  );
}
