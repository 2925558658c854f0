import type { Command } from 'commander';

/** `sentra migrate`: brings the database schema to the latest version and exits. */
export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Apply database migrations (the server also does this on start)')
    .action(async () => {
      const [{ loadConfig }, { openDatabase }, { migrateToLatest }] = await Promise.all([
        import('../platform/config.js'),
        import('../platform/database.js'),
        import('../platform/migrate.js'),
      ]);
      const config = loadConfig();
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, timeoutMs: config.databaseTimeoutMs });
      try {
        const results = await migrateToLatest(database.db as never);
        if (results.length === 0) process.stdout.write('Schema is up to date.\n');
        for (const result of results) process.stdout.write(`${result.migrationName}: ${result.status}\n`);
      } finally {
        await database.close();
      }
    });
}
