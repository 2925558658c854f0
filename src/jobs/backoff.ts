/** How failed attempts are spaced. */
export interface BackoffPolicy {
  /** Delay after the first failed attempt, in ms. */
  readonly baseMs: number;
  /** Longest delay, in ms. */
  readonly maxMs: number;
}

/**
 * Exponential backoff with "equal jitter": after attempt n the delay is drawn from
 * [d/2, d] with d = min(max, base·2^(n-1)). The jitter spreads the retries of jobs that failed
 * together (an outage of the provider) so they do not all come back in the same instant, and the
 * lower half-bound keeps the growth visible.
 */
export function backoffDelayMs(policy: BackoffPolicy, attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
