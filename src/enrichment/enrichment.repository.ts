import { sql, type Kysely, type QueryCreator, type Selectable } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import type { EnrichmentResultsTable } from '../platform/tables/enrichment.table.js';
import type { EntityProfile } from './analysis/analysis.js';

/** A stored enrichment result. */
export type EnrichmentResultRow = Selectable<EnrichmentResultsTable>;

/** Whether a result's screening is older than the lists, in SQL: for the reads that must not present it as current. */
const staleScreening = sql<boolean>`r.screened_generation < (select l.generation from screening_lists l where l.id = 1)`;

/** What a KYC enrichment job reads before it analyses a document. */
export interface JobInput {
  /** The document has a stored result already (an earlier attempt stopped before it could finish, or it was analysed for another entity). */
  readonly analysed: boolean;
  /** That result was screened against older lists than the current ones. */
  readonly stale: boolean;
  /** The lists' current generation: the analysis screens against it or a later one. */
  readonly listGeneration: number;
  /** The stored reference, or undefined when the entity has no such document. */
  readonly reference: { doc_hash: string | null; doc_s3_url: string | null; text_blob: string | null } | undefined;
  /** The entity as the store knows it (name from imported entity files, country from transactions). */
  readonly entity: EntityProfile;
  /** The payment whose score queued the job belongs to a merchant (which may want an `enrichment.ready` webhook). */
  readonly merchantPayment: boolean;
}

/**
 * Whether the document was analysed already, its reference, its entity and whether the payment
 * (`txId`, when the job names one) has a merchant, in one statement: on the embedded store each
 * statement is a turn of the one connection that scoring commits wait for.
 */
export async function findJobInput(db: Kysely<Database>, tenantId: string, entityId: string, refKey: string, txId: string | undefined): Promise<JobInput> {
  const result = await sql<{ analysed: boolean; stale: boolean | null; list_generation: number; found: boolean; doc_hash: string | null; doc_s3_url: string | null; text_blob: string | null; name: string | null; country: string | null; merchant_payment: boolean }>`
    select r.ref_key is not null as analysed, r.screened_generation < l.generation as stale, l.generation as list_generation,
           k.ref_key is not null as found, k.doc_hash, k.doc_s3_url, k.text_blob, e.name, e.country,
           exists (select 1 from transactions t where t.tenant_id = ${tenantId} and t.tx_id = ${txId ?? null} and t.merchant_id is not null) as merchant_payment
      from screening_lists l
      left join enrichment_results r on r.tenant_id = ${tenantId} and r.ref_key = ${refKey}
      left join kyc_refs k on k.tenant_id = ${tenantId} and k.entity_id = ${entityId} and k.ref_key = ${refKey}
      left join entities e on e.tenant_id = ${tenantId} and e.entity_id = ${entityId}`.execute(db);
  const row = result.rows[0]!;
  return {
    analysed: row.analysed,
    stale: row.stale === true,
    listGeneration: row.list_generation,
    reference: row.found ? { doc_hash: row.doc_hash, doc_s3_url: row.doc_s3_url, text_blob: row.text_blob } : undefined,
    entity: { entityId, name: row.name ?? undefined, country: row.country ?? undefined },
    merchantPayment: row.merchant_payment,
  };
}

/**
 * Stores a result and its folded director names (the overlap lookup); a second analysis of the same
 * document (a retried job) replaces the first.
 */
export async function saveResult(db: Kysely<Database>, row: EnrichmentResultRow, directorKeys: readonly string[]): Promise<void> {
  const values = { ...row, signals: JSON.stringify(row.signals), evidence: JSON.stringify(row.evidence), facts: JSON.stringify(row.facts) };
  // One statement whether or not there are directors: they ride along with the result.
  const creator: QueryCreator<Database> =
    directorKeys.length === 0
      ? db
      : (db.with('directors', (query) =>
          query
            .insertInto('enrichment_directors')
            .values([...new Set(directorKeys)].map((key) => ({ tenant_id: row.tenant_id, director_key: key, entity_id: row.entity_id })))
            .onConflict((conflict) => conflict.doNothing()),
        ) as unknown as QueryCreator<Database>);
  await creator
    .insertInto('enrichment_results')
    .values(values)
    .onConflict((conflict) =>
      conflict.columns(['tenant_id', 'ref_key']).doUpdateSet((eb) => ({
        provider: eb.ref('excluded.provider'),
        llm_version: eb.ref('excluded.llm_version'),
        signals: eb.ref('excluded.signals'),
        evidence: eb.ref('excluded.evidence'),
        facts: eb.ref('excluded.facts'),
        dropped_quotes: eb.ref('excluded.dropped_quotes'),
        created_at: eb.ref('excluded.created_at'),
        screened_generation: eb.ref('excluded.screened_generation'),
      })),
    )
    .execute();
}

