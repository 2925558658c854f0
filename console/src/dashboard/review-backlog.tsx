import { Link } from 'react-router';
import { StackedBarChart, type BarSeries } from '../components/bar-chart';
import type { Dashboard } from './dashboard-types';

const ageSeries: readonly BarSeries[] = [
  { key: 'within', label: 'Within SLA', className: 'fill-neutral' },
  { key: 'overdue', label: 'Overdue (SLA breached)', className: 'fill-block' },
];

const levels = ['BLOCK', 'HOLD', 'REVIEW', 'PASS'] as const;

/** Minutes in words: "45 min", "4 h", "2 d". */
export function durationText(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440} d`;
  if (minutes % 60 === 0) return `${minutes / 60} h`;
  return minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
}

/** The review queue now: unresolved cases by age with their SLA breaches, and the SLA that applies. */
export function ReviewBacklog({ backlog }: { backlog: Dashboard['review_backlog'] }) {
  const bars = backlog.by_age.map((bin) => ({ label: bin.label, values: { within: bin.cases - bin.overdue, overdue: bin.overdue } }));
  return (
    <section className="card" aria-labelledby="backlog-title">
      <h2 id="backlog-title">Review backlog</h2>
      <ul className="stat-cards backlog-figures" aria-label="Backlog figures">
        <li>
          <span className="stat-label">Unresolved cases</span>
          <span className="stat-value">{backlog.unresolved}</span>
        </li>
        <li>
          <span className="stat-label">SLA breaches</span>
          <span className={`stat-value${backlog.overdue > 0 ? ' status-bad' : ''}`}>{backlog.overdue}</span>
        </li>
        <li>
          <span className="stat-label">Open / in review / escalated</span>
          <span className="stat-value">
            {backlog.by_status.open} / {backlog.by_status.in_review} / {backlog.by_status.escalated}
          </span>
        </li>
        <li>
          <span className="stat-label">Oldest opened</span>
          <span className="stat-value stat-small">{backlog.oldest_opened_at === null ? '—' : new Date(backlog.oldest_opened_at).toLocaleString()}</span>
        </li>
      </ul>
      {backlog.unresolved > 0 && <StackedBarChart title="Unresolved cases by age" bars={bars} series={ageSeries} />}
      <p className="help">
        SLA from opening: {levels.map((level) => `${level === 'PASS' ? 'saved by hand' : level} ${durationText(backlog.sla_minutes[level])}`).join(', ')} (set by{' '}
        <code>SENTRA_CASE_SLA_&lt;DECISION&gt;_MINUTES</code>). <Link to="/cases?sort=sla">Open the queue by SLA</Link>
      </p>
    </section>
  );
}
