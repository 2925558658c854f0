import type { Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { defaultThresholds, type Thresholds } from './thresholds.js';

/** A tenant's thresholds and when they last changed (defaults when never set). */
export interface StoredThresholds extends Thresholds {
  updatedAt: Date | null;
  updatedBy: string | null;
}

/** Reads a tenant's thresholds, falling back to the defaults. */
export async function readThresholds(db: Kysely<Database>, tenantId: string): Promise<StoredThresholds> {
  const row = await db.selectFrom('tenant_thresholds').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst();
  if (row === undefined) return { ...defaultThresholds, updatedAt: null, updatedBy: null };
  return { reviewAt: row.review_at, holdAt: row.hold_at, blockAt: row.block_at, updatedAt: row.updated_at, updatedBy: row.updated_by };
}

/** Writes a tenant's thresholds. */
export async function writeThresholds(
  db: Kysely<Database>,
  tenantId: string,
  thresholds: Thresholds,
  actor: string,
  at: Date,
): Promise<void> {
  const values = { review_at: thresholds.reviewAt, hold_at: thresholds.holdAt, block_at: thresholds.blockAt, updated_at: at, updated_by: actor };
  await db
    .insertInto('tenant_thresholds')
    .values({ tenant_id: tenantId, ...values })
    .onConflict((conflict) => conflict.column('tenant_id').doUpdateSet(values))
    .execute();
}
