import type { ModelDetail } from './model-types';

const rowHeight = 20;
const labelWidth = 250;
const width = 440;

/** A model's features by share of its total split gain: horizontal bars, each also a list item for screen readers. */
export function ImportanceChart({ importance }: { importance: ModelDetail['feature_importance'] }) {
  if (importance.length === 0) return <p className="muted">The model's trees have no splits.</p>;
  const largest = Math.max(...importance.map((entry) => entry.share));
  const barSpace = width - labelWidth - 48;
  const height = importance.length * rowHeight + 4;
  return (
    <figure className="chart importance-chart">
      <svg viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
        {importance.map((entry, index) => {
          const y = 2 + index * rowHeight;
          const length = Math.max(1, (entry.share / largest) * barSpace);
          return (
            <g key={entry.feature} data-feature={entry.feature}>
              <text x={labelWidth - 6} y={y + 13} textAnchor="end" className="axis-label feature-label">
                {entry.feature}
              </text>
              <rect x={labelWidth} y={y + 3} width={length} height={rowHeight - 7} className="fill-neutral" />
              <text x={labelWidth + length + 4} y={y + 13} className="axis-label">
                {(entry.share * 100).toFixed(1)}%
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ol className="visually-hidden">
          {importance.map((entry) => (
            <li key={entry.feature}>
              {entry.feature}: {(entry.share * 100).toFixed(1)}% of the split gain
            </li>
          ))}
        </ol>
      </figcaption>
    </figure>
  );
}
