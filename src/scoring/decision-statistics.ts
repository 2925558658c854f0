import { sql, type Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { decisions, type Decision } from '../contract/enums.js';
import { scoreBinCount, scoreBinWidth } from './score-bins.js';

/** A time window [from, to) of stored decisions. */
export interface Window {
  from: Date;
  to: Date;
}

/** Decisions per action in one time bucket. */
export type DecisionBucket = { bucketStart: Date } & Record<Decision, number>;

/** What the console's dashboard shows about a window of decisions. */
export interface DecisionStatistics {
  total: number;
  buckets: DecisionBucket[];
  /** Stored compute latency percentiles in milliseconds (null without decisions). */
  latency: { p50: number | null; p95: number | null; p99: number | null };
  /** Counts of risk scores in bins of `scoreBinWidth` from 0 (the last bin holds 1000 too). */
  scoreBins: number[];
}


const toNumber = (value: unknown): number => Number(value ?? 0);
const toNullableNumber = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/**
 * Decisions of a tenant in a window: counts per action per bucket (only buckets with decisions),
 * latency percentiles and the score histogram. Three aggregate queries; nothing is read row by row.
 */
export async function decisionStatistics(db: Kysely<Database>, tenantId: string, window: Window, bucketSeconds: number): Promise<DecisionStatistics> {
  const inWindow = sql`tenant_id = ${tenantId} and scored_at >= ${window.from} and scored_at < ${window.to}`;
  const bucketRows = await sql<{ bucket: string | number; decision: string; n: string | number }>`
    select floor(extract(epoch from scored_at) / ${bucketSeconds}) as bucket, decision, count(*) as n
    from risk_scores where ${inWindow} group by 1, 2 order by 1`.execute(db);
  const buckets = new Map<number, DecisionBucket>();
  let total = 0;
  for (const row of bucketRows.rows) {
    const bucket = toNumber(row.bucket);
    let entry = buckets.get(bucket);
    if (entry === undefined) {
      entry = { bucketStart: new Date(bucket * bucketSeconds * 1000), PASS: 0, REVIEW: 0, HOLD: 0, BLOCK: 0 };
      buckets.set(bucket, entry);
    }
    const count = toNumber(row.n);
    total += count;
    if ((decisions as readonly string[]).includes(row.decision)) entry[row.decision as Decision] += count;
  }
  const latencyRows = await sql<{ p50: unknown; p95: unknown; p99: unknown }>`
    select percentile_cont(0.5) within group (order by latency_ms) as p50,
           percentile_cont(0.95) within group (order by latency_ms) as p95,
           percentile_cont(0.99) within group (order by latency_ms) as p99
    from risk_scores where ${inWindow}`.execute(db);
  const latency = latencyRows.rows[0];
  const binRows = await sql<{ bin: string | number; n: string | number }>`
    select least(floor(risk_score / ${scoreBinWidth}), ${scoreBinCount - 1}) as bin, count(*) as n
    from risk_scores where ${inWindow} group by 1`.execute(db);
  const scoreBins = new Array<number>(scoreBinCount).fill(0);
  for (const row of binRows.rows) scoreBins[toNumber(row.bin)] = toNumber(row.n);
  return {
    total,
    buckets: [...buckets.values()],
    latency: { p50: toNullableNumber(latency?.p50), p95: toNullableNumber(latency?.p95), p99: toNullableNumber(latency?.p99) },
    scoreBins,
  };
}
