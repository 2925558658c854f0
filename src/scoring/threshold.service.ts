import type { Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import type { Clock } from '../platform/clock.js';
import { appendAudit } from '../audit/audit.repository.js';
import { readThresholds, writeThresholds, type StoredThresholds } from './thresholds.repository.js';
import { validateThresholds, type Thresholds } from './thresholds.js';

/**
 * Tenants' thresholds with a short cache for the scoring path. A change made through this process
 * applies to its next request; other processes pick it up within the refresh interval.
 */
export class ThresholdService {
  private readonly cache = new Map<string, { value: StoredThresholds; expiresAt: number }>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly refreshMs = 2_000,
  ) {}

  /** The thresholds in force for a tenant. */
  async get(tenantId: string): Promise<StoredThresholds> {
    const now = this.clock.now();
    const cached = this.cache.get(tenantId);
    if (cached !== undefined && cached.expiresAt > now) return cached.value;
    const value = await readThresholds(this.db, tenantId);
    this.cache.set(tenantId, { value, expiresAt: now + this.refreshMs });
    return value;
  }

  /** Validates and stores new thresholds, audited; effective for the next request. */
  async set(tenantId: string, thresholds: Thresholds, actor: string): Promise<StoredThresholds> {
    validateThresholds(thresholds);
    const at = new Date(this.clock.now());
    const previous = await this.get(tenantId);
    await this.db.transaction().execute(async (trx) => {
      await writeThresholds(trx, tenantId, thresholds, actor, at);
      await appendAudit(trx, [
        {
          tenantId,
          at,
          actor,
          action: 'thresholds.changed',
          subject: tenantId,
          payload: {
            from: { review_at: previous.reviewAt, hold_at: previous.holdAt, block_at: previous.blockAt },
            to: { review_at: thresholds.reviewAt, hold_at: thresholds.holdAt, block_at: thresholds.blockAt },
          },
        },
      ]);
    });
    const value = { ...thresholds, updatedAt: at, updatedBy: actor };
    this.cache.set(tenantId, { value, expiresAt: this.clock.now() + this.refreshMs });
    return value;
  }
}
