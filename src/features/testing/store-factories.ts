import { MemoryProfileStore } from '../profile/memory/memory-profile-store.js';
import { buildProfilePlan, type ProfilePlanOptions } from '../profile/profile-plan.js';
import type { ProfileStore } from '../profile/profile-store.js';
import { RedisProfileStore } from '../profile/redis/redis-profile-store.js';
import { parseClusterNodes, type RedisClusterTarget, type RedisTarget } from '../../platform/redis-target.js';

/** A way to build a fresh, empty store for one test. */
export interface StoreFactory {
  readonly name: string;
  create(options?: ProfilePlanOptions): ProfileStore;
  /** Deletes what the created stores wrote and closes them. */
  cleanup(): Promise<void>;
}

/** The in-memory store. */
export function memoryStoreFactory(): StoreFactory {
  return { name: 'memory', create: (options) => new MemoryProfileStore(buildProfilePlan(options)), cleanup: () => Promise.resolve() };
}

let runCounter = 0;

/** The Redis store on `target` (a URL or a cluster), each created store under a unique key prefix of this run. */
export function redisStoreFactory(target: RedisTarget, name = 'redis'): StoreFactory {
  const created: RedisProfileStore[] = [];
  const run = `sentra-test:${process.pid}:${Date.now()}:${++runCounter}`;
  return {
    name,
    create(options) {
      const store = RedisProfileStore.connect(target, buildProfilePlan(options), { keyPrefix: `${run}:${created.length}` });
      created.push(store);
      return store;
    },
    async cleanup() {
      for (const store of created.splice(0)) {
        await store.deleteAll();
        await store.close();
      }
    },
  };
}

/**
 * The Redis Cluster tests may use, from `SENTRA_TEST_REDIS_CLUSTER_NODES` (scripts/redis-cluster.sh
 * prints it; a name of its own, so servers that tests start never inherit a cluster by accident).
 */
export function testRedisCluster(env: Record<string, string | undefined> = process.env): RedisClusterTarget | undefined {
  const raw = env.SENTRA_TEST_REDIS_CLUSTER_NODES;
  if (raw === undefined || raw === '') return undefined;
  const parsed = parseClusterNodes(raw);
  if (typeof parsed === 'string') throw new Error(`SENTRA_TEST_REDIS_CLUSTER_NODES: ${parsed}`);
  return parsed;
}

/** Memory always; Redis too when `REDIS_URL` is set, and a Redis Cluster when its nodes are (CI sets both). */
export function storeFactories(env: Record<string, string | undefined> = process.env): StoreFactory[] {
  const factories = [memoryStoreFactory()];
  if (env.REDIS_URL !== undefined && env.REDIS_URL !== '') factories.push(redisStoreFactory(env.REDIS_URL));
  const cluster = testRedisCluster(env);
  if (cluster !== undefined) factories.push(redisStoreFactory(cluster, 'redis cluster'));
  return factories;
}
