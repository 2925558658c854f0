import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { StackedBarChart, type BarSeries } from '../components/bar-chart';
import { everyBucket } from './time-buckets';
import { ReviewBacklog } from './review-backlog';
import { ScoreDrift } from './score-drift';

const windows = [
  { hours: 24, label: 'Last 24 hours' },
  { hours: 168, label: 'Last 7 days' },
  { hours: 720, label: 'Last 30 days' },
] as const;

const decisionSeries: readonly BarSeries[] = [
  { key: 'PASS', label: 'PASS', className: 'fill-pass' },
  { key: 'REVIEW', label: 'REVIEW', className: 'fill-review' },
  { key: 'HOLD', label: 'HOLD', className: 'fill-hold' },
  { key: 'BLOCK', label: 'BLOCK', className: 'fill-block' },
];

const formatMs = (value: number | null) => (value === null ? '—' : `${value.toFixed(2)} ms`);

/**
 * The dashboard: decisions per action over time, latency percentiles and the score distribution of
 * the window; the review backlog with its SLA breaches and the score drift of the last day.
 */
export function DashboardPage() {
  const [search, setSearch] = useSearchParams();
  const hours = windows.find((window) => String(window.hours) === search.get('hours'))?.hours ?? 24;
  const dashboard = useQuery({
    queryKey: ['dashboard', hours],
    queryFn: async () => unwrap(await api.GET('/v1/dashboard', { params: { query: { hours: String(hours) } } })),
    refetchInterval: 30_000,
  });
  const data = dashboard.data;
  const hourly = data?.bucket_seconds === 3600;
  const bars = (data === undefined ? [] : everyBucket(data.from, data.to, data.bucket_seconds, data.decisions_over_time)).map((bucket) => {
      const start = new Date(bucket.bucket_start);
      return {
        label: hourly ? `${String(start.getHours()).padStart(2, '0')}:00` : start.toLocaleDateString(undefined, { month: 'short', day: 'numeric' }),
        values: { PASS: bucket.PASS, REVIEW: bucket.REVIEW, HOLD: bucket.HOLD, BLOCK: bucket.BLOCK },
      };
    });
  const binWidth = data?.score_histogram.bin_width ?? 50;
  const histogram =
    data?.score_histogram.counts.map((count, index) => ({ label: String(index * binWidth), values: { count } })) ?? [];

  return (
    <div className="page dashboard">
      <div className="page-heading">
        <h1>Dashboard</h1>
        <label>
          Window{' '}
          <select value={hours} onChange={(event) => setSearch({ hours: event.target.value })}>
            {windows.map((window) => (
              <option key={window.hours} value={window.hours}>
                {window.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {dashboard.isError && (
        <p role="alert" className="problem">
          {dashboard.error.message}
        </p>
      )}
      {data === undefined ? (
        !dashboard.isError && <p role="status">Loading…</p>
      ) : (
        <>
          <ul className="stat-cards" aria-label="Key figures">
            <li className="card">
              <span className="stat-label">Decisions</span>
              <span className="stat-value">{data.total}</span>
            </li>
            <li className="card">
              <span className="stat-label">Not PASS</span>
              <span className="stat-value">{data.total - data.decisions_over_time.reduce((sum, bucket) => sum + bucket.PASS, 0)}</span>
            </li>
            <li className="card">
              <span className="stat-label">Latency p50</span>
              <span className="stat-value">{formatMs(data.latency_ms.p50)}</span>
            </li>
            <li className="card">
              <span className="stat-label">Latency p95</span>
              <span className="stat-value">{formatMs(data.latency_ms.p95)}</span>
            </li>
            <li className="card">
              <span className="stat-label">Latency p99</span>
              <span className="stat-value">{formatMs(data.latency_ms.p99)}</span>
            </li>
          </ul>
          {data.total === 0 ? (
            <p className="card muted">No decisions in this window yet. Score a payment on the Manual score page, or send traffic to the API.</p>
          ) : (
            <div className="two-columns">
              <section className="card" aria-labelledby="over-time-title">
                <h2 id="over-time-title">Decisions per {hourly ? 'hour' : 'day'}</h2>
                <StackedBarChart title="Decisions per action over time" bars={bars} series={decisionSeries} />
              </section>
              <section className="card" aria-labelledby="distribution-title">
                <h2 id="distribution-title">Risk score distribution</h2>
                <StackedBarChart title="Decisions per risk-score bin" bars={histogram} series={[{ key: 'count', label: 'Decisions', className: 'fill-neutral' }]} />
              </section>
            </div>
          )}
          <div className="two-columns">
            <ReviewBacklog backlog={data.review_backlog} />
            <ScoreDrift drift={data.drift} />
          </div>
        </>
      )}
    </div>
  );
}
