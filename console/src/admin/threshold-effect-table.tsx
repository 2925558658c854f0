import type { Preview } from './threshold-types';

type Effect = Preview['current'];

const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)} %`);
const signed = (value: number) => (value > 0 ? `+${value}` : String(value));

interface Row {
  label: string;
  show(effect: Effect): string;
  /** The difference proposed − current, when a number says it better. */
  change?(current: Effect, proposed: Effect): string;
}

const rows: readonly Row[] = [
  { label: 'PASS', show: (effect) => String(effect.counts.PASS), change: (a, b) => signed(b.counts.PASS - a.counts.PASS) },
  { label: 'REVIEW', show: (effect) => String(effect.counts.REVIEW), change: (a, b) => signed(b.counts.REVIEW - a.counts.REVIEW) },
  { label: 'HOLD', show: (effect) => String(effect.counts.HOLD), change: (a, b) => signed(b.counts.HOLD - a.counts.HOLD) },
  { label: 'BLOCK', show: (effect) => String(effect.counts.BLOCK), change: (a, b) => signed(b.counts.BLOCK - a.counts.BLOCK) },
  { label: 'Review rate (not PASS)', show: (effect) => percent(effect.review_rate) },
  { label: 'Fraud caught', show: (effect) => `${effect.fraud_caught} (${percent(effect.fraud_caught_rate)})`, change: (a, b) => signed(b.fraud_caught - a.fraud_caught) },
  { label: 'Legit flagged', show: (effect) => String(effect.legit_flagged), change: (a, b) => signed(b.legit_flagged - a.legit_flagged) },
];

/** Current against proposed thresholds on the same stored decisions, with the change. */
export function ThresholdEffectTable({ preview }: { preview: Preview }) {
  return (
    <>
      <p>
        {preview.decisions} decisions from {new Date(preview.from).toLocaleDateString()} to {new Date(preview.to).toLocaleDateString()}; labels:{' '}
        {preview.labelled_fraud} fraud, {preview.labelled_legit} legit. Replays the score-based decision only.
      </p>
      <table className="effect-table">
        <thead>
          <tr>
            <th scope="col">Outcome</th>
            <th scope="col" className="number">
              Current
              <span className="thresholds-triple">
                {preview.current.thresholds.review_at}/{preview.current.thresholds.hold_at}/{preview.current.thresholds.block_at}
              </span>
            </th>
            <th scope="col" className="number">
              Proposed
              <span className="thresholds-triple">
                {preview.proposed.thresholds.review_at}/{preview.proposed.thresholds.hold_at}/{preview.proposed.thresholds.block_at}
              </span>
            </th>
            <th scope="col" className="number">
              Change
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td className="number">{row.show(preview.current)}</td>
              <td className="number">{row.show(preview.proposed)}</td>
              <td className="number">{row.change?.(preview.current, preview.proposed) ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
