import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { sanctionsRescreenKind } from '../contract/jobs.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { AuditEntryInput } from '../audit/audit-chain.js';
import { newId } from '../platform/ids.js';
import { signalKeys, type KycSignals, type ScreeningHit, type SignalKey, type StoredFacts } from './analysis/analysis.js';
import { locate } from './analysis/document-facts.js';
import { documentNamesToScreen, entityNameToScreen, screenNames, storedFactsText } from './analysis/screen-names.js';
import { evidenceSources, verifyEvidence, type EvidenceItem } from './evidence.js';
import { verifiedSignals } from './kyc-signals.js';
import { maskSensitiveText } from './masking.js';
import { listGeneration } from './screening/sanctions.repository.js';
import type { ScreeningIndex } from './screening/screening-index.js';
import type { ScreeningLists } from './screening/screening-lists.js';

/** Stored results re-screened per transaction: bounds what a batch holds in memory and locks. */
export const rescreenBatchSize = 500;

/** The signals a list screening decides; a re-screen leaves every other signal as analysed. */
const screeningKeys: readonly SignalKey[] = ['sanctions_match', 'pep_match'];

/** A stored result as a re-screen reads it. */
interface StoredResult {
  tenant_id: string;
  ref_key: string;
  entity_id: string;
  signals: unknown;
  evidence: unknown;
  facts: unknown;
  /** The stored name of the entity it was analysed for (screened as at analysis). */
  entity_name: string | null;
  /** The document's stored text, while it is kept. */
  text_blob: string | null;
}

/** What a screening concluded: the raised screening signals and the matched entries. */
interface ScreeningOutcome {
  sanctions_match: boolean;
  pep_match: boolean;
  matches: { list: string; entry_id: string; screened_name: string }[];
}

type StoredSignals = Partial<KycSignals> & { matches?: ScreeningHit[] } & Record<string, unknown>;

function outcomeOf(signals: StoredSignals): ScreeningOutcome {
  return {
    sanctions_match: signals.sanctions_match === true,
    pep_match: signals.pep_match === true,
    matches: (signals.matches ?? []).map(({ list, entry_id, screened_name }) => ({ list, entry_id, screened_name })),
  };
}

/**
 * A stored result screened again against `index`, from what it read from its document (its stored
 * facts: names, birth date, company, directors) and its entity's stored name, with the analysis's
 * own screening code. Nothing is analysed again. Evidence quotes the document text while it is kept,
 * else the stored facts (`kyc_document_facts`); either is verified like any evidence. Returns the
 * result's new signals and evidence, or undefined when the list matches are the same as stored.
 */
export function rescreenResult(index: ScreeningIndex, row: StoredResult): { signals: StoredSignals; evidence: EvidenceItem[]; before: ScreeningOutcome; after: ScreeningOutcome } | undefined {
  const facts = row.facts as StoredFacts;
  const documentText = row.text_blob === null ? undefined : maskSensitiveText(row.text_blob).text;
  const texts = {
    [evidenceSources.document]: documentText,
    [evidenceSources.documentFacts]: storedFactsText(facts),
    [evidenceSources.entityName]: row.entity_name ?? undefined,
  };
  const place = (name: string) => {
    const inDocument = locate(documentText, name);
    if (inDocument !== undefined) return { located: inDocument, source: evidenceSources.document };
    const inFacts = locate(texts[evidenceSources.documentFacts], name);
    return inFacts === undefined ? undefined : { located: inFacts, source: evidenceSources.documentFacts };
  };
  const screened = [
    ...documentNamesToScreen({ names: facts.names, birthDate: facts.birth_date, companyName: facts.company_name, directors: facts.directors }, place),
    ...entityNameToScreen(row.entity_name ?? undefined),
  ];
  const found: EvidenceItem[] = [];
  const raised: Partial<Record<SignalKey, boolean>> = {};
  const matches = screenNames(index, texts, screened, found, raised);
  const { kept } = verifyEvidence(found, texts);
  const screening = verifiedSignals({ signals: raised, matches, evidence: kept, facts }, kept);
  const stored = row.signals as StoredSignals;
  const before = outcomeOf(stored);
  const after = outcomeOf({ ...screening.signals, matches: screening.matches });
  // Any difference in the hits (a renamed entry, a new alias's score) is rewritten, so the analyst sees the list as it is.
  if (JSON.stringify(before) === JSON.stringify(after) && JSON.stringify(stored.matches ?? []) === JSON.stringify(screening.matches)) return undefined;
  const flags = signalKeys.filter((key) => (screeningKeys.includes(key) ? screening.signals[key] : stored.flags?.includes(key) === true));
  const signals: StoredSignals = {
    ...stored,
    ...Object.fromEntries(signalKeys.map((key) => [key, flags.includes(key)])),
    sanctions_score: screening.signals.sanctions_score,
    flags,
    matches: screening.matches,
  };
  const evidence = [...(row.evidence as EvidenceItem[]).filter((item) => !screeningKeys.includes(item.key as SignalKey)), ...kept];
  return { signals, evidence, before, after };
}

/** Which stored results a re-screen takes: one tenant's, or one document's. */
export interface RescreenScope {
  readonly tenantId?: string;
  readonly refKey?: string;
}

