import { MemoryProfileStore, type MemoryProfileStoreOptions } from './memory/memory-profile-store.js';
import { buildProfilePlan, type ProfilePlan } from './profile-plan.js';
import type { ProfileStore } from './profile-store.js';
import type { RedisTarget } from '../../platform/redis-target.js';
import type { RedisProfileStoreOptions } from './redis/redis-profile-store.js';

/** Which store to build. */
export interface ProfileStoreSettings {
  /** `REDIS_URL` or `REDIS_CLUSTER_NODES`: when set, profiles are shared through Redis; otherwise they live in this process. */
  readonly redis?: RedisTarget | undefined;
  /** The plan (default `buildProfilePlan()`); every process sharing a Redis must use the same one. */
  readonly plan?: ProfilePlan;
  readonly memory?: MemoryProfileStoreOptions;
  readonly redisOptions?: RedisProfileStoreOptions;
}

/**
 * The embedded in-memory store, or the Redis store when a URL is configured. The Redis client is
 * imported only then: an embedded server does not hold it in memory (about 24 MB).
 */
export async function createProfileStore(settings: ProfileStoreSettings = {}): Promise<ProfileStore> {
  const plan = settings.plan ?? buildProfilePlan();
  if (settings.redis !== undefined && settings.redis !== '') {
    const { RedisProfileStore } = await import('./redis/redis-profile-store.js');
    return RedisProfileStore.connect(settings.redis, plan, settings.redisOptions);
  }
  return new MemoryProfileStore(plan, settings.memory);
}
