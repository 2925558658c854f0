/** Longest stretch of background holding saved up while the foreground is active, in ms. */
const burstMs = 10;
/** The window over which the foreground's use of the connection is weighed, in ms. */
const windowMs = 1_000;
/**
 * The foreground counts as active while it held the connection more than this many ms in the last
 * second (2%): scoring at a few dozen requests/s does; the idle server's own polls (the feed
 * inbox's claims, rule and model changes: about 6 ms a second) do not.
 */
const activeAboveMs = 20;

/**
 * How much of the embedded database's one connection background work (the in-process job runner
 * and its sweeps) may hold while foreground callers (scoring, the API) are active: a token bucket
 * of connection time that fills at `share` ms per ms and holds at most a 10 ms burst. Each
 * background hold spends what it held; a background caller in debt waits until the bucket is
 * back to zero. While the foreground held the connection less than 2% of the last second (it
 * is idle, or only polls), background work holds it as much as it wants and runs up no debt.
 *
 * A scoring commit can wait for a background holder only as often as background work holds the
 * connection: bounding that share bounds how many answers a busy runner delays.
 */
export class BackgroundBudget {
  private credit = burstMs;
  private refilledAt: number;
  /** The foreground's holding time, decayed over the window: about the ms it held in the last second. */
  private foregroundMs = 0;
  private foregroundAt: number;

  /** `share` is between 0 (exclusive) and 1; 1 sets no limit. */
  constructor(
    private readonly share: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!(share > 0 && share <= 1)) throw new RangeError(`background share must be in (0, 1], not ${share}`);
    this.refilledAt = now();
    this.foregroundAt = this.refilledAt;
  }

  /** A foreground holder held the connection this long. */
  foreground(heldMs: number): void {
    this.foregroundMs = this.recentForegroundMs() + heldMs;
    this.foregroundAt = this.now();
  }

  /** A background holder held the connection this long. */
  spent(heldMs: number): void {
    if (!this.foregroundActive()) {
      this.credit = burstMs;
      this.refilledAt = this.now();
      return;
    }
    this.refill();
    this.credit -= heldMs;
  }

  /** How long a background caller should wait before asking for the connection, in ms (0: ask now). */
  delayMs(): number {
    if (this.share >= 1 || !this.foregroundActive()) return 0;
    this.refill();
    return this.credit >= 0 ? 0 : -this.credit / this.share;
  }

  private recentForegroundMs(): number {
    return this.foregroundMs * Math.exp(-(this.now() - this.foregroundAt) / windowMs);
  }

  /** True while the foreground held the connection more than 20 ms of about the last second. */
  foregroundActive(): boolean {
    return this.recentForegroundMs() > activeAboveMs;
  }

  private refill(): void {
    const now = this.now();
    this.credit = Math.min(burstMs, this.credit + (now - this.refilledAt) * this.share);
    this.refilledAt = now;
  }
}
