import type { Kysely } from 'kysely';
import type { ChainedAuditEntry } from '../../src/audit/audit-chain.js';
import type { Database } from '../../src/platform/database-schema.js';

/** A tenant's audit chain as stored, in sequence order, ready for verifyChain. */
export async function storedChain(db: Kysely<Database>, tenantId: string): Promise<ChainedAuditEntry[]> {
  const rows = await db.selectFrom('audit_log').selectAll().where('tenant_id', '=', tenantId).orderBy('seq').execute();
  return rows.map((row) => ({
    tenantId: row.tenant_id,
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor,
    action: row.action,
    subject: row.subject,
    payload: row.payload as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  }));
}
