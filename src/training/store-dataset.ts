import type { Kysely } from 'kysely';
import { SentraError } from '../errors/errors.js';
import type { Database } from '../platform/database-schema.js';
import { exportDataset, type ExportSummary } from '../datasets/export-dataset.js';

/** Which tenant's stored history to write, up to when, and where. */
export interface StoreHistoryRequest {
  readonly tenantId: string;
  /** End of the last window trained or validated on (exclusive). */
  readonly endMs: number;
  /** Dataset folder to write. */
  readonly out: string;
  readonly actor: string;
  readonly at: Date;
}

/**
 * Writes a tenant's stored payments from its first one up to `endMs`, with their labels, entities
 * and KYC references, as a data contract v1 dataset in `out`. Training on that folder is then the
 * same replay as training on any dataset: the same point-in-time features (profiles warm from the
 * tenant's first payment) and the same label rules, so a train on the store equals a train on
 * `sentra export-dataset` of the same history. The export is an audit entry of the tenant. A tenant
 * with no stored payment before `endMs` is refused with SENTRA_ERR_VALIDATION and nothing is written.
 */
export async function exportStoreHistory(db: Kysely<Database>, request: StoreHistoryRequest): Promise<ExportSummary> {
  const first = await db
    .selectFrom('transactions')
    .select((eb) => eb.fn.min('created_at').as('first'))
    .where('tenant_id', '=', request.tenantId)
    .where('created_at', '<', new Date(request.endMs))
    .executeTakeFirst();
  if (first?.first == null) {
    throw new SentraError('SENTRA_ERR_VALIDATION', `tenant ${request.tenantId} has no stored payment before ${new Date(request.endMs).toISOString()}`, {
      details: [{ path: '--tenant', code: 'no_payments', message: `no stored payment of tenant ${request.tenantId} before the end of the windows asked for` }],
    });
  }
  return exportDataset(db, { tenantId: request.tenantId, from: new Date(first.first as Date | string), to: new Date(request.endMs), out: request.out, actor: request.actor, at: request.at });
}
