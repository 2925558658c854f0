import cluster from 'node:cluster';
import type { Command } from 'commander';
import { checkWorkerStores, followPrimary, maxWorkers, runPrimary, workerCount } from './serve-workers.js';

/** `sentra serve`: the HTTP server on the configured port (what `npm start` runs). */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Start the Sentra server (embedded database unless DATABASE_URL is set)')
    .option(
      '--workers <n>',
      `API processes sharing the port (1 to ${maxWorkers}; default SENTRA_WORKERS, else 1). More than 1 needs DATABASE_URL and REDIS_URL: ` +
        'a primary process forks them, replaces one that dies, and relays SIGTERM / SIGINT so each drains',
    )
    .action(async (options: { workers?: string }) => {
      try {
        await serve(options);
      } catch (error) {
        // A worker's channel to its primary would keep a failed start alive: close it, so the process
        // exits with main's code once main printed the error, and the primary sees the failure.
        cluster.worker?.disconnect();
        throw error;
      }
    });
}

/** One API process (alone, or a cluster worker), or with --workers N > 1 the primary of N of them. */
async function serve(options: { workers?: string }): Promise<void> {
  const startedAt = performance.now();
  const count = cluster.isWorker ? 1 : workerCount(options.workers);
  // Loaded on use, so other commands do not pay for the whole server at start-up.
  const [{ loadConfig }, { createLogger }] = await Promise.all([import('../platform/config.js'), import('../platform/logger.js')]);
  const config = loadConfig();
  if (count > 1) {
    checkWorkerStores(count, config);
    process.exit(await runPrimary(count, config, createLogger(config.logLevel).child({ role: 'primary' })));
  }
  const { buildApp } = await import('../app.js');
  // Several workers write to one output: each line says which process wrote it.
  const sentra = await buildApp(config, cluster.isWorker ? { logger: createLogger(config.logLevel).child({ pid: process.pid }) } : {});
  const { logger, bootstrap } = sentra.runtime;
  const fail = (error: unknown) => {
    // A process in an unknown state must not keep answering: log, then exit non-zero.
    logger.fatal({ err: error }, 'fatal error, exiting');
    process.exit(1);
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  // Without its embedded database every request would fail: exit, so a supervisor restarts it.
  void sentra.runtime.database.lost.then(fail);
  // SIGTERM / SIGINT: stop accepting (new requests get 503), answer and write what is in flight,
  // stop the job runner, close the stores, exit 0. A second signal, or the drain outlasting
  // SENTRA_SHUTDOWN_TIMEOUT_MS, exits 1 at once: what was not yet answered is not written.
  let stopping = false;
  const exitNow = (signal: string) => {
    logger.warn({ signal }, 'second signal while draining: exiting now');
    process.exit(1);
  };
  const stop = (signal: string, repeat: 'exit-now' | 'ignore' = 'exit-now') => {
    if (stopping) {
      if (repeat === 'ignore') return;
      exitNow(signal);
    }
    stopping = true;
    logger.info({ signal, timeoutMs: config.shutdownTimeoutMs }, 'shutting down: draining requests and writes');
    setTimeout(() => {
      logger.error({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown did not finish within SENTRA_SHUTDOWN_TIMEOUT_MS: exiting now');
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    sentra.close().then(
      () => process.exit(0),
      (error: unknown) => fail(error),
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  if (cluster.isWorker) followPrimary((reason) => stop(reason, 'ignore'), exitNow);
  else process.on('SIGINT', () => stop('SIGINT'));
  if (bootstrap.bootstrapTokenIgnored) {
    const message =
      'SENTRA_BOOTSTRAP_TOKEN is set, but this installation was created before and that value is not one of its tokens: it is ignored ' +
      '(it applies only to the very first start). Use the admin token the first start wrote to the data folder (bootstrap-admin-token), or create one: stop the server and run ' +
      '`npx sentra tokens create --name me --role admin` (with DATABASE_URL set, no need to stop it).';
    logger.warn({ dataDir: config.databaseUrl === undefined ? config.dataDir : undefined }, message);
    process.stderr.write(`\nwarning: ${message}\n\n`);
  }
  const address = await sentra.app.listen({ port: config.port, host: config.host });
  if (bootstrap.tokenFile !== undefined) {
    process.stdout.write(
      `\nSentra created the tenant "${bootstrap.tenantId}" and an admin token, written to a file only this user can read:\n\n  ${bootstrap.tokenFile}\n\n` +
        'Copy it somewhere safe, then delete the file (set SENTRA_BOOTSTRAP_TOKEN before the first start to choose the token yourself).\n\n',
    );
  }
  logger.info(
    { address, store: sentra.runtime.database.kind, startupMs: Math.round(performance.now() - startedAt) },
    `Sentra listening on ${address} (docs at ${address}/docs)`,
  );
}
