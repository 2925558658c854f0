import type { Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';

/**
 * Which entities of a tenant have KYC documents (`kyc_refs` rows), held in memory so a score whose
 * parties have none skips the enrichment query. Only exact when this process is the only writer of
 * `kyc_refs`: embedded mode, where the data folder's lock keeps every other process out and every
 * live write of a document goes through the scoring flow, which notes its parties here before the
 * decision commits. A superset is harmless (one query more); a missing entity would hide its
 * signals, so anything that writes `kyc_refs` in another way calls {@link forgetTenant}.
 *
 * A tenant's set is read on its first score (one `select distinct` over `kyc_refs`), then kept.
 */
export class KycPartyIndex {
  private readonly tenants = new Map<string, Promise<Set<string>>>();

  constructor(private readonly db: Kysely<Database>) {}

  /** The given entities that may have documents. */
  async withDocuments(tenantId: string, entityIds: readonly string[]): Promise<string[]> {
    const parties = await this.load(tenantId);
    return entityIds.filter((entityId) => parties.has(entityId));
  }

  /** Notes entities whose documents the caller is about to store. */
  async note(tenantId: string, entityIds: readonly string[]): Promise<void> {
    const parties = await this.load(tenantId);
    for (const entityId of entityIds) parties.add(entityId);
  }

  /** Drops a tenant's set (documents were written outside the scoring flow); the next score reads it again. */
  forgetTenant(tenantId: string): void {
    this.tenants.delete(tenantId);
  }

  private load(tenantId: string): Promise<Set<string>> {
    let parties = this.tenants.get(tenantId);
    if (parties === undefined) {
      parties = this.db
        .selectFrom('kyc_refs')
        .select('entity_id')
        .distinct()
        .where('tenant_id', '=', tenantId)
        .execute()
        .then((rows) => new Set(rows.map((row) => row.entity_id)));
      // A failed read is not kept: the next score tries again.
      parties.catch(() => this.tenants.delete(tenantId));
      this.tenants.set(tenantId, parties);
    }
    return parties;
  }
}
