import type { Clock } from './clock.js';
import { admitted, MemoryKeyRateLimiter, refused, type KeyRateLimiter, type RateVerdict } from './key-rate-limiter.js';
import { connectRedis, type RedisClient } from './redis-client.js';
import type { RedisTarget } from './redis-target.js';

/** How long a limiter that lost Redis counts in this process alone before trying Redis again. */
const localAfterFailureMs = 5_000;

/**
 * The limiter shared by every API process (scaled mode): one Redis counter per key and second
 * (INCR, expiring after two seconds), so N processes together admit the key's limit, not N times it.
 * Each count is one key, so it works on a Redis Cluster as on one primary.
 * A limit is a safety net, not a reason to refuse work: when Redis fails or does not answer within
 * the command timeout, the process counts alone (as embedded) for the next 5 s, then tries again.
 */
export class RedisKeyRateLimiter implements KeyRateLimiter {
  private readonly redis: RedisClient;
  private readonly local: MemoryKeyRateLimiter;
  private localUntil = 0;

  constructor(
    target: RedisTarget,
    private readonly prefix: string,
    private readonly clock: Clock,
    commandTimeoutMs: number,
  ) {
    // A lost connection fails the commands that need it; the client's own error events are dropped
    // (they would otherwise be printed to stderr as unhandled on every reconnect attempt).
    this.redis = connectRedis(target, { commandTimeoutMs, maxRetriesPerRequest: 1 });
    this.local = new MemoryKeyRateLimiter(clock);
  }

  async admit(keyId: string, perSecond: number): Promise<RateVerdict> {
    const now = this.clock.now();
    if (now < this.localUntil) return this.local.admitNow(keyId, perSecond);
    const key = `${this.prefix}:rate:${keyId}:${Math.floor(now / 1000)}`;
    try {
      const results = await this.redis.multi().incr(key).expire(key, 2).exec();
      const count = Number(results?.[0]?.[1] ?? 0);
      return count <= perSecond ? admitted : refused;
    } catch {
      this.localUntil = this.clock.now() + localAfterFailureMs;
      return this.local.admitNow(keyId, perSecond);
    }
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
