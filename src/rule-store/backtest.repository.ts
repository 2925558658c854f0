import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import type { LabelValue } from '../contract/enums.js';
import { effectiveLabel } from '../contract/label-precedence.js';
import type { ReferencedFields } from '../rules/compile-rule.js';
import { ruleFields } from '../rules/rule-fields.js';

/** Stored decisions read per query: bounded memory and query time whatever the range holds. */
export const backtestPageSize = 10_000;

/** One stored decision, with the transaction fields and features the expression reads. */
export interface StoredDecisionRow {
  id: string;
  tx_id: string;
  scored_at: Date;
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
  /** `signals.network` when the expression reads `signals`. */
  network?: unknown;
  /** The whole stored feature row when the expression reads `features` as a whole. */
  features?: Record<string, number | null>;
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
    ...(fields.features === 'all' ? [sql`r.features`] : [...fields.features].map((name, index) => sql`(r.features->>${name})::float8 as ${sql.ref(`f${index}`)}`)),
    ...(fields.signals === 'all' || fields.signals.has('network') ? [sql`t.network`] : []),
  ];
  const result = await sql<StoredDecisionRow>`
    select r.id, r.tx_id, r.scored_at, t.amount::float8 as amount, t.currency, r.risk_score, r.probability, r.decision, r.model_version,
           coalesce(r.thresholds->>'reviewAt', r.thresholds->>'review_at')::int as review_at,
           coalesce(r.thresholds->>'holdAt', r.thresholds->>'hold_at')::int as hold_at,
           coalesce(r.thresholds->>'blockAt', r.thresholds->>'block_at')::int as block_at,
           (r.rule_hits->>'model_score')::int as model_score, r.rule_hits->>'model_decision' as model_decision,
           case when r.rule_hits is null then null
                else (select jsonb_agg(h) from jsonb_array_elements(r.rule_hits->'hits') as h where h->>'mode' = 'live' and h->>'outcome' = 'hit') end as live_hits
           ${columns.length === 0 ? sql`` : sql`, ${sql.join(columns)}`}
      from risk_scores r
      join transactions t on t.tenant_id = r.tenant_id and t.tx_id = r.tx_id
     where r.tenant_id = ${tenantId} and r.id > ${afterId} and r.scored_at >= ${range.from} and r.scored_at < ${range.to}
     order by r.id
     limit ${backtestPageSize}`.execute(db);
  return result.rows;
}

/** The effective label (src/contract/label-precedence.ts) of each of these transactions that has one. */
export async function effectiveLabels(db: Kysely<Database>, tenantId: string, txIds: readonly string[]): Promise<Map<string, LabelValue>> {
  const labels = new Map<string, LabelValue>();
  if (txIds.length === 0) return labels;
  const rows = await db.selectFrom('labels').select(['tx_id', 'source', 'label', 'labeled_at']).where('tenant_id', '=', tenantId).where('tx_id', 'in', [...new Set(txIds)]).execute();
  const byTx = new Map<string, typeof rows>();
  for (const row of rows) (byTx.get(row.tx_id) ?? byTx.set(row.tx_id, []).get(row.tx_id)!).push(row);
  for (const [txId, ofTx] of byTx) {
    const label = effectiveLabel(ofTx);
    if (label !== undefined) labels.set(txId, label.label as LabelValue);
  }
  return labels;
}
