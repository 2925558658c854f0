import { StackedBarChart, type BarSeries } from '../components/bar-chart';
import type { Dashboard } from './dashboard-types';

const driftSeries: readonly BarSeries[] = [
  { key: 'live', label: 'Last 24 hours', className: 'fill-review' },
  { key: 'validation', label: 'Validation (training)', className: 'fill-neutral' },
];

/** Percent of a total, one decimal. */
const share = (count: number, total: number) => (total === 0 ? 0 : Math.round((count / total) * 1000) / 10);

/**
 * The last day's model-score distribution of the active model against the validation distribution
 * its trainer recorded, as shares per bin; when the artifact recorded none, says so and shows the
 * last day alone.
 */
export function ScoreDrift({ drift }: { drift: Dashboard['drift'] }) {
  const validation = drift.validation;
  const bars = drift.live.counts.map((count, index) => ({
    label: String(index * drift.bin_width),
    values: { live: share(count, drift.live.rows), ...(validation === null ? {} : { validation: share(validation.counts[index] ?? 0, validation.rows) }) },
  }));
  return (
    <section className="card" aria-labelledby="drift-title">
      <h2 id="drift-title">Score drift</h2>
      <p>
        Model {drift.model_version === null ? '—' : <code>{drift.model_version}</code>}: {drift.live.rows.toLocaleString()} decisions in the last 24 hours
        {validation === null ? '' : ` against ${validation.rows.toLocaleString()} validation rows`}.
        {drift.psi !== null && (
          <>
            {' '}
            <strong className={drift.psi >= 0.25 ? 'status-bad' : undefined}>PSI {drift.psi.toFixed(3)}</strong>
          </>
        )}
      </p>
      <p role="note" className={validation === null ? 'muted' : 'help'}>
        {drift.note}
      </p>
      {drift.live.rows > 0 && (
        <StackedBarChart
          title="Share of decisions per model-score bin, percent"
          bars={bars}
          series={validation === null ? driftSeries.slice(0, 1) : driftSeries}
          grouped
        />
      )}
    </section>
  );
}
