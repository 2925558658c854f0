import cluster, { type Worker } from 'node:cluster';
import { SentraError } from '../errors/errors.js';
import { sharedRedis, type Config } from '../platform/config.js';
import type { Logger } from '../platform/logger.js';

/** Most API processes one `sentra serve --workers` starts. */
export const maxWorkers = 64;

/** Consecutive workers that die before they listen, after which the primary gives up and exits 1. */
const startFailuresToGiveUp = 5;
/** Restart delay: 100 ms, doubled for each other death within the last minute, at most 10 s. */
const restartBaseMs = 100;
const restartMaxMs = 10_000;
const restartWindowMs = 60_000;

/** What the primary tells a worker over the cluster channel. */
type PrimaryMessage = { sentra: 'stop'; signal: string } | { sentra: 'stop-now'; signal: string };

/** The API process count of `sentra serve`: `--workers`, else `SENTRA_WORKERS`, else 1 (one process, no primary). */
export function workerCount(option: string | undefined, variable: string | undefined = process.env.SENTRA_WORKERS): number {
  const [raw, source] = option === undefined ? [variable, 'SENTRA_WORKERS'] : [option, '--workers'];
  if (raw === undefined || raw === '') return 1;
  const count = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || count < 1 || count > maxWorkers) {
    const message = `${source} must be a whole number from 1 to ${maxWorkers}, not "${raw}"`;
    throw new SentraError('SENTRA_ERR_CONFIG', message, { details: [{ code: 'range', path: source, message }] });
  }
  return count;
}

/**
 * Refuses a worker count the configured stores cannot serve correctly. The embedded database
 * belongs to one process (the data folder is locked), and without Redis each process would keep its
 * own profiles, so velocity and device-sharing features would count only the payments it saw.
 */
export function checkWorkerStores(count: number, config: Config): void {
  if (count === 1) return;
  if (config.databaseUrl === undefined) {
    throw new SentraError(
      'SENTRA_ERR_CONFIG',
      `--workers ${count} needs DATABASE_URL and REDIS_URL: the embedded database (SENTRA_DATA_DIR/pgdata) is opened by exactly one process, ` +
        'so an embedded server runs one API process. Drop --workers (or set it to 1), or move to PostgreSQL and Redis (docs/scaling.md).',
      { details: [{ code: 'embedded', path: 'DATABASE_URL', message: 'several API processes need PostgreSQL' }] },
    );
  }
  if (sharedRedis(config) === undefined) {
    throw new SentraError(
      'SENTRA_ERR_CONFIG',
      `--workers ${count} needs REDIS_URL (or REDIS_CLUSTER_NODES) as well: without it every process keeps its own profiles, and velocity and device-sharing ` +
        'features would count only the payments that process saw.',
      { details: [{ code: 'unshared_profiles', path: 'REDIS_URL', message: 'several API processes share their profiles through Redis' }] },
    );
  }
}

/**
 * The cluster primary of `sentra serve --workers N`: forks N API processes that share the port
 * (connections are handed out in turn), logs each one's pid, replaces one that dies (with a
 * backoff), and on SIGTERM / SIGINT asks each to drain as a single server does. The first worker
 * starts alone, so it alone migrates the schema and creates the first tenant; the others start
 * once it listens. Resolves with the exit code: 0 once every worker stopped cleanly, 1 if one did
 * not, or when workers keep dying before they listen (a supervisor may then restart the whole).
 */
export function runPrimary(count: number, config: Config, logger: Logger): Promise<number> {
  return new Promise((resolve) => {
    const live = new Map<number, Worker>();
    const listening = new Set<number>();
    const deaths: number[] = [];
    let failedStarts = 0;
    let firstListening = false;
    let stopping = false;
    let exitCode = 0;
    const finish = () => {
      if (live.size === 0) resolve(exitCode);
    };

    const fork = () => {
      const worker = cluster.fork();
      const pid = worker.process.pid;
      live.set(worker.id, worker);
      logger.info({ worker: worker.id, pid }, 'worker started');
      worker.on('listening', (address: { port?: number }) => {
        listening.add(worker.id);
        failedStarts = 0;
        logger.info({ worker: worker.id, pid, port: address.port }, 'worker listening');
        if (!firstListening) {
          firstListening = true;
          for (let index = 1; index < count && !stopping; index++) fork();
        }
      });
      worker.on('exit', (code: number | null, signal: string | null) => {
        live.delete(worker.id);
        const hadListened = listening.delete(worker.id);
        if (stopping) {
          if (code !== 0) exitCode = 1;
          logger.info({ worker: worker.id, pid, code, signal }, 'worker stopped');
          finish();
          return;
        }
        logger.warn({ worker: worker.id, pid, code, signal, listened: hadListened }, 'worker exited');
        if (!hadListened) failedStarts++;
        if (failedStarts >= startFailuresToGiveUp) {
          logger.error({ failedStarts }, `${failedStarts} workers in a row died before listening: stopping`);
          exitCode = 1;
          stop('giving up');
          return;
        }
        const now = Date.now();
        deaths.push(now);
        while (deaths[0]! < now - restartWindowMs) deaths.shift();
        const delayMs = Math.min(restartBaseMs * 2 ** (deaths.length - 1), restartMaxMs);
        logger.info({ delayMs }, 'restarting a worker');
        setTimeout(() => {
          if (!stopping) fork();
        }, delayMs);
      });
    };

    const stop = (reason: string) => {
      if (stopping) {
        logger.warn({ signal: reason }, 'second signal while draining: workers exit now');
        for (const worker of live.values()) send(worker, { sentra: 'stop-now', signal: reason });
        return;
      }
      stopping = true;
      logger.info({ reason, workers: live.size }, 'shutting down: each worker drains its requests and writes');
      for (const worker of live.values()) {
        // A worker that does not listen yet has answered nothing: the signal's default ends it.
        if (listening.has(worker.id)) send(worker, { sentra: 'stop', signal: reason });
        else worker.process.kill('SIGTERM');
      }
      // Each worker bounds its own drain; this bounds a worker that no longer reads its channel.
      setTimeout(() => {
        for (const worker of live.values()) {
          logger.error({ worker: worker.id, pid: worker.process.pid }, 'worker did not stop within SENTRA_SHUTDOWN_TIMEOUT_MS: killing it');
          worker.process.kill('SIGKILL');
        }
        exitCode = 1;
      }, config.shutdownTimeoutMs + 5_000).unref();
      finish();
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
    logger.info({ pid: process.pid, workers: count }, `starting ${count} API processes on port ${config.port}`);
    fork();
  });
}

function send(worker: Worker, message: PrimaryMessage): void {
  if (worker.isConnected()) worker.send(message);
  else worker.process.kill('SIGTERM');
}

/**
 * In a worker: the primary's stop drains this process like a SIGTERM (a repeated stop is ignored,
 * since the worker may have had the signal itself, e.g. from systemd's control group), and its
 * second-signal message exits at once. SIGINT is the primary's (a terminal's Ctrl-C reaches every
 * process of the group): the primary relays it. A worker whose primary dies exits at once (Node's
 * cluster does so), like a killed process: what it had not answered is not written.
 */
export function followPrimary(drain: (reason: string) => void, exitNow: (reason: string) => void): void {
  process.on('message', (message: unknown) => {
    if (typeof message !== 'object' || message === null || !('sentra' in message)) return;
    const { sentra, signal } = message as PrimaryMessage;
    if (sentra === 'stop') drain(`primary ${signal}`);
    else if (sentra === 'stop-now') exitNow(`primary ${signal}`);
  });
  process.on('SIGINT', () => undefined);
}
