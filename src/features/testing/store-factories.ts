import { MemoryProfileStore } from '../profile/memory/memory-profile-store.js';
import { buildProfilePlan, type ProfilePlanOptions } from '../profile/profile-plan.js';
import type { ProfileStore } from '../profile/profile-store.js';
import { RedisProfileStore } from '../profile/redis/redis-profile-store.js';

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

/** The Redis store on `url`, each created store under a unique key prefix of this run. */
export function redisStoreFactory(url: string): StoreFactory {
  const created: RedisProfileStore[] = [];
  const run = `sentra-test:${process.pid}:${Date.now()}:${++runCounter}`;
  return {
    name: 'redis',
    create(options) {
      const store = RedisProfileStore.connect(url, buildProfilePlan(options), { keyPrefix: `${run}:${created.length}` });
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

/** Memory always; Redis too when `REDIS_URL` is set (CI sets it). */
export function storeFactories(env: Record<string, string | undefined> = process.env): StoreFactory[] {
  const url = env.REDIS_URL;
  return url === undefined || url === '' ? [memoryStoreFactory()] : [memoryStoreFactory(), redisStoreFactory(url)];
}
