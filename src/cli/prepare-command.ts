import type { Command } from 'commander';

/** `sentra prepare`: builds what a fast first start needs (run by `npm install` through the build). */
export function registerPrepareCommand(program: Command): void {
  program
    .command('prepare')
    .description('Build the embedded database template and the compact IP→ASN table, so the server starts fast')
    .action(async () => {
      const { existsSync } = await import('node:fs');
      const { loadAsnTable } = await import('../features/network/asn-database.js');
      const { installCacheDirectory } = await import('../platform/install-cache.js');
      const asnStarted = performance.now();
      await loadAsnTable({ cacheDirectory: installCacheDirectory() });
      process.stdout.write(`IP→ASN table ready in ${Math.round(performance.now() - asnStarted)} ms (cache: ${installCacheDirectory()})\n`);
      const { buildTemplate, templatePath } = await import('../platform/pglite-template.js');
      const path = templatePath();
      if (existsSync(path)) {
        process.stdout.write(`Embedded database template is up to date: ${path}\n`);
        return;
      }
      const started = performance.now();
      await buildTemplate(path);
      process.stdout.write(`Built the embedded database template in ${Math.round(performance.now() - started)} ms: ${path}\n`);
    });
}
