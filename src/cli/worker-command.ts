import type { Command } from 'commander';

/**
 * `sentra worker`: a job-runner process for scaled deployments (PostgreSQL). Run any number, on any
 * machine; they share the `jobs` table through leases (FOR UPDATE SKIP LOCKED). Servers then run
 * with SENTRA_WORKER=off, or keep their in-process runner as well.
 */
export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('Run background jobs (KYC/KYB enrichment, outbound webhook deliveries) against DATABASE_URL until stopped')
    .action(async () => {
      const [{ loadConfig }, { openDatabase }, { migrateToLatest }, { createLogger }, { systemClock }, { Registry }, { createEnrichmentServices, startEnrichmentWorker }, { SentraError }, { startWebhookWorker }, { openFeedSecretBox }] =
        await Promise.all([
          import('../platform/config.js'),
          import('../platform/database.js'),
          import('../platform/migrate.js'),
          import('../platform/logger.js'),
          import('../platform/clock.js'),
          import('prom-client'),
          import('../worker/enrichment-worker.js'),
          import('../errors/errors.js'),
          import('../webhooks/webhook-worker.js'),
          import('../feeds/secret-box.js'),
        ]);
      const config = loadConfig();
      if (config.databaseUrl === undefined) {
        throw new SentraError(
          'SENTRA_ERR_CONFIG',
          'sentra worker needs DATABASE_URL (scaled mode); the embedded server runs its jobs in-process (SENTRA_WORKER=in-process)',
        );
      }
      const logger = createLogger(config.logLevel);
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, timeoutMs: config.databaseTimeoutMs, poolSize: config.enrichment.worker.concurrency + 2 });
      await migrateToLatest(database.db as never);
      const services = createEnrichmentServices(config, database.db, new Registry());
      const worker = startEnrichmentWorker(config, { db: database.db, clock: systemClock, logger, services });
      const webhooks = startWebhookWorker(config, { db: database.db, clock: systemClock, logger, metrics: services.jobMetrics, box: openFeedSecretBox(config.feedKey) });
      logger.info({ owner: worker.runner.owner, concurrency: config.enrichment.worker.concurrency, provider: services.provider.version }, 'worker started');
      await new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          logger.info({ signal }, 'worker stopping: finishing running attempts');
          resolve();
        };
        process.once('SIGTERM', () => stop('SIGTERM'));
        process.once('SIGINT', () => stop('SIGINT'));
      });
      await worker.stop();
      await webhooks.stop();
      services.documents.close();
      await database.close();
    });
}
