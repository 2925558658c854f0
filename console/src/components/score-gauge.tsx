/** Threshold marks on the gauge, when known. */
export interface GaugeThresholds {
  reviewAt: number;
  holdAt: number;
  blockAt: number;
}

const radius = 80;
const centerX = 100;
const centerY = 95;

/** The point on the half circle for a score: 0 on the left, 1000 on the right. */
function pointAt(score: number, distance = radius): [number, number] {
  const angle = Math.PI * (1 - Math.min(Math.max(score, 0), 1000) / 1000);
  return [centerX + distance * Math.cos(angle), centerY - distance * Math.sin(angle)];
}

function arc(from: number, to: number): string {
  const [x1, y1] = pointAt(from);
  const [x2, y2] = pointAt(to);
  return `M ${x1.toFixed(2)} ${y1.toFixed(2)} A ${radius} ${radius} 0 0 1 ${x2.toFixed(2)} ${y2.toFixed(2)}`;
}

/** A half-circle gauge of a 0–1000 risk score, with the decision bands when thresholds are known. */
export function ScoreGauge({ score, decision, thresholds }: { score: number; decision: string; thresholds?: GaugeThresholds }) {
  const bands = thresholds === undefined
    ? [{ from: 0, to: 1000, className: 'band-neutral' }]
    : [
        { from: 0, to: thresholds.reviewAt, className: 'band-pass' },
        { from: thresholds.reviewAt, to: thresholds.holdAt, className: 'band-review' },
        { from: thresholds.holdAt, to: thresholds.blockAt, className: 'band-hold' },
        { from: thresholds.blockAt, to: 1000, className: 'band-block' },
      ].filter((band) => band.to > band.from);
  const [needleX, needleY] = pointAt(score, radius - 6);
  return (
    <div className="gauge" role="meter" aria-valuemin={0} aria-valuemax={1000} aria-valuenow={score} aria-label={`Risk score ${score} of 1000, ${decision}`}>
      <svg viewBox="0 0 200 110" aria-hidden="true">
        {bands.map((band) => (
          <path key={band.className} d={arc(band.from, band.to)} className={`gauge-band ${band.className}`} />
        ))}
        <line x1={centerX} y1={centerY} x2={needleX} y2={needleY} className="gauge-needle" />
        <circle cx={centerX} cy={centerY} r={4} className="gauge-hub" />
      </svg>
      <div className="gauge-value">
        <span className="gauge-score">{score}</span>
        <span className={`decision decision-${decision.toLowerCase()}`}>{decision}</span>
      </div>
    </div>
  );
}
