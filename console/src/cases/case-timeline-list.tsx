import type { CaseDetail } from './case-types';

type Entry = CaseDetail['timeline'][number];

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

/** One timeline entry in words: what happened, from what to what. */
export function describeTimelineEntry(entry: Entry): string {
  const detail = entry.detail as Record<string, unknown>;
  switch (entry.kind) {
    case 'created':
      return `Opened on a ${text(detail.decision)} decision (score ${text(detail.risk_score)})`;
    case 're-scored':
      return `Scored again: ${text(detail.decision)} (score ${text(detail.risk_score)})`;
    case 'assigned':
      return detail.to === null ? `Unassigned from ${text(detail.from)}` : `Assigned to ${text(detail.to)}`;
    case 'status_changed':
      return `Status ${text(detail.from)} → ${text(detail.to)}`;
    case 'note':
      return `Note: ${text(detail.text)}`;
    case 'resolved':
      return `Resolved as ${text(detail.label ?? detail.resolution)}${detail.reason ? `: ${text(detail.reason)}` : ''}`;
    case 'reopened':
      return `Reopened${detail.reason ? `: ${text(detail.reason)}` : ''}`;
    case 'enrichment_ready': {
      const signals = Object.entries((detail.signals ?? {}) as Record<string, unknown>)
        .filter(([, value]) => value === true)
        .map(([name]) => name.replaceAll('_', ' '));
      return `KYC document of ${text(detail.entity_id)} analysed: ${signals.length === 0 ? 'no risk signal' : signals.join(', ')}`;
    }
    case 'label':
      return `Label ${text(detail.label)} from ${text(detail.source)}${detail.reason ? `: ${text(detail.reason)}` : ''}`;
    default:
      return entry.kind.replaceAll('_', ' ');
  }
}

/** Everything that happened to the case, oldest first. */
export function CaseTimelineList({ timeline }: { timeline: CaseDetail['timeline'] }) {
  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      <ol className="timeline" aria-label="Case timeline">
        {timeline.map((entry, index) => (
          <li key={`${entry.at}:${index}`}>
            <time dateTime={entry.at} className="muted">
              {new Date(entry.at).toLocaleString()}
            </time>{' '}
            <span className="muted">{entry.actor}</span> {describeTimelineEntry(entry)}
          </li>
        ))}
      </ol>
    </section>
  );
}
