import type { Kysely } from 'kysely';
import type { Clock } from '../platform/clock.js';
import type { Database } from '../platform/database-schema.js';
import type { Logger } from '../platform/logger.js';
import { maintainAuditPartitions } from '../audit/audit-retention.js';
import { maintainDecisionPartitions } from './decision-partitions.js';

/**
 * Creates this month's decision and audit partitions (and the next two) before anything is written:
 * a database migrated months ago (or started from an old template) has only older ones, and audit
 * entries written to the default partition stay there. The worker's sweep does the same later and
 * also applies retention; a failure here (a lock held too long) is left to it.
 */
export async function preparePartitions(db: Kysely<Database>, clock: Clock, logger: Logger): Promise<void> {
  const now = new Date(clock.now());
  try {
    await maintainDecisionPartitions(db, now, 0);
    await maintainAuditPartitions(db, () => {
      throw new Error('no retention at start');
    }, now, 0);
  } catch (error) {
    logger.warn({ err: error }, 'preparing the partitions of this month failed; the worker sweep retries');
  }
}
