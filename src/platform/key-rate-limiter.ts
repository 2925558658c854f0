import type { Clock } from './clock.js';

/** The verdict on one call: admitted, or refused with the seconds until the next window. */
export type RateVerdict = { readonly admitted: true } | { readonly admitted: false; readonly retryAfterSeconds: number };

/** Per-key request limits (merchant API keys, service tokens), in fixed one-second windows. */
export interface KeyRateLimiter {
  /** Counts one call of `keyId` against `perSecond`. */
  admit(keyId: string, perSecond: number): Promise<RateVerdict>;
  close(): Promise<void>;
}

export const admitted: RateVerdict = Object.freeze({ admitted: true });
export const refused: RateVerdict = Object.freeze({ admitted: false, retryAfterSeconds: 1 });

/**
 * The limiter of one process (embedded mode): a counter per key and second, in memory. The one
 * shared through Redis (scaled mode) is in redis-key-rate-limiter.ts, imported only then, so an
 * embedded server does not load the Redis client.
 */
export class MemoryKeyRateLimiter implements KeyRateLimiter {
  private readonly windows = new Map<string, { second: number; count: number }>();

  constructor(private readonly clock: Clock) {}

  admit(keyId: string, perSecond: number): Promise<RateVerdict> {
    return Promise.resolve(this.admitNow(keyId, perSecond));
  }

  /** {@link admit} without waiting: the verdict of this process's counter. */
  admitNow(keyId: string, perSecond: number): RateVerdict {
    const second = Math.floor(this.clock.now() / 1000);
    let window = this.windows.get(keyId);
    if (window === undefined || window.second !== second) {
      // Old windows are dropped as keys come back; the map holds one entry per live key at most.
      window = { second, count: 0 };
      this.windows.set(keyId, window);
    }
    window.count++;
    return window.count <= perSecond ? admitted : refused;
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
