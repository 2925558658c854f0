import { ValidationError } from '../../errors/errors.js';

/** One scored transaction for entity precision@k. */
export interface EntityScore {
  /** Day of the transaction (a day number or an ISO date string). */
  readonly day: number | string;
  /** The entity (card, customer, account) the transaction belongs to. */
  readonly entityId: string;
  /** Model score of the transaction. */
  readonly score: number;
  /** 1 when the transaction is fraudulent. */
  readonly label: number;
}

/** Precision@k of one day. */
export interface DailyPrecision {
  readonly day: number | string;
  /** Share of the day's top k entities that are compromised (divided by k, as in the handbook). */
  readonly precision: number;
  /** Compromised entities found among the top k (removed from later days). */
  readonly detected: number;
  /** Compromised entities that day that were not already known. */
  readonly compromised: number;
}

/** Mean and per-day entity precision@k. */
export interface EntityPrecision {
  readonly mean: number;
  readonly days: DailyPrecision[];
}

/**
 * "Card precision top-k" of the Fraud Detection Handbook (Le Borgne et al.), for any entity: each
 * day, every entity not already detected gets its highest score and its highest label of that
 * day; entities are ranked by that score (ties by entity id, for determinism) and precision is
 * the number of compromised entities among the top k, divided by k. Entities detected in a day's
 * top k are known compromised from then on and removed on later days. The result is the mean over
 * days (days in ascending order).
 */
export function entityPrecisionAtK(records: readonly EntityScore[], k: number): EntityPrecision {
  if (!Number.isInteger(k) || k < 1) throw new ValidationError([{ code: 'range', path: '/k', message: `k must be a positive integer, got ${k}` }], `Invalid k: ${k}.`);
  const byDay = new Map<number | string, Map<string, { score: number; label: number }>>();
  records.forEach((record, index) => {
    if (!Number.isFinite(record.score) || Number.isNaN(record.label)) {
      throw new ValidationError([{ code: 'range', path: `/records/${index}`, message: 'score must be finite and label a number' }], `Invalid record ${index} for entity precision.`);
    }
    let entities = byDay.get(record.day);
    if (entities === undefined) byDay.set(record.day, (entities = new Map()));
    const current = entities.get(record.entityId);
    if (current === undefined) entities.set(record.entityId, { score: record.score, label: record.label });
    else entities.set(record.entityId, { score: Math.max(current.score, record.score), label: Math.max(current.label, record.label) });
  });
  const days = [...byDay.keys()].sort((left, right) => (typeof left === 'number' && typeof right === 'number' ? left - right : String(left).localeCompare(String(right))));
  const known = new Set<string>();
  const results: DailyPrecision[] = days.map((day) => {
    const ranked = [...(byDay.get(day) ?? new Map<string, { score: number; label: number }>()).entries()]
      .filter(([entityId]) => !known.has(entityId))
      .sort(([leftId, left], [rightId, right]) => right.score - left.score || (leftId < rightId ? -1 : leftId > rightId ? 1 : 0));
    const compromised = ranked.filter(([, entity]) => entity.label >= 0.5).length;
    const detected = ranked.slice(0, k).filter(([, entity]) => entity.label >= 0.5);
    for (const [entityId] of detected) known.add(entityId);
    return { day, precision: detected.length / k, detected: detected.length, compromised };
  });
  const mean = results.length === 0 ? Number.NaN : results.reduce((sum, result) => sum + result.precision, 0) / results.length;
  return { mean, days: results };
}
