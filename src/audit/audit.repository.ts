import { sql, type Transaction } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { chainEntries, genesisHash, type AuditEntryInput, type ChainedAuditEntry } from './audit-chain.js';

/** The last link of a tenant's chain. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * Locks the chain heads of these tenants (FOR UPDATE, in a fixed order so two writers never
 * deadlock) and returns them; a tenant without entries yet gets a head row at the genesis hash.
 * Processes writing concurrently therefore extend a chain one after another.
 */
export async function lockChainHeads(trx: Transaction<Database>, tenantIds: readonly string[]): Promise<Map<string, ChainHead>> {
  const sorted = [...new Set(tenantIds)].sort();
  const read = () => sql<{ tenant_id: string; seq: number | string; hash: string }>`
    select tenant_id, seq, hash from audit_heads where tenant_id in (${sql.join(sorted)}) order by tenant_id for update`.execute(trx);
  let rows = (await read()).rows;
  if (rows.length < sorted.length) {
    await trx
      .insertInto('audit_heads')
      .values(sorted.map((tenantId) => ({ tenant_id: tenantId, seq: 0, hash: genesisHash })))
      .onConflict((conflict) => conflict.column('tenant_id').doNothing())
      .execute();
    rows = (await read()).rows;
  }
  return new Map(rows.map((row) => [row.tenant_id, { seq: Number(row.seq), hash: row.hash }]));
}

/** Links entries after their tenants' locked heads; returns the new entries and the new heads. */
export function chainAfterHeads(
  entries: readonly AuditEntryInput[],
  heads: ReadonlyMap<string, ChainHead>,
): { chained: ChainedAuditEntry[]; newHeads: Map<string, ChainHead> } {
  const byTenant = new Map<string, AuditEntryInput[]>();
  for (const entry of entries) {
    const list = byTenant.get(entry.tenantId);
    if (list === undefined) byTenant.set(entry.tenantId, [entry]);
    else list.push(entry);
  }
  const chained: ChainedAuditEntry[] = [];
  const newHeads = new Map<string, ChainHead>();
  for (const [tenantId, list] of byTenant) {
    const head = heads.get(tenantId) ?? { seq: 0, hash: genesisHash };
    const links = chainEntries(list, head.seq, head.hash);
    chained.push(...links);
    const last = links[links.length - 1]!;
    newHeads.set(tenantId, { seq: last.seq, hash: last.hash });
  }
  return { chained, newHeads };
}

/** The audit_log row of a chained entry (payload as a value, for JSON batch documents). */
export function auditRow(entry: ChainedAuditEntry) {
  return {
    tenant_id: entry.tenantId,
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject,
    payload: entry.payload,
    prev_hash: entry.prevHash,
    hash: entry.hash,
  };
}

/** Appends entries to their tenants' hash chains inside the caller's transaction. */
export async function appendAudit(trx: Transaction<Database>, entries: readonly AuditEntryInput[]): Promise<void> {
  if (entries.length === 0) return;
  const heads = await lockChainHeads(
    trx,
    entries.map((entry) => entry.tenantId),
  );
  const { chained, newHeads } = chainAfterHeads(entries, heads);
  await trx
    .insertInto('audit_log')
    .values(chained.map((entry) => ({ ...auditRow(entry), payload: JSON.stringify(entry.payload) })))
    .execute();
  for (const [tenantId, head] of newHeads) {
    await trx.updateTable('audit_heads').set({ seq: head.seq, hash: head.hash }).where('tenant_id', '=', tenantId).execute();
  }
}
