import type { Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import type { Clock } from '../platform/clock.js';
import { LruCache } from '../platform/lru-cache.js';
import { appendAudit } from '../audit/audit.repository.js';
import { SentraError } from '../errors/errors.js';
import type { FeedPsp } from '../contract/feeds.js';
import type { SecretBox } from './secret-box.js';

/** A merchant's live secrets of one PSP, and whose they are. */
export interface FeedSecrets {
  tenantId: string;
  merchantId: string;
  secrets: readonly string[];
}

/** What storing secrets answers: never the secrets themselves. */
export interface StoredFeedSecrets {
  merchantId: string;
  psp: FeedPsp;
  secretCount: number;
  updatedAt: Date;
}

interface Cached {
  value: FeedSecrets | undefined;
  expiresAt: number;
}

/**
 * The merchants' webhook secrets per PSP, sealed at rest with the feed key. Receivers read them
 * through a short cache (a few seconds), so a burst of webhooks does not read the database per
 * event; a change made here is seen at once in this process and within the cache lifetime in others.
 */
export class FeedSecretStore {
  private readonly cache = new LruCache<string, Cached>(10_000);

  constructor(
    private readonly db: Kysely<Database>,
    private readonly box: SecretBox | undefined,
    private readonly clock: Clock,
    private readonly ttlMs = 5_000,
  ) {}

  /**
   * Replaces the merchant's secrets of a PSP (all of them valid at once, for rotation), audited
   * with their number only. Another tenant's merchant is not found.
   */
  async put(tenantId: string, merchantId: string, psp: FeedPsp, secrets: readonly string[], actor: string): Promise<StoredFeedSecrets> {
    const box = this.requireBox();
    const at = new Date(this.clock.now());
    const sealed = box.seal(JSON.stringify(secrets));
    await this.db.transaction().execute(async (trx) => {
      const merchant = await trx.selectFrom('merchants').select('id').where('tenant_id', '=', tenantId).where('id', '=', merchantId).executeTakeFirst();
      if (merchant === undefined) throw new SentraError('SENTRA_ERR_NOT_FOUND', `No merchant ${merchantId}.`);
      await trx
        .insertInto('feed_secrets')
        .values({ merchant_id: merchantId, psp, tenant_id: tenantId, secrets_sealed: sealed, secret_count: secrets.length, updated_at: at })
        .onConflict((conflict) => conflict.columns(['merchant_id', 'psp']).doUpdateSet({ secrets_sealed: sealed, secret_count: secrets.length, updated_at: at }))
        .execute();
      await appendAudit(trx, [{ tenantId, at, actor, action: 'feed.secrets_set', subject: merchantId, payload: { psp, secret_count: secrets.length } }]);
    });
    this.cache.delete(`${merchantId}\u0000${psp}`);
    return { merchantId, psp, secretCount: secrets.length, updatedAt: at };
  }

  /** The PSP feeds a merchant of the tenant has secrets for (their number and date, never the secrets), by PSP. */
  async list(tenantId: string, merchantId: string): Promise<StoredFeedSecrets[]> {
    const rows = await this.db
      .selectFrom('feed_secrets')
      .select(['psp', 'secret_count', 'updated_at'])
      .where('tenant_id', '=', tenantId)
      .where('merchant_id', '=', merchantId)
      .orderBy('psp')
      .execute();
    return rows.map((row) => ({ merchantId, psp: row.psp as FeedPsp, secretCount: row.secret_count, updatedAt: new Date(row.updated_at) }));
  }

  /** The merchant's secrets of a PSP; undefined when it has none (or no such merchant). */
  async get(merchantId: string, psp: FeedPsp): Promise<FeedSecrets | undefined> {
    const key = `${merchantId}\u0000${psp}`;
    const now = this.clock.now();
    const cached = this.cache.get(key);
    if (cached !== undefined && cached.expiresAt > now) return cached.value;
    const value = await this.read(merchantId, psp);
    this.cache.set(key, { value, expiresAt: now + this.ttlMs });
    return value;
  }

  private async read(merchantId: string, psp: FeedPsp): Promise<FeedSecrets | undefined> {
    if (this.box === undefined) return undefined;
    const row = await this.db.selectFrom('feed_secrets').select(['tenant_id', 'secrets_sealed']).where('merchant_id', '=', merchantId).where('psp', '=', psp).executeTakeFirst();
    if (row === undefined) return undefined;
    return { tenantId: row.tenant_id, merchantId, secrets: JSON.parse(this.box.open(row.secrets_sealed)) as string[] };
  }

  private requireBox(): SecretBox {
    if (this.box === undefined) {
      throw new SentraError('SENTRA_ERR_CONFLICT', 'Feed secrets cannot be stored: this scaled deployment has no SENTRA_FEED_KEY (see docs/security.md, "Feed secrets").');
    }
    return this.box;
  }
}
