import { sql, type Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import type { Decision } from '../contract/enums.js';
import type { Thresholds } from './thresholds.js';
import type { Window } from './decision-statistics.js';

/** What a set of thresholds would have done to the stored decisions of a window. */
export interface ThresholdEffect {
  thresholds: Thresholds;
  counts: Record<Decision, number>;
  /** Share of decisions that are not PASS (sent to an analyst or stopped); null without decisions. */
  reviewRate: number | null;
  /** Labelled-fraud decisions that would not PASS. */
  fraudCaught: number;
  /** fraudCaught over all labelled-fraud decisions; null without fraud labels. */
  fraudCaughtRate: number | null;
  /** Labelled-legit decisions that would not PASS (the analysts' wasted work). */
  legitFlagged: number;
}

/** The effect of the current and a proposed set of thresholds on the same stored decisions. */
export interface ThresholdPreview {
  decisions: number;
  labelledFraud: number;
  labelledLegit: number;
  current: ThresholdEffect;
  proposed: ThresholdEffect;
}

interface Tally {
  atReview: number;
  atHold: number;
  atBlock: number;
  fraudAtReview: number;
  legitAtReview: number;
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

function effect(thresholds: Thresholds, tally: Tally, decisions: number, labelledFraud: number): ThresholdEffect {
  return {
    thresholds,
    counts: {
      PASS: decisions - tally.atReview,
      REVIEW: tally.atReview - tally.atHold,
      HOLD: tally.atHold - tally.atBlock,
      BLOCK: tally.atBlock,
    },
    reviewRate: ratio(tally.atReview, decisions),
    fraudCaught: tally.fraudAtReview,
    fraudCaughtRate: ratio(tally.fraudAtReview, labelledFraud),
    legitFlagged: tally.legitAtReview,
  };
}

/**
 * Replays the stored risk scores of a window under two sets of thresholds. A payment's label is its
 * latest one; a payment scored twice counts twice, as it was decided twice. Only the score-based
 * decision is replayed: it says what the thresholds change, not what rules would add.
 */
export async function previewThresholds(
  db: Kysely<Database>,
  tenantId: string,
  window: Window,
  current: Thresholds,
  proposed: Thresholds,
): Promise<ThresholdPreview> {
  const tallies = (t: Thresholds, suffix: string) => sql`
    count(*) filter (where s.risk_score >= ${t.reviewAt}) as ${sql.raw(`at_review_${suffix}`)},
    count(*) filter (where s.risk_score >= ${t.holdAt}) as ${sql.raw(`at_hold_${suffix}`)},
    count(*) filter (where s.risk_score >= ${t.blockAt}) as ${sql.raw(`at_block_${suffix}`)},
    count(*) filter (where s.risk_score >= ${t.reviewAt} and l.label = 'fraud') as ${sql.raw(`fraud_at_review_${suffix}`)},
    count(*) filter (where s.risk_score >= ${t.reviewAt} and l.label = 'legit') as ${sql.raw(`legit_at_review_${suffix}`)}`;
  const result = await sql<Record<string, string | number>>`
    with latest_labels as (
      select distinct on (tx_id) tx_id, label from labels where tenant_id = ${tenantId} order by tx_id, labeled_at desc
    )
    select count(*) as decisions,
           count(*) filter (where l.label = 'fraud') as labelled_fraud,
           count(*) filter (where l.label = 'legit') as labelled_legit,
           ${tallies(current, 'current')},
           ${tallies(proposed, 'proposed')}
    from risk_scores s left join latest_labels l on l.tx_id = s.tx_id
    where s.tenant_id = ${tenantId} and s.scored_at >= ${window.from} and s.scored_at < ${window.to}`.execute(db);
  const row = result.rows[0] ?? {};
  const read = (name: string) => Number(row[name] ?? 0);
  const tally = (suffix: string): Tally => ({
    atReview: read(`at_review_${suffix}`),
    atHold: read(`at_hold_${suffix}`),
    atBlock: read(`at_block_${suffix}`),
    fraudAtReview: read(`fraud_at_review_${suffix}`),
    legitAtReview: read(`legit_at_review_${suffix}`),
  });
  const decisions = read('decisions');
  const labelledFraud = read('labelled_fraud');
  return {
    decisions,
    labelledFraud,
    labelledLegit: read('labelled_legit'),
    current: effect(current, tally('current'), decisions, labelledFraud),
    proposed: effect(proposed, tally('proposed'), decisions, labelledFraud),
  };
}
