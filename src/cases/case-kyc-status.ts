import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import type { CaseRecord } from './case-record.js';
import type { KycStatus } from '../contract/cases.js';

/** The documents of the outer `cases` row's parties; each probe is a range of the kyc_refs primary key. */
const partyRefs = sql`k.tenant_id = cases.tenant_id and k.entity_id in (cases.sender_entity_id, cases.receiver_entity_id)`;
const hasResult = sql`exists (select 1 from enrichment_results r where r.tenant_id = k.tenant_id and r.ref_key = k.ref_key)`;
/** A raised signal: a non-empty `flags` list in the stored signals (as the scoring flow reads them). */
const raised = sql`r.signals->'flags' <> '[]'::jsonb`;

const anyDocument = sql`exists (select 1 from kyc_refs k where ${partyRefs})`;
const anyPending = sql`exists (select 1 from kyc_refs k where ${partyRefs} and not ${hasResult})`;
const anyFlagged = sql`exists (select 1 from kyc_refs k join enrichment_results r on r.tenant_id = k.tenant_id and r.ref_key = k.ref_key where ${partyRefs} and ${raised})`;

/** The WHERE condition on a `cases` row for one status: index probes per case, no scan of the tenant's documents. */
export function kycStatusCondition(status: KycStatus): RawBuilder<boolean> {
  if (status === 'flagged') return sql<boolean>`${anyFlagged}`;
  if (status === 'pending') return sql<boolean>`(not ${anyFlagged} and ${anyPending})`;
  if (status === 'ready') return sql<boolean>`(${anyDocument} and not ${anyFlagged} and not ${anyPending})`;
  return sql<boolean>`not ${anyDocument}`;
}

const rank: Record<KycStatus, number> = { none: 0, ready: 1, pending: 2, flagged: 3 };

/** The KYC status of each case of a page (by case id), in one query over its parties' documents. */
export async function caseKycStatuses(db: Kysely<Database>, tenantId: string, cases: readonly CaseRecord[]): Promise<Map<string, KycStatus>> {
  const parties = [...new Set(cases.flatMap((row) => [row.sender_entity_id, row.receiver_entity_id]).filter((id): id is string => id !== null))];
  const byEntity = new Map<string, KycStatus>();
  if (parties.length > 0) {
    const result = await sql<{ entity_id: string; pending: boolean; flagged: boolean }>`
      select k.entity_id, bool_or(r.ref_key is null) as pending, bool_or(coalesce(${raised}, false)) as flagged
        from kyc_refs k left join enrichment_results r on r.tenant_id = k.tenant_id and r.ref_key = k.ref_key
       where k.tenant_id = ${tenantId} and k.entity_id in (${sql.join(parties)})
       group by k.entity_id`.execute(db);
    for (const row of result.rows) byEntity.set(row.entity_id, row.flagged ? 'flagged' : row.pending ? 'pending' : 'ready');
  }
  const statusOf = (entityId: string | null): KycStatus => (entityId === null ? 'none' : (byEntity.get(entityId) ?? 'none'));
  return new Map(
    cases.map((row) => {
      const sender = statusOf(row.sender_entity_id);
      const receiver = statusOf(row.receiver_entity_id);
      return [row.id, rank[sender] >= rank[receiver] ? sender : receiver];
    }),
  );
}
