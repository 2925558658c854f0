import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { openConfiguredDatabase } from './import-command.js';
import { usageErrorsExitWithTwo } from './validate-command.js';

/**
 * `sentra lists import-sanctions FILE`: loads a sanctions or PEP list in the consolidated CSV layout
 * (id, schema, name, aliases, birth_date, countries, sanctions, dataset). Entries are upserted by id;
 * running workers pick the new list up within seconds.
 */
export function registerListsCommand(program: Command): void {
  const lists = program.command('lists').description('screening lists for KYC/KYB enrichment');
  usageErrorsExitWithTwo(
    lists
      .command('import-sanctions')
      .description('Import a sanctions/PEP list CSV (id, schema, name, aliases, birth_date, countries, sanctions, dataset)')
      .argument('<file>', 'CSV file; multi-valued cells (aliases, countries) separated by semicolons')
      .action(async (file: string) => {
        const [{ parseSanctionsCsv }, { upsertSanctionEntries }] = await Promise.all([
          import('../enrichment/screening/sanctions-csv.js'),
          import('../enrichment/screening/sanctions.repository.js'),
        ]);
        const entries = parseSanctionsCsv(readFileSync(file, 'utf8'), basename(file));
        const database = await openConfiguredDatabase();
        try {
          const written = await upsertSanctionEntries(database.db, entries, new Date());
          const datasets = [...new Set(entries.map((entry) => entry.dataset))].sort();
          process.stdout.write(`Imported ${written} list entries (${datasets.join(', ')}) from ${file}.\n`);
        } finally {
          await database.close();
        }
      }),
  );
}
