import { sql, type Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { genesisHash } from './audit-chain.js';
import type { ChainHead } from './audit.repository.js';

/**
 * The audit chain heads a writer last saw, so a batch of decisions can be chained without reading
 * (or locking) the heads first. The write itself checks that each head is still where the cache
 * says (see sentra_write_decisions); when another writer moved it, the caller forgets the cache
 * and tries again.
 */
export class ChainHeadCache {
  private readonly heads = new Map<string, ChainHead>();

  constructor(private readonly db: Kysely<Database>) {}

  /** The heads of these tenants, read (and created at the genesis hash) when not cached. */
  async get(tenantIds: Iterable<string>): Promise<Map<string, ChainHead>> {
    const wanted = [...new Set(tenantIds)];
    const missing = wanted.filter((tenantId) => !this.heads.has(tenantId));
    if (missing.length > 0) {
      await this.db
        .insertInto('audit_heads')
        .values(missing.map((tenantId) => ({ tenant_id: tenantId, seq: 0, hash: genesisHash })))
        .onConflict((conflict) => conflict.column('tenant_id').doNothing())
        .execute();
      const rows = await sql<{ tenant_id: string; seq: number | string; hash: string }>`
        select tenant_id, seq, hash from audit_heads where tenant_id in (${sql.join(missing)})`.execute(this.db);
      for (const row of rows.rows) this.heads.set(row.tenant_id, { seq: Number(row.seq), hash: row.hash });
    }
    return new Map(wanted.map((tenantId) => [tenantId, this.heads.get(tenantId)!]));
  }

  /** Records heads a successful write moved to. */
  advance(heads: ReadonlyMap<string, ChainHead>): void {
    for (const [tenantId, head] of heads) this.heads.set(tenantId, head);
  }

  /** Forgets every head (after a write found one moved). */
  forget(): void {
    this.heads.clear();
  }
}
