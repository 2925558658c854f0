import type { EvaluationReport } from '../contract/evaluation.js';

const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
const money = (value: number) => `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** The precision–recall curve as inline SVG (recall on x, precision on y). */
function curve(report: EvaluationReport): string {
  const points = report.precision_recall.filter((point) => point.precision !== null && point.recall !== null);
  const path = points.map((point, index) => `${index === 0 ? 'M' : 'L'}${(40 + point.recall! * 300).toFixed(1)},${(220 - point.precision! * 200).toFixed(1)}`).join(' ');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="250" role="img" aria-label="Precision against recall">
<rect x="40" y="20" width="300" height="200" fill="none" stroke="#999"/>
<text x="190" y="245" text-anchor="middle" font-size="12">recall</text><text x="12" y="120" font-size="12" transform="rotate(-90 12 120)" text-anchor="middle">precision</text>
<path d="${path}" fill="none" stroke="#1d4ed8" stroke-width="2"/></svg>`;
}

/** The score distribution as inline SVG bars (payments, fraud in red). */
function histogram(report: EvaluationReport): string {
  const most = Math.max(1, ...report.score_distribution.map((band) => band.payments));
  const bars = report.score_distribution
    .map((band, index) => {
      const height = (band.payments / most) * 180;
      const fraud = (band.fraud / most) * 180;
      const x = 40 + index * 30;
      return `<rect x="${x}" y="${200 - height}" width="24" height="${height}" fill="#93c5fd"><title>${band.from}–${band.to}: ${band.payments} payments, ${band.fraud} fraud</title></rect><rect x="${x}" y="${200 - fraud}" width="24" height="${fraud}" fill="#dc2626"/><text x="${x + 12}" y="215" font-size="9" text-anchor="middle">${band.from}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="225" role="img" aria-label="Payments per score band, fraud in red">${bars}</svg>`;
}

/**
 * The report as one self-contained HTML page (inline styles and SVG; no script, no external
 * resource), for a merchant to read and keep.
 */
export function evaluationHtml(report: EvaluationReport): string {
  const rows = report.operating_points
    .map((point) => `<tr><td>${escape(point.name)}</td><td>${point.cutoff}</td><td>${point.flagged}</td><td>${percent(point.review_rate)}</td><td>${point.fraud_caught}</td><td>${money(point.fraud_caught_usd)}</td><td>${point.false_positives}</td><td>${percent(point.precision)}</td><td>${percent(point.recall)}</td><td>${money(point.chargeback_avoided_usd)}</td></tr>`)
    .join('\n');
  const comparison = report.psp_comparison;
  const pspTable =
    comparison === null
      ? '<p>The PSP gave no verdict on these payments.</p>'
      : `<table><tr><th></th><th>flagged</th><th>fraud caught</th><th>false positives</th><th>precision</th><th>recall</th></tr>${(
          [
            ['PSP verdict', comparison.psp],
            [`Sentra (review at ${report.thresholds.review_at})`, comparison.sentra],
          ] as const
        )
          .map(([name, point]) => `<tr><td>${escape(name)}</td><td>${point.flagged}</td><td>${point.fraud_caught}</td><td>${point.false_positives}</td><td>${percent(point.precision)}</td><td>${percent(point.recall)}</td></tr>`)
          .join('')}</table><p>On the ${comparison.payments} payments the PSP judged.</p>`;
  const changes = report.mode_changes.length === 0 ? '<p>No promotion yet.</p>' : `<ul>${report.mode_changes.map((change) => `<li>${escape(change.changed_at)}: ${escape(change.mode)}</li>`).join('')}</ul>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sentra evaluation: ${escape(report.merchant_name)}</title>
<style>body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#111}table{border-collapse:collapse;margin:.5rem 0 1rem}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:right}td:first-child,th:first-child{text-align:left}h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.5rem}</style></head>
<body>
<h1>Evaluation of ${escape(report.merchant_name)} (${escape(report.merchant_id)})</h1>
<p>Payments from ${escape(report.from)} to ${escape(report.to)}; mode now <strong>${escape(report.mode)}</strong>; labels known at ${escape(report.generated_at)}.</p>
<p>${report.totals.payments} payments (${report.totals.shadow_payments} scored in shadow mode), ${report.totals.fraud} fraud worth ${money(report.totals.fraud_usd)}, fraud chargebacks ${money(report.totals.chargeback_usd)}.</p>
<h2>Operating points</h2>
<table><tr><th>cut-off</th><th>score</th><th>flagged</th><th>review rate</th><th>fraud caught</th><th>fraud caught (USD)</th><th>false positives</th><th>precision</th><th>recall</th><th>chargebacks avoided</th></tr>
${rows}</table>
<h2>Sentra against the PSP's verdict</h2>
${pspTable}
<h2>Score distribution</h2>
${histogram(report)}
<h2>Precision and recall</h2>
${curve(report)}
<h2>Mode changes</h2>
${changes}
</body></html>
`;
}
