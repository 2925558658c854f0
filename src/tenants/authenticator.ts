import type { Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import type { Clock } from '../platform/clock.js';
import { LruCache } from '../platform/lru-cache.js';
import { findPrincipalByTokenHash, type Principal } from './tenant.repository.js';
import { hashToken } from './token.js';

interface CachedPrincipal {
  principal: Principal;
  expiresAt: number;
}

/**
 * Resolves bearer tokens to principals. Lookups are cached for a few seconds so the scoring path
 * does not read the database on every request; a revocation takes effect in this process at
 * once (forget) and in other processes within the cache lifetime. Live tokens and unknown ones
 * are cached apart, each least-recently-used first: a flood of random tokens fills only the
 * unknown side and can never evict the tokens real callers use.
 */
export class Authenticator {
  private readonly live: LruCache<string, CachedPrincipal>;
  private readonly unknown: LruCache<string, number>;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly ttlMs = 5_000,
    maxEntries = 10_000,
  ) {
    this.live = new LruCache(maxEntries);
    this.unknown = new LruCache(maxEntries);
  }

  /** The principal of a token, or undefined when the token is unknown, revoked or expired. */
  async authenticate(token: string): Promise<Principal | undefined> {
    const tokenHash = hashToken(token);
    const now = this.clock.now();
    const cached = this.live.get(tokenHash);
    if (cached !== undefined && cached.expiresAt > now) return cached.principal;
    const unknownUntil = this.unknown.get(tokenHash);
    if (unknownUntil !== undefined && unknownUntil > now) return undefined;
    const found = await findPrincipalByTokenHash(this.db, tokenHash, new Date(now));
    if (found === undefined) {
      this.live.delete(tokenHash);
      this.unknown.set(tokenHash, now + this.ttlMs);
      return undefined;
    }
    const { expiresAt, ...principal } = found;
    this.unknown.delete(tokenHash);
    // A token that expires sooner than the cache lifetime is cached only until it expires.
    this.live.set(tokenHash, { principal, expiresAt: Math.min(now + this.ttlMs, expiresAt?.getTime() ?? Number.POSITIVE_INFINITY) });
    return principal;
  }

  /** The principal of a token this process verified recently, without reading the database. */
  recentlyVerified(token: string): Principal | undefined {
    const cached = this.live.get(hashToken(token));
    return cached !== undefined && cached.expiresAt > this.clock.now() ? cached.principal : undefined;
  }

  /** Drops every cached lookup (after a token is revoked or created). */
  forget(): void {
    this.live.clear();
    this.unknown.clear();
  }
}
