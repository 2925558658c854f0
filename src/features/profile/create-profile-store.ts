import { MemoryProfileStore, type MemoryProfileStoreOptions } from './memory/memory-profile-store.js';
import { buildProfilePlan, type ProfilePlan } from './profile-plan.js';
import type { ProfileStore } from './profile-store.js';
import type { RedisProfileStoreOptions } from './redis/redis-profile-store.js';

/** Which store to build. */
export interface ProfileStoreSettings {
  /** `REDIS_URL`: when set, profiles are shared through Redis; otherwise they live in this process. */
  readonly redisUrl?: string;
  /** The plan (default `buildProfilePlan()`); every process sharing a Redis must use the same one. */
  readonly plan?: ProfilePlan;
  readonly memory?: MemoryProfileStoreOptions;
  readonly redis?: RedisProfileStoreOptions;
}

/**
 * The embedded in-memory store, or the Redis store when a URL is configured. The Redis client is
 * imported only then: an embedded server does not hold it in memory (about 24 MB).
 */
export async function createProfileStore(settings: ProfileStoreSettings = {}): Promise<ProfileStore> {
  const plan = settings.plan ?? buildProfilePlan();
  if (settings.redisUrl !== undefined && settings.redisUrl !== '') {
    const { RedisProfileStore } = await import('./redis/redis-profile-store.js');
    return RedisProfileStore.connect(settings.redisUrl, plan, settings.redis);
  }
  return new MemoryProfileStore(plan, settings.memory);
}
