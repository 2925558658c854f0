import { sql, type Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { populationStability, scoreBinCount, scoreBinWidth } from './score-bins.js';
import type { Window } from './decision-statistics.js';

/** The live model-score distribution of a window against the active model's validation distribution. */
export interface ScoreDrift {
  /** The tenant's active model version; null when there is none. */
  modelVersion: string | null;
  /** Decisions of that version in the window, per bin of its model score (round(probability × 1000), before rules). */
  live: { rows: number; counts: number[] };
  /** The validation window's distribution from the artifact's metadata.json; null when the artifact did not record one. */
  validation: { rows: number; counts: number[] } | null;
  /** Population stability index of live against validation; null without both. */
  psi: number | null;
  /** What the figures mean, or why there are none. */
  note: string;
}

/** The recorded validation histogram of a metadata.json, when it is there and has the dashboard's bins. */
export function recordedValidationHistogram(metadata: unknown): { rows: number; counts: number[] } | null | 'no-window' {
  const recorded = (metadata as { validation_score_histogram?: unknown } | null)?.validation_score_histogram;
  if (recorded === null) return 'no-window';
  const histogram = recorded as { bin_width?: unknown; counts?: unknown; rows?: unknown } | undefined;
  const counts = histogram?.counts;
  if (histogram?.bin_width !== scoreBinWidth || !Array.isArray(counts) || counts.length !== scoreBinCount) return null;
  if (!counts.every((count) => Number.isSafeInteger(count) && (count as number) >= 0)) return null;
  const numbers = counts as number[];
  return { rows: numbers.reduce((sum, count) => sum + count, 0), counts: numbers };
}

function reading(psi: number): string {
  if (psi < 0.1) return 'stable';
  if (psi < 0.25) return 'a moderate shift';
  return 'a significant shift';
}

/**
 * The score drift of a tenant's active model over a window: its decisions' model scores (the
 * probability on the 0–1000 scale, before rules move it) per histogram bin, against the validation
 * distribution its trainer recorded. An artifact that did not record one is said so; nothing is
 * estimated in its place.
 */
export async function scoreDrift(db: Kysely<Database>, tenantId: string, window: Window): Promise<ScoreDrift> {
  const empty = { rows: 0, counts: new Array<number>(scoreBinCount).fill(0) };
  const active = await db.selectFrom('active_models').select('version').where('tenant_id', '=', tenantId).executeTakeFirst();
  if (active === undefined) return { modelVersion: null, live: empty, validation: null, psi: null, note: 'No active model: nothing to compare.' };
  const model = await db.selectFrom('model_versions').select('metadata').where('tenant_id', '=', tenantId).where('version', '=', active.version).executeTakeFirst();
  const rows = await sql<{ bin: number | string; n: number | string }>`
    select least(greatest(floor(floor(probability * 1000 + 0.5) / ${scoreBinWidth}), 0), ${scoreBinCount - 1}) as bin, count(*) as n
    from risk_scores
    where tenant_id = ${tenantId} and scored_at >= ${window.from} and scored_at < ${window.to} and model_version = ${active.version}
    group by 1`.execute(db);
  const counts = new Array<number>(scoreBinCount).fill(0);
  for (const row of rows.rows) counts[Number(row.bin)] = Number(row.n);
  const live = { rows: counts.reduce((sum, count) => sum + count, 0), counts };
  const recorded = recordedValidationHistogram(model?.metadata);
  const base = { modelVersion: active.version, live };
  if (recorded === 'no-window') return { ...base, validation: null, psi: null, note: 'Validation distribution not recorded for this model: it was trained without a validation window.' };
  if (recorded === null) {
    return { ...base, validation: null, psi: null, note: 'Validation distribution not recorded for this model (its artifact predates it); a model trained by this version of sentra train records it.' };
  }
  if (live.rows === 0) return { ...base, validation: recorded, psi: null, note: 'No decisions by this model in the window yet.' };
  const psi = populationStability(recorded.counts, live.counts);
  return {
    ...base,
    validation: recorded,
    psi,
    note: psi === null ? 'No comparison: the recorded validation distribution is empty.' : `Population stability index ${psi.toFixed(3)}: ${reading(psi)} (below 0.1 stable, 0.1–0.25 moderate, above 0.25 significant).`,
  };
}
