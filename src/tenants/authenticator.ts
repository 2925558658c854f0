import type { Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import type { Clock } from '../platform/clock.js';
import { findPrincipalByTokenHash, type Principal } from './tenant.repository.js';
import { hashToken } from './token.js';

interface CachedPrincipal {
  principal: Principal | undefined;
  expiresAt: number;
}

/**
 * Resolves bearer tokens to principals. Lookups are cached for a few seconds so the scoring path
 * does not read the database on every request; a revocation takes effect in this process at
 * once (forget) and in other processes within the cache lifetime.
 */
export class Authenticator {
  private readonly cache = new Map<string, CachedPrincipal>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly ttlMs = 5_000,
    private readonly maxEntries = 10_000,
  ) {}

  /** The principal of a token, or undefined when the token is unknown or revoked. */
  async authenticate(token: string): Promise<Principal | undefined> {
    const tokenHash = hashToken(token);
    const now = this.clock.now();
    const cached = this.cache.get(tokenHash);
    if (cached !== undefined && cached.expiresAt > now) return cached.principal;
    const principal = await findPrincipalByTokenHash(this.db, tokenHash);
    if (this.cache.size >= this.maxEntries) this.cache.clear();
    this.cache.set(tokenHash, { principal, expiresAt: now + this.ttlMs });
    return principal;
  }

  /** Drops every cached lookup (after a token is revoked or created). */
  forget(): void {
    this.cache.clear();
  }
}
