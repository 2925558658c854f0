import type { Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import type { Clock } from '../platform/clock.js';
import { LruCache } from '../platform/lru-cache.js';
import { findMerchant, type Merchant } from './merchant.repository.js';
import { findLiveMerchantKey, hashMerchantKey, touchMerchantKey } from './merchant-keys.js';

/** A merchant API call's caller: the key and the merchant (settings as of at most the cache lifetime ago). */
export interface MerchantPrincipal {
  keyId: string;
  tenantId: string;
  merchant: Merchant;
}

interface Cached {
  principal: MerchantPrincipal | undefined;
  expiresAt: number;
}

/**
 * Resolves `X-Api-Key` to its merchant. Lookups (live and unknown keys alike) are cached for a few
 * seconds, so the merchant APIs do not read the database per request; a revocation or a settings
 * change takes effect in this process at once (forget) and in others within the cache lifetime.
 * A key's last use is stamped when its lookup is refreshed, so at most once per lifetime.
 */
export class MerchantAuthenticator {
  private readonly cache: LruCache<string, Cached>;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly ttlMs = 5_000,
    maxEntries = 10_000,
  ) {
    this.cache = new LruCache(maxEntries);
  }

  /** The principal of a key used for `merchantId`; undefined for an unknown, revoked or expired key or another merchant's id. */
  async authenticate(apiKey: string, merchantId: string): Promise<MerchantPrincipal | undefined> {
    const keyHash = hashMerchantKey(apiKey);
    const now = this.clock.now();
    let cached = this.cache.get(keyHash);
    if (cached === undefined || cached.expiresAt <= now) {
      const found = await this.lookup(keyHash, now);
      // A key that expires sooner than the cache lifetime is cached only until it expires.
      cached = { principal: found?.principal, expiresAt: Math.min(now + this.ttlMs, found?.until ?? Number.POSITIVE_INFINITY) };
      this.cache.set(keyHash, cached);
    }
    const principal = cached.principal;
    return principal !== undefined && principal.merchant.merchantId === merchantId ? principal : undefined;
  }

  /** Drops every cached lookup (after a key is revoked or a merchant's settings change). */
  forget(): void {
    this.cache.clear();
  }

  private async lookup(keyHash: string, now: number): Promise<{ principal: MerchantPrincipal; until: number } | undefined> {
    const owner = await findLiveMerchantKey(this.db, keyHash, new Date(now));
    if (owner === undefined) return undefined;
    const merchant = await findMerchant(this.db, owner.tenantId, owner.merchantId);
    if (merchant === undefined) return undefined;
    await touchMerchantKey(this.db, owner.keyId, new Date(now));
    return { principal: { keyId: owner.keyId, tenantId: owner.tenantId, merchant }, until: owner.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY };
  }
}
