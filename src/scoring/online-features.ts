import type { Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { sharedRedis, type Config } from '../platform/config.js';
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import { FeatureEngine } from '../features/engine/feature-engine.js';
import { newReplayState, rebuildStartTime, replayHistory } from '../features/engine/replay.js';
import { BackgroundNetworkSignals } from '../features/network/offline-network-signals.js';
import type { NetworkSignals } from '../features/network/network-signals.js';
import { createProfileStore } from '../features/profile/create-profile-store.js';
import { MemoryProfileStore, type MemoryStoreStats } from '../features/profile/memory/memory-profile-store.js';
import { isSyncProfileStore } from '../features/profile/profile-store.js';
import { installCacheDirectory } from '../platform/install-cache.js';
import type { FeatureSource } from './scoring-ports.js';
import { tenantHistoryPages } from './transaction-history.repository.js';

/** The feature engine as a running server holds it. */
export interface OnlineFeatureSource extends FeatureSource {
  readonly engine: FeatureEngine;
  /** The IP intelligence the engine uses (offline databases), for front doors that need an IP's country first. */
  readonly network: NetworkSignals;
  /**
   * Resolves when the offline IP databases are loaded (lookups return nothing until then; a failure
   * is logged and resolves too). They load at start when the stored history shows raw IP addresses
   * (or profiles live in Redis), otherwise on the first request that carries one, or when this is
   * first read: reading it starts the loading.
   */
  readonly networkReady: Promise<void>;
  /** The in-memory profile store's entity counts and memory; undefined when profiles live in Redis. */
  readonly profileStats: (() => MemoryStoreStats) | undefined;
  close(): Promise<void>;
}

/** What the online feature source is built from. */
export interface OnlineFeatureOptions {
  config: Config;
  db: Kysely<Database>;
  clock: Clock;
  logger: Logger;
  /** Per-install key of the keyed IP hash. */
  ipHashKey: Buffer;
}

/**
 * Opens the profile store (Redis when REDIS_URL or REDIS_CLUSTER_NODES is set, memory otherwise) and the feature engine.
 * An in-memory store starts empty, so it is rebuilt by replaying each tenant's stored history of
 * the longest window; a Redis store already holds the shared state.
 */
export async function openFeatureSource(options: OnlineFeatureOptions): Promise<OnlineFeatureSource> {
  const { config, db, clock, logger } = options;
  const store = await createProfileStore({
    redis: sharedRedis(config),
    memory: { wallClock: () => clock.now() },
    redisOptions: { keyPrefix: config.redisKeyPrefix, commandTimeoutMs: config.databaseTimeoutMs },
  });
  const network = new BackgroundNetworkSignals({ cacheDirectory: installCacheDirectory() }, (error: unknown) => {
    logger.warn({ err: error }, 'offline IP databases could not be loaded: IP country/ASN/hosting features will be missing');
  });
  const networkReady = () => network.ready.catch(() => undefined);
  let rawAddressesSeen = !isSyncProfileStore(store);
  const engine = new FeatureEngine({ store, networkSignals: network, ipHashSecret: options.ipHashKey.toString('hex') });
  if (isSyncProfileStore(store)) {
    const started = performance.now();
    const now = clock.now();
    const from = rebuildStartTime(store.plan, now);
    const tenants = await db.selectFrom('tenants').select('id').execute();
    let replayed = 0;
    for (const { id } of tenants) {
      // Streamed a page at a time: a large install's history never sits in memory whole.
      const state = newReplayState(true);
      for await (const steps of tenantHistoryPages(db, id, from, now)) {
        rawAddressesSeen ||= steps.some((step) => step.kind === 'transaction' && step.transaction.network !== undefined);
        replayed += (await replayHistory(engine, id, steps, undefined, state)).transactions;
      }
    }
    logger.info({ transactions: replayed, ms: Math.round(performance.now() - started) }, 'rebuilt in-memory profiles from stored history');
  }
  // Payments with raw IP addresses are expected: have the databases ready for the first of them.
  if (rawAddressesSeen) void networkReady();
  return {
    engine,
    network,
    get networkReady() {
      return networkReady();
    },
    profileStats: store instanceof MemoryProfileStore ? () => store.stats() : undefined,
    observe: (tenantId, record, online, kyc) => engine.observe(tenantId, record, online, kyc === undefined ? undefined : { kyc }),
    close: () => store.close(),
  };
}