/** A stored result as the scoring path reads it, with the party it was found through. */
export type PartyResultRow = EnrichmentResultRow & {
  /** The given entity whose document this is (kyc_refs), or null for a row found by its ref_key alone. */
  party: string | null;
  /** Screened against older lists than the current ones: a re-screen is pending. */
  stale: boolean;
};

/**
 * In one round trip: the results of the given documents (the cache) and of every document of the
 * given entities (the signals and features the next score sees), each entity's through its
 * kyc_refs rows. Both halves are primary-key lookups, so the cost does not grow with the tenant's
 * results. Either list may be empty; a result may come back once per half and per entity.
 */
export async function findResults(db: Kysely<Database>, tenantId: string, refKeys: readonly string[], entityIds: readonly string[]): Promise<PartyResultRow[]> {
  const byRef = refKeys.length === 0 ? sql`false` : sql`r.ref_key in (${sql.join(refKeys)})`;
  const byEntity = entityIds.length === 0 ? sql`false` : sql`k.entity_id in (${sql.join(entityIds)})`;
  const result = await sql<PartyResultRow>`
    select r.*, k.entity_id as party, ${staleScreening} as stale
      from kyc_refs k join enrichment_results r on r.tenant_id = k.tenant_id and r.ref_key = k.ref_key
     where k.tenant_id = ${tenantId} and ${byEntity}
    union all
    select r.*, null as party, ${staleScreening} as stale from enrichment_results r
     where r.tenant_id = ${tenantId} and ${byRef}
    order by created_at`.execute(db);
  return result.rows;
}

/** The results of one entity's documents, with the document reference they belong to. */
export async function findEntityResults(db: Kysely<Database>, tenantId: string, entityId: string) {
  return db
    .selectFrom('kyc_refs as k')
    .leftJoin('enrichment_results as r', (join) => join.onRef('r.tenant_id', '=', 'k.tenant_id').onRef('r.ref_key', '=', 'k.ref_key'))
    .leftJoin('jobs as j', (join) => join.onRef('j.tenant_id', '=', 'k.tenant_id').onRef('j.dedupe_key', '=', 'k.ref_key').on('j.kind', '=', 'kyc_enrichment'))
    .select([
      'k.ref_key',
      'k.doc_hash',
      'k.doc_s3_url',
      'k.text_blob',
      'r.provider',
      'r.llm_version',
      'r.signals',
      'r.evidence',
      'r.dropped_quotes',
      'r.created_at as analysed_at',
      staleScreening.as('stale'),
      'j.id as job_id',
      'j.status as job_status',
      'j.last_error',
    ])
    .where('k.tenant_id', '=', tenantId)
    .where('k.entity_id', '=', entityId)
    .orderBy('k.created_at')
    .execute();
}

/** Entities named per shared director in a result: enough to review, and the lookup stays an index range. */
export const overlapEntitiesPerDirector = 20;

/**
 * Other entities of the tenant whose documents name one of these directors (folded names): per
 * director, the first {@link overlapEntitiesPerDirector} by entity id. An index range per director,
 * whatever the number of results stored.
 */
export async function entitiesSharingDirectors(db: Kysely<Database>, tenantId: string, entityId: string, directorKeys: readonly string[]): Promise<{ entity_id: string; director_key: string }[]> {
  if (directorKeys.length === 0) return [];
  const keys = sql.join([...new Set(directorKeys)].map((key) => sql`(${key})`));
  const result = await sql<{ entity_id: string; director_key: string }>`
    select e.entity_id, k.director_key
      from (values ${keys}) as k(director_key)
      cross join lateral (
        select d.entity_id from enrichment_directors d
         where d.tenant_id = ${tenantId} and d.director_key = k.director_key and d.entity_id <> ${entityId}
         order by d.entity_id limit ${overlapEntitiesPerDirector}) e
     order by e.entity_id, k.director_key`.execute(db);
  return result.rows;
}

/** Deletes a document's stored text (retention 0: kept only until analysed). */
export async function forgetText(db: Kysely<Database>, tenantId: string, refKey: string): Promise<void> {
  await db.updateTable('kyc_refs').set({ text_blob: null }).where('tenant_id', '=', tenantId).where('ref_key', '=', refKey).execute();
}

/** Deletes every stored text received before `before` (the retention sweep); returns how many. */
export async function expireTexts(db: Kysely<Database>, before: Date): Promise<number> {
  const result = await db.updateTable('kyc_refs').set({ text_blob: null }).where('created_at', '<', before).where('text_blob', 'is not', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}
