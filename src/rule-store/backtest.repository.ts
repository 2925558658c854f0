import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import type { LabelValue } from '../contract/enums.js';
import { effectiveLabel } from '../contract/label-precedence.js';
import type { ReferencedFields } from '../rules/compile-rule.js';
import { ruleFields } from '../rules/rule-fields.js';
import { namedFeatures, unpackFeatureValues } from '../features/feature-lists.js';

/** Stored decisions read per query: bounded memory and query time whatever the range holds. */
export const backtestPageSize = 10_000;

/** One stored decision, with the transaction fields and features the expression reads. */
export interface StoredDecisionRow {
  id: string;
  tx_id: string;
  /** ISO 8601 text. */
  scored_at: string;
  amount: number;
  currency: string;
  risk_score: number;
  probability: number;
  decision: string;
  model_version: string;
  review_at: number | null;
  hold_at: number | null;
  block_at: number | null;
  /** The model's own score and decision, stored when the tenant had rules (else the decision is the model's). */
  model_score: number | null;
  model_decision: string | null;
  /** The live hits stored with the decision, when any. */
  live_hits: unknown;
  /** Every label of the transaction (timestamps as ISO text), or null when it has none. */
  labels: Array<{ source: string; label: string; labeled_at: string }> | null;
  /** `signals.network` when the expression reads `signals`. */
  network?: unknown;
  /** The whole stored feature row when the expression reads `features` as a whole (named after the query, see nameStoredFeatures). */
  features?: Record<string, number | null>;
  /** The row's feature list when `features` was read whole and is stored packed (migration 0084) or as an array (0080). */
  feature_list?: string | null;
  /** `x_<field>` (tx), `e_<field>` (entities), `f<index>` (features) as selected. */
  [selected: string]: unknown;
}

/** The SQL of each `tx` field, by its rule name. */
const txColumns: Readonly<Record<string, string>> = {
  tx_id: 't.tx_id',
  created_at: 't.created_at',
  amount: 't.amount::float8',
  currency: 't.currency',
  fx_rate: 't.fx_rate',
  direction: 't.direction',
  channel: 't.channel',
  psp: 't.psp',
  route_id: 't.route_id',
  status: 't.status',
  status_reason: 't.status_reason',
  fee_total: 't.fee_total::float8',
};

/** The `tx` and `entities` fields to read, by rule name. */
export function selectedFields(fields: ReferencedFields): { tx: string[]; entities: string[] } {
  const known = (chosen: ReadonlySet<string> | 'all', all: ReadonlySet<string>) => [...(chosen === 'all' ? all : chosen)].filter((name) => all.has(name));
  return { tx: known(fields.tx, ruleFields.tx), entities: known(fields.entities, ruleFields.entities) };
}

/**
 * A page of a tenant's stored decisions scored in [from, to), after `afterId` in id order (ids are
 * time-sortable). Only the fields and features the expression reads are selected, so a backtest
 * over a million decisions moves a few columns per row, not the whole stored vector.
 */
