/**
 * Realistic bodies of the merchant APIs for load: a population of users, devices, sessions and
 * public IP addresses (spread over the offline databases' ranges), so profiles, device sharing and
 * session switching grow as they would in production.
 */
const userAgents = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:141.0) Gecko/20100101 Firefox/141.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
] as const;
const eventTypes = ['login_attempt', 'login_attempt', 'payment_attempt', 'payment_attempt', 'signup', 'password_reset', 'account_update', 'withdrawal_attempt'] as const;
const zones = ['Europe/Berlin', 'Europe/London', 'America/New_York', 'Asia/Singapore'] as const;

/** Deterministic generators of confidence and event bodies. */
export class MerchantBodyFactory {
  private state: number;

  constructor(
    private readonly kind: 'sentry' | 'events',
    seed = 11,
    private readonly users = 5_000,
  ) {
    this.state = seed >>> 0;
  }

  private random(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  private pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.random() * values.length)]!;
  }

  /** The next body as a JSON string. */
  next(): string {
    const user = Math.floor(this.random() * this.users);
    const ipAddress = `${[46, 81, 95, 134, 203, 8][user % 6]}.${(user * 7) % 250}.${(user * 13) % 250}.${1 + (user % 200)}`;
    const userAgent = userAgents[user % userAgents.length]!;
    if (this.kind === 'sentry') {
      return JSON.stringify({
        device: { ipAddress, userAgent, acceptLanguage: 'en-US,en;q=0.8', sessionId: `session-${user}-${Math.floor(this.random() * 3)}`, sessionAge: Math.floor(this.random() * 3600) },
        order: { amount: Math.round(Math.exp(2 + this.random() * 4) * 100) / 100, currency: 'USD' },
        account: { userId: `user-${user}` },
      });
    }
    const eventType = this.pick(eventTypes);
    return JSON.stringify({
      userId: `user-${user}`,
      eventType,
      sessionId: `session-${user}-${Math.floor(this.random() * 3)}`,
      ipAddress,
      userAgent,
      channel: 'Web',
      screenResolution: '1920x1080',
      timezone: zones[user % zones.length],
      platform: 'Windows',
      language: 'en-US',
      ...(eventType === 'payment_attempt' || eventType === 'withdrawal_attempt' ? { amount: Math.round(Math.exp(2 + this.random() * 4) * 100) / 100, currency: 'USD' } : {}),
    });
  }
}
