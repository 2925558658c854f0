/** A point of a curve, both coordinates in [0, 1]. */
export interface CurvePoint {
  x: number;
  y: number;
}

/** One curve of the chart: a label for the legend and its points in drawing order. */
export interface CurveSeries {
  key: string;
  label: string;
  points: readonly CurvePoint[];
}

const width = 420;
const height = 320;
const left = 44;
const right = 12;
const top = 10;
const bottom = 40;
const plotWidth = width - left - right;
const plotHeight = height - top - bottom;
/** Stroke classes in series order (styles.css), distinct in hue and dash for colour-blind readers. */
const strokes = ['stroke-1', 'stroke-2', 'stroke-3', 'stroke-4'];

/** The SVG path of a curve over the unit square. */
export function curvePath(points: readonly CurvePoint[]): string {
  return points.map((point, index) => `${index === 0 ? 'M' : 'L'}${(left + point.x * plotWidth).toFixed(1)},${(top + (1 - point.y) * plotHeight).toFixed(1)}`).join(' ');
}

/**
 * Curves over the unit square (ROC, precision–recall) in SVG, several models overlaid, with the
 * axes named and a data table of each curve for screen readers and exact values. Plain SVG, as the
 * console's other charts: small, and allowed by the strict CSP.
 */
export function CurveChart({ title, xLabel, yLabel, series, diagonal = false }: { title: string; xLabel: string; yLabel: string; series: readonly CurveSeries[]; diagonal?: boolean }) {
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  return (
    <figure className="chart curve-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${title}: ${series.map((item) => item.label).join(', ')}`}>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={left} x2={width - right} y1={top + (1 - tick) * plotHeight} y2={top + (1 - tick) * plotHeight} className="grid-line" />
            <line x1={left + tick * plotWidth} x2={left + tick * plotWidth} y1={top} y2={top + plotHeight} className="grid-line" />
            <text x={left - 6} y={top + (1 - tick) * plotHeight + 4} className="axis-label" textAnchor="end">
              {tick}
            </text>
            <text x={left + tick * plotWidth} y={top + plotHeight + 14} className="axis-label" textAnchor="middle">
              {tick}
            </text>
          </g>
        ))}
        {diagonal && <line x1={left} y1={top + plotHeight} x2={left + plotWidth} y2={top} className="reference-line" />}
        {series.map((item, index) => (
          <path key={item.key} d={curvePath(item.points)} className={`curve ${strokes[index % strokes.length]}`} data-series={item.key} />
        ))}
        <text x={left + plotWidth / 2} y={height - 6} className="axis-title" textAnchor="middle">
          {xLabel}
        </text>
        <text x={12} y={top + plotHeight / 2} className="axis-title" textAnchor="middle" transform={`rotate(-90 12 ${top + plotHeight / 2})`}>
          {yLabel}
        </text>
      </svg>
      <figcaption>
        <ul className="legend" aria-hidden="true">
          {series.map((item, index) => (
            <li key={item.key}>
              <span className={`swatch line-swatch ${strokes[index % strokes.length]}`} /> {item.label}
            </li>
          ))}
        </ul>
        <details>
          <summary>{title}: data table</summary>
          {series.map((item) => (
            <table key={item.key}>
              <caption>{item.label}</caption>
              <thead>
                <tr>
                  <th scope="col" className="number">
                    {xLabel}
                  </th>
                  <th scope="col" className="number">
                    {yLabel}
                  </th>
                </tr>
              </thead>
              <tbody>
                {item.points.map((point, index) => (
                  <tr key={index}>
                    <td className="number">{point.x.toFixed(3)}</td>
                    <td className="number">{point.y.toFixed(3)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </details>
      </figcaption>
    </figure>
  );
}
