/**
 * Realistic bodies of the merchant APIs for load: a population of users, devices, sessions and
 * public IP addresses (spread over the offline databases' ranges), so profiles, device sharing and
 * session switching grow as they would in production.
 */
import { SeededRandom } from './seeded-random.js';

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
  private readonly random: SeededRandom;

  constructor(
    private readonly kind: 'sentry' | 'events',
    seed = 11,
    private readonly users = 5_000,
  ) {
    this.random = new SeededRandom(seed);
  }

  /** The next body as a JSON string. */
  next(): string {
    const user = Math.floor(this.random.next() * this.users);
    const ipAddress = `${[46, 81, 95, 134, 203, 8][user % 6]}.${(user * 7) % 250}.${(user * 13) % 250}.${1 + (user % 200)}`;
    const userAgent = userAgents[user % userAgents.length]!;
    if (this.kind === 'sentry') {
      return JSON.stringify({
        device: { ipAddress, userAgent, acceptLanguage: 'en-US,en;q=0.8', sessionId: `session-${user}-${Math.floor(this.random.next() * 3)}`, sessionAge: Math.floor(this.random.next() * 3600) },
        order: { amount: Math.round(Math.exp(2 + this.random.next() * 4) * 100) / 100, currency: 'USD' },
        account: { userId: `user-${user}` },
      });
    }
    const eventType = this.random.pick(eventTypes);
    return JSON.stringify({
      userId: `user-${user}`,
      eventType,
      sessionId: `session-${user}-${Math.floor(this.random.next() * 3)}`,
      ipAddress,
      userAgent,
      channel: 'Web',
      screenResolution: '1920x1080',
      timezone: zones[user % zones.length],
      platform: 'Windows',
      language: 'en-US',
      ...(eventType === 'payment_attempt' || eventType === 'withdrawal_attempt' ? { amount: Math.round(Math.exp(2 + this.random.next() * 4) * 100) / 100, currency: 'USD' } : {}),
    });
  }
}
