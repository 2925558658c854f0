/** One series of a stacked bar chart (drawn bottom up in the given order). */
export interface BarSeries {
  key: string;
  label: string;
  className: string;
}

/** One bar: its label on the x axis and a value per series key. */
export interface Bar {
  label: string;
  values: Record<string, number>;
}

const width = 640;
const height = 200;
const left = 44;
const bottom = 24;

/** A "nice" axis maximum: 1, 2 or 5 times a power of ten, at least the largest value. */
export function niceMaximum(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].map((step) => step * power).find((candidate) => candidate >= value) ?? 10 * power);
}

/**
 * A stacked bar chart in SVG (or, `grouped`, the series side by side in each slot, to compare them),
 * with a data table for screen readers and for exact values. Plain SVG keeps the bundle small and
 * works under the strict CSP (no inline styles, no canvas).
 */
export function StackedBarChart({ title, bars, series, grouped = false }: { title: string; bars: readonly Bar[]; series: readonly BarSeries[]; grouped?: boolean }) {
  const totals = bars.map((bar) =>
    grouped ? Math.max(0, ...series.map((item) => bar.values[item.key] ?? 0)) : series.reduce((sum, item) => sum + (bar.values[item.key] ?? 0), 0),
  );
  const maximum = niceMaximum(Math.max(0, ...totals));
  const plotWidth = width - left - 8;
  const plotHeight = height - bottom - 8;
  const slot = bars.length === 0 ? plotWidth : plotWidth / bars.length;
  const barWidth = Math.max(1, slot * 0.8);
  const labelEvery = Math.max(1, Math.ceil(bars.length / 12));
  const y = (value: number) => 8 + plotHeight - (value / maximum) * plotHeight;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${title}: ${bars.length} bars, highest ${Math.max(0, ...totals)}`}>
        {[0, 0.5, 1].map((fraction) => (
          <g key={fraction}>
            <line x1={left} x2={width - 8} y1={y(maximum * fraction)} y2={y(maximum * fraction)} className="grid-line" />
            <text x={left - 6} y={y(maximum * fraction) + 4} className="axis-label" textAnchor="end">
              {maximum * fraction}
            </text>
          </g>
        ))}
        {bars.map((bar, index) => {
          let base = 0;
          const x = left + index * slot + (slot - barWidth) / 2;
          return (
            <g key={`${bar.label}:${index}`}>
              {series.map((item, position) => {
                const value = bar.values[item.key] ?? 0;
                if (value === 0) return null;
                if (grouped) {
                  const groupWidth = barWidth / series.length;
                  return <rect key={item.key} x={x + position * groupWidth} y={y(value)} width={Math.max(1, groupWidth - 1)} height={y(0) - y(value)} className={item.className} />;
                }
                const top = y(base + value);
                const rectangle = <rect key={item.key} x={x} y={top} width={barWidth} height={y(base) - top} className={item.className} />;
                base += value;
                return rectangle;
              })}
              {index % labelEvery === 0 && (
                <text x={x + barWidth / 2} y={height - 6} className="axis-label" textAnchor="middle">
                  {bar.label}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="legend" aria-hidden="true">
          {series.map((item) => (
            <li key={item.key}>
              <span className={`swatch ${item.className}`} /> {item.label}
            </li>
          ))}
        </ul>
        <details>
          <summary>{title}: data table</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">Bar</th>
                {series.map((item) => (
                  <th scope="col" key={item.key} className="number">
                    {item.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {bars.map((bar, index) => (
                <tr key={`${bar.label}:${index}`}>
                  <th scope="row">{bar.label}</th>
                  {series.map((item) => (
                    <td key={item.key} className="number">
                      {bar.values[item.key] ?? 0}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}
