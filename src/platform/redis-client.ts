import { Cluster, Redis, type RedisOptions } from 'ioredis';
import type { RedisTarget } from './redis-target.js';

/** A connection to either: the commands Sentra uses work on both. */
export type RedisClient = Redis | Cluster;

/** How a client behaves when the server is slow or gone. */
export interface RedisClientOptions {
  /** Longest wait for a command (and for a connection) in ms before it fails. */
  readonly commandTimeoutMs: number;
  /** Attempts of a command while the connection is being re-established. */
  readonly maxRetriesPerRequest: number;
  /** Batches commands written in one tick (one primary only; see connectRedis). */
  readonly enableAutoPipelining?: boolean;
}

/**
 * Connects to a primary or a cluster. The cluster client learns the slot map from any seed,
 * follows MOVED/ASK redirections, and refreshes the map when a node fails (a replica promoted in
 * its place takes over its slots). Its own error events are dropped: the commands that fail
 * because of them reject (and the caller answers 503).
 */
export function connectRedis(target: RedisTarget, options: RedisClientOptions): RedisClient {
  const common: RedisOptions = {
    commandTimeout: options.commandTimeoutMs,
    connectTimeout: options.commandTimeoutMs,
    maxRetriesPerRequest: options.maxRetriesPerRequest,
  };
  const client =
    typeof target === 'string'
      ? new Redis(target, { ...common, enableAutoPipelining: options.enableAutoPipelining ?? false })
      : new Cluster(
          target.nodes.map((node) => ({ host: node.host, port: node.port })),
          {
            // Not auto-pipelined: ioredis fails a whole auto-pipelined batch with MOVED when a slot
            // moves (a failover, a reshard) instead of redirecting each command.
            enableAutoPipelining: false,
            // Commands wait for a slot map at most as long as for an answer, then fail.
            enableOfflineQueue: true,
            slotsRefreshTimeout: options.commandTimeoutMs,
            retryDelayOnFailover: 100,
            retryDelayOnClusterDown: 100,
            redisOptions: {
              ...common,
              ...(target.username === undefined ? {} : { username: target.username }),
              ...(target.password === undefined ? {} : { password: target.password }),
              ...(target.tls ? { tls: {} } : {}),
            },
          },
        );
  client.on('error', () => undefined);
  return client;
}

/**
 * Deletes every key that starts with `prefix:`; returns how many. A cluster is scanned node by
 * node (SCAN walks one node's keys) and keys are deleted one by one (they may lie in different slots).
 */
export async function deleteKeysWithPrefix(client: RedisClient, prefix: string): Promise<number> {
  const nodes = client instanceof Cluster ? client.nodes('master') : [client];
  let deleted = 0;
  for (const node of nodes) {
    let cursor = '0';
    do {
      const [next, found] = await node.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (found.length === 0) continue;
      if (client instanceof Cluster) {
        const counts = await Promise.all(found.map((key) => client.unlink(key)));
        deleted += counts.reduce((sum, count) => sum + count, 0);
      } else {
        deleted += await node.unlink(...found);
      }
    } while (cursor !== '0');
  }
  return deleted;
}