/** What a re-screen did: results brought to the current lists, and those whose matches changed (each audited). */
export interface RescreenOutcome {
  rescreened: number;
  changed: number;
}

/**
 * Re-screens one batch of stale results (screened against an older generation) in one transaction:
 * a result whose matches changed gets its new signals, matches and evidence and a
 * `enrichment.rescreened` audit entry; every one records the generation. Rows are taken with
 * `skip locked`, so several workers share the work. Returns how many were taken (0: none left).
 */
async function rescreenBatch(db: Kysely<Database>, index: ScreeningIndex, scope: RescreenScope, at: Date, limit: number): Promise<RescreenOutcome> {
  const generation = index.generation;
  return db.transaction().execute(async (trx) => {
    const rows = await sql<StoredResult>`
      select r.tenant_id, r.ref_key, r.entity_id, r.signals, r.evidence, r.facts, e.name as entity_name, k.text_blob
        from enrichment_results r
        left join entities e on e.tenant_id = r.tenant_id and e.entity_id = r.entity_id
        left join kyc_refs k on k.tenant_id = r.tenant_id and k.entity_id = r.entity_id and k.ref_key = r.ref_key
       where r.screened_generation < ${generation}
         and ${scope.tenantId === undefined ? sql`true` : sql`r.tenant_id = ${scope.tenantId}`}
         and ${scope.refKey === undefined ? sql`true` : sql`r.ref_key = ${scope.refKey}`}
       order by r.screened_generation, r.tenant_id, r.ref_key
       limit ${limit}
       for update of r skip locked`.execute(trx);
    const audit: AuditEntryInput[] = [];
    for (const row of rows.rows) {
      const rescreened = rescreenResult(index, row);
      if (rescreened === undefined) continue;
      await trx
        .updateTable('enrichment_results')
        .set({ signals: JSON.stringify(rescreened.signals), evidence: JSON.stringify(rescreened.evidence), screened_generation: generation })
        .where('tenant_id', '=', row.tenant_id)
        .where('ref_key', '=', row.ref_key)
        .execute();
      audit.push({
        tenantId: row.tenant_id,
        at,
        actor: 'system',
        action: 'enrichment.rescreened',
        subject: row.ref_key,
        payload: { entity_id: row.entity_id, list_generation: generation, before: rescreened.before, after: rescreened.after },
      });
    }
    if (rows.rows.length > audit.length) {
      const unchanged = rows.rows.filter((row) => !audit.some((entry) => entry.tenantId === row.tenant_id && entry.subject === row.ref_key));
      const keys = sql.join(unchanged.map((row) => sql`(${row.tenant_id}, ${row.ref_key})`));
      await sql`update enrichment_results set screened_generation = ${generation} where (tenant_id, ref_key) in (${keys})`.execute(trx);
    }
    await appendAudit(trx, audit);
    return { rescreened: rows.rows.length, changed: audit.length };
  });
}

/**
 * Re-screens every stale result in scope against the current lists, in batches of `batchSize` (each
 * its own transaction, so an interrupted run keeps what it did and the next one goes on). Stops
 * between batches when `signal` aborts.
 */
export async function rescreenStale(
  db: Kysely<Database>,
  lists: ScreeningLists,
  options: RescreenScope & { readonly at: () => Date; readonly batchSize?: number; readonly signal?: AbortSignal },
): Promise<RescreenOutcome> {
  const total: RescreenOutcome = { rescreened: 0, changed: 0 };
  for (;;) {
    options.signal?.throwIfAborted();
    // Read each batch: an import during the run moves every result to its lists.
    const index = await lists.atLeast(await listGeneration(db));
    const batch = await rescreenBatch(db, index, options, options.at(), options.batchSize ?? rescreenBatchSize);
    total.rescreened += batch.rescreened;
    total.changed += batch.changed;
    if (batch.rescreened === 0) return total;
  }
}

/**
 * Queues one re-screen job per tenant that has stale results and no re-screen job waiting or
 * running (in the caller's transaction: the import's, or the worker's sweep).
 */
export async function queueRescreenJobs(db: Kysely<Database> | Transaction<Database>, generation: number, at: Date): Promise<number> {
  const tenants = await sql<{ tenant_id: string }>`
    select distinct r.tenant_id from enrichment_results r
     where r.screened_generation < ${generation}
       and not exists (select 1 from jobs j where j.tenant_id = r.tenant_id and j.kind = ${sanctionsRescreenKind} and j.status in ('queued', 'running', 'failed'))`.execute(db);
  if (tenants.rows.length === 0) return 0;
  await db
    .insertInto('jobs')
    .values(
      tenants.rows.map(({ tenant_id }) => ({
        id: newId('job', at.getTime()),
        tenant_id,
        kind: sanctionsRescreenKind,
        dedupe_key: `lists:${generation}:${at.getTime()}`,
        payload: JSON.stringify({ list_generation: generation }),
        status: 'queued',
        run_after: at,
        last_error: null,
        created_at: at,
        updated_at: at,
      })),
    )
    .onConflict((conflict) => conflict.doNothing())
    .execute();
  return tenants.rows.length;
}