export async function storedDecisionPage(
  db: Kysely<Database>,
  tenantId: string,
  range: { from: Date; to: Date },
  fields: ReferencedFields,
  afterId: string,
): Promise<StoredDecisionRow[]> {
  const { tx, entities } = selectedFields(fields);
  const columns: RawBuilder<unknown>[] = [
    ...tx.map((name) => sql`${sql.raw(txColumns[name]!)} as ${sql.ref(`x_${name}`)}`),
    ...entities.map((name) => sql`${sql.ref(`t.${name}`)} as ${sql.ref(`e_${name}`)}`),
    // A feature by name: from an object row by its key, from a packed row (migration 0084) or an
    // array row (0080) by its position in the row's list (joined once per row, below); the whole
    // vector as stored, named after.
    ...(fields.features === 'all'
      ? [sql`r.features`, sql`r.feature_list`]
      : [...fields.features].map(
          (name, index) => sql`(case when r.feature_list is null then r.features ->> ${name}
                                     when jsonb_typeof(r.features) = 'string' then nullif(split_part(r.features #>> '{}', ',', (fl.positions ->> ${name})::int + 1), '')
                                     else r.features ->> (fl.positions ->> ${name})::int end)::float8 as ${sql.ref(`f${index}`)}`,
        )),
    ...(fields.signals === 'all' || fields.signals.has('network') ? [sql`t.network`] : []),
  ];
  // The page comes back as one JSON text rather than 10,000 rows: on the embedded store, decoding the
  // rows of PostgreSQL's wire format and posting them from the database thread cost about twice the
  // query itself; one string crosses at once and JSON.parse reads it in a few milliseconds.
  // Timestamps arrive as ISO strings (the backtest makes dates of them), jsonb as objects.
  const result = await sql<{ page: string }>`
    select coalesce(json_agg(page_rows order by page_rows.id), '[]')::text as page from (
    select r.id, r.tx_id, r.scored_at, t.amount::float8 as amount, t.currency, r.risk_score, r.probability, r.decision, r.model_version,
           coalesce(r.thresholds->>'reviewAt', r.thresholds->>'review_at')::int as review_at,
           coalesce(r.thresholds->>'holdAt', r.thresholds->>'hold_at')::int as hold_at,
           coalesce(r.thresholds->>'blockAt', r.thresholds->>'block_at')::int as block_at,
           (r.rule_hits->>'model_score')::int as model_score, r.rule_hits->>'model_decision' as model_decision,
           case when r.rule_hits is null then null
                else (select jsonb_agg(h) from jsonb_array_elements(r.rule_hits->'hits') as h where h->>'mode' = 'live' and h->>'outcome' = 'hit') end as live_hits,
           (select json_agg(json_build_object('source', l.source, 'label', l.label, 'labeled_at', l.labeled_at))
              from labels l where l.tenant_id = r.tenant_id and l.tx_id = r.tx_id) as labels
           ${columns.length === 0 ? sql`` : sql`, ${sql.join(columns)}`}
      from risk_scores r
      join transactions t on t.tenant_id = r.tenant_id and t.tx_id = r.tx_id
      ${fields.features !== 'all' && fields.features.size > 0 ? sql`left join feature_lists fl on fl.id = r.feature_list` : sql``}
     where r.tenant_id = ${tenantId} and r.id > ${afterId} and r.scored_at >= ${range.from} and r.scored_at < ${range.to}
     order by r.id
     limit ${backtestPageSize}) as page_rows`.execute(db);
  const rows = JSON.parse(result.rows[0]!.page) as StoredDecisionRow[];
  if (fields.features === 'all') await nameStoredFeatures(db, rows);
  return rows;
}

/** Turns the rows' stored packed values and arrays into objects by name (rows holding an object stay as they are). */
async function nameStoredFeatures(db: Kysely<Database>, rows: StoredDecisionRow[]): Promise<void> {
  const ids = [...new Set(rows.flatMap((row) => (typeof row.feature_list === 'string' ? [row.feature_list] : [])))];
  if (ids.length === 0) return;
  const lists = new Map((await db.selectFrom('feature_lists').select(['id', 'names']).where('id', 'in', ids).execute()).map((list) => [list.id, list.names]));
  for (const row of rows) {
    if (typeof row.feature_list !== 'string') continue;
    const stored: unknown = row.features;
    if (typeof stored !== 'string' && !Array.isArray(stored)) continue;
    const names = lists.get(row.feature_list);
    if (names === undefined) throw new Error(`stored decision ${row.id}: feature list ${row.feature_list} is not stored`);
    row.features = namedFeatures(names, typeof stored === 'string' ? unpackFeatureValues(stored, names.length) : (stored as (number | null)[]));
  }
}

/** The effective label (src/contract/label-precedence.ts) among a stored decision's labels, if any. */
export function effectiveLabelOf(row: StoredDecisionRow): LabelValue | undefined {
  if (row.labels === null) return undefined;
  const label = effectiveLabel(row.labels.map((stored) => ({ ...stored, labeled_at: new Date(stored.labeled_at) })));
  return label?.label as LabelValue | undefined;
}

