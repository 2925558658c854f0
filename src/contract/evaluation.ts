import { Type, type Static } from '@sinclair/typebox';

const Rate = Type.Union([Type.Number(), Type.Null()], { description: 'A fraction 0–1; null when undefined (nothing to divide by).' });
const Point = {
  flagged: Type.Integer({ description: 'Payments at or above the cut-off (reviewed or stopped).' }),
  review_rate: Rate,
  fraud_caught: Type.Integer(),
  fraud_caught_usd: Type.Number(),
  false_positives: Type.Integer({ description: 'Flagged payments not labelled fraud.' }),
  precision: Rate,
  recall: Rate,
  chargeback_avoided_usd: Type.Number({ description: 'Fraud chargebacks (USD) on flagged payments: what flagging them would have avoided.' }),
};

/** `GET /v1/merchants/{merchant_id}/evaluation` query. */
export const EvaluationQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ format: 'date-time', description: 'Start of the window (payment time, inclusive); default 50 days before `to`.' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'End of the window (exclusive); default now.' })),
    format: Type.Optional(Type.Unsafe<'json' | 'csv' | 'html'>({ type: 'string', enum: ['json', 'csv', 'html'], description: 'json (default), csv, or html: a self-contained page. Accept: text/csv or text/html does the same.' })),
  },
  { additionalProperties: false },
);
/** The evaluation query. */
export type EvaluationQuery = Static<typeof EvaluationQuery>;

/** The evaluation report of a merchant's feed over a window. */
export const EvaluationReport = Type.Object({
  merchant_id: Type.String(),
  merchant_name: Type.String(),
  mode: Type.String({ description: 'The merchant\'s mode now: shadow or live.' }),
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  generated_at: Type.String({ format: 'date-time', description: 'Labels known at this time count, including those that arrived after the window.' }),
  thresholds: Type.Object({ review_at: Type.Integer(), hold_at: Type.Integer(), block_at: Type.Integer(), source: Type.String({ description: 'merchant (its own) or tenant.' }) }),
  mode_changes: Type.Array(Type.Object({ mode: Type.String(), changed_at: Type.String({ format: 'date-time' }) }), { description: 'Promotions to live and demotions to shadow, oldest first.' }),
  totals: Type.Object({
    payments: Type.Integer({ description: 'Feed payments created in the window, each with its first feed decision.' }),
    shadow_payments: Type.Integer({ description: 'Of which scored while the merchant was in shadow mode.' }),
    fraud: Type.Integer({ description: 'Payments whose effective label is fraud.' }),
    fraud_usd: Type.Number(),
    chargeback_usd: Type.Number({ description: 'Fraud chargebacks reported by the feed on these payments.' }),
  }),
  operating_points: Type.Array(Type.Object({ name: Type.String({ description: 'review_at, hold_at, block_at (the thresholds in force) or alternative_<cutoff>.' }), cutoff: Type.Integer(), ...Point })),
  score_distribution: Type.Array(Type.Object({ from: Type.Integer(), to: Type.Integer(), payments: Type.Integer(), fraud: Type.Integer() })),
  precision_recall: Type.Array(Type.Object({ cutoff: Type.Integer(), flagged: Type.Integer(), precision: Rate, recall: Rate })),
  psp_comparison: Type.Union([
    Type.Object({ payments: Type.Integer({ description: 'Payments the PSP gave a verdict on.' }), psp: Type.Object(Point), sentra: Type.Object(Point, { description: 'Sentra at the review threshold on the same payments.' }) }),
    Type.Null(),
  ]),
});
/** The evaluation report. */
export type EvaluationReport = Static<typeof EvaluationReport>;

/** `POST /v1/merchants/{merchant_id}/promote` and `/demote` answer. */
export const ModeChangeView = Type.Object({ merchant_id: Type.String(), mode: Type.String(), changed_at: Type.String({ format: 'date-time' }) });
