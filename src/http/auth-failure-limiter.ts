import { LruCache } from '../platform/lru-cache.js';

interface Window {
  startedAt: number;
  failures: number;
}

/**
 * Counts failed authentications per client address in fixed one-minute windows. Past the limit,
 * an address gets 429 for the rest of its window instead of a database lookup per guess, so a
 * token-guessing flood costs neither the database nor the auth cache. The table of addresses is
 * itself bounded (least recently failing forgotten first).
 */
export class AuthFailureLimiter {
  private readonly windows = new LruCache<string, Window>(100_000);

  constructor(
    private readonly limitPerWindow: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until the address may try again, or 0 when it is not blocked. */
  blockedFor(address: string): number {
    const window = this.windows.get(address);
    if (window === undefined) return 0;
    const remaining = window.startedAt + this.windowMs - this.now();
    if (remaining <= 0) return 0;
    return window.failures >= this.limitPerWindow ? Math.ceil(remaining / 1000) : 0;
  }

  /** Records one failed authentication from the address. */
  recordFailure(address: string): void {
    const now = this.now();
    const window = this.windows.get(address);
    if (window === undefined || window.startedAt + this.windowMs <= now) this.windows.set(address, { startedAt: now, failures: 1 });
    else window.failures += 1;
  }
}
