/** One bar of the chart: a feature's contribution to the score, in log-odds. */
export interface Contribution {
  feature: string;
  value: number;
}

/**
 * The strongest contributions by absolute value, strongest first, with the rest summed into one
 * "other features" bar, so the chart stays readable for a model of a hundred features.
 */
export function strongestContributions(contributions: Readonly<Record<string, number>>, shown = 10): Contribution[] {
  const all = Object.entries(contributions)
    .filter(([feature, value]) => feature !== 'bias' && Number.isFinite(value) && value !== 0)
    .map(([feature, value]) => ({ feature, value }))
    .sort((a, b) => Math.abs(b.value) - Math.abs(a.value) || a.feature.localeCompare(b.feature));
  if (all.length <= shown) return all;
  const rest = all.slice(shown).reduce((sum, item) => sum + item.value, 0);
  return [...all.slice(0, shown), { feature: `${all.length - shown} other features`, value: rest }];
}

const rowHeight = 22;
const labelWidth = 230;
const width = 560;

/**
 * Which features pushed the score up (red, right) or down (green, left), from the decision's stored
 * TreeSHAP values. SVG with a text alternative: each bar is also a list item for screen readers.
 */
export function ContributionChart({ contributions, shown = 10 }: { contributions: Readonly<Record<string, number>>; shown?: number }) {
  const bars = strongestContributions(contributions, shown);
  if (bars.length === 0) return <p className="muted">No feature moved the score.</p>;
  const largest = Math.max(...bars.map((bar) => Math.abs(bar.value)));
  const half = (width - labelWidth) / 2 - 40;
  const zero = labelWidth + half + 40;
  const height = bars.length * rowHeight + 8;
  return (
    <figure className="chart contribution-chart">
      <svg viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
        <line x1={zero} x2={zero} y1={0} y2={height} className="grid-line" />
        {bars.map((bar, index) => {
          const length = (Math.abs(bar.value) / largest) * half;
          const y = 4 + index * rowHeight;
          const up = bar.value > 0;
          return (
            <g key={bar.feature} data-feature={bar.feature} data-direction={up ? 'up' : 'down'}>
              <text x={labelWidth - 6} y={y + 14} textAnchor="end" className="axis-label feature-label">
                {bar.feature}
              </text>
              <rect x={up ? zero : zero - length} y={y + 3} width={Math.max(1, length)} height={rowHeight - 8} className={up ? 'fill-block' : 'fill-pass'} />
              <text x={up ? zero + length + 4 : zero - length - 4} y={y + 14} textAnchor={up ? 'start' : 'end'} className="axis-label">
                {bar.value > 0 ? '+' : ''}
                {bar.value.toFixed(2)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="visually-hidden">
          {bars.map((bar) => (
            <li key={bar.feature}>
              {bar.feature} {bar.value > 0 ? 'raised' : 'lowered'} the score by {Math.abs(bar.value).toFixed(2)} log-odds
            </li>
          ))}
        </ul>
        <span className="muted">Contribution to the log-odds of fraud (TreeSHAP); red raises the score, green lowers it.</span>
      </figcaption>
    </figure>
  );
}
