import type { EvaluationRun } from './evaluate-pipeline.js';
import type { CalibrationBin } from '../model/metrics/probability-metrics.js';
import type { CurvePoint, ModelCurves } from '../model/metrics/model-curves.js';

const colours = ['#1f5fbf', '#d9480f'];
const size = { width: 360, height: 280, margin: 36 };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

const fixed = (value: number, digits = 4) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

/** An inline SVG chart on [0,1]²: one polyline per series, axes, a title and axis names. */
function chart(title: string, xName: string, yName: string, series: { points: CurvePoint[]; colour: string; dashed?: boolean }[]): string {
  const { width, height, margin } = size;
  const x = (value: number) => (margin + value * (width - 2 * margin)).toFixed(1);
  const y = (value: number) => (height - margin - value * (height - 2 * margin)).toFixed(1);
  const lines = series.map(
    (entry) =>
      `<polyline fill="none" stroke="${entry.colour}" stroke-width="2"${entry.dashed ? ' stroke-dasharray="4 4"' : ''} points="${entry.points.map((point) => `${x(point.x)},${y(point.y)}`).join(' ')}"/>`,
  );
  const ticks = [0, 0.25, 0.5, 0.75, 1].map(
    (tick) =>
      `<text x="${x(tick)}" y="${height - margin + 14}" text-anchor="middle">${tick}</text><text x="${margin - 6}" y="${y(tick)}" text-anchor="end" dominant-baseline="middle">${tick}</text>`,
  );
  return `<figure><svg role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">
<rect x="${margin}" y="${margin}" width="${width - 2 * margin}" height="${height - 2 * margin}" fill="none" stroke="#999"/>
${ticks.join('')}
${lines.join('\n')}
<text x="${width / 2}" y="${height - 4}" text-anchor="middle">${escapeHtml(xName)}</text>
<text x="10" y="${height / 2}" text-anchor="middle" transform="rotate(-90 10 ${height / 2})">${escapeHtml(yName)}</text>
</svg><figcaption>${escapeHtml(title)}</figcaption></figure>`;
}

/** Histogram of risk scores by label as two step lines (share of each label's rows per bin of 50). */
function histogram(curves: ModelCurves, colour: string): { points: CurvePoint[]; colour: string; dashed?: boolean }[] {
  const top = Math.max(...curves.histogram.fraud, ...curves.histogram.legitimate, 1e-9);
  const steps = (shares: number[]) => shares.flatMap((share, bin) => [{ x: bin / 20, y: share / top }, { x: (bin + 1) / 20, y: share / top }]);
  return [
    { points: steps(curves.histogram.fraud), colour },
    { points: steps(curves.histogram.legitimate), colour, dashed: true },
  ];
}

/**
 * One self-contained HTML page (inline CSS and SVG, no script, nothing fetched) of an evaluation:
 * the metrics table, ROC, precision–recall and calibration curves, score histograms by label and
 * feature importance, for one model or two side by side (same rows, same labels).
 */
export function evaluationPage(run: EvaluationRun, curves: readonly ModelCurves[]): string {
  const models = run.models;
  const legend = models.map((model, index) => `<span style="color:${colours[index]}">■ ${escapeHtml(model.name)}</span>`).join(' ');
  const metric = (name: string, value: (index: number) => string) => `<tr><th>${escapeHtml(name)}</th>${models.map((_, index) => `<td>${value(index)}</td>`).join('')}</tr>`;
  const report = (index: number) => models[index]!.report;
  const thresholds = report(0).decisions.thresholds;
  const table = [
    metric('rows / fraud', (index) => `${report(index).rows.toLocaleString('en-US')} / ${report(index).frauds.toLocaleString('en-US')}`),
    metric('ROC AUC', (index) => fixed(report(index).auc)),
    metric('average precision', (index) => fixed(report(index).averagePrecision)),
    metric('card precision@100', (index) => fixed(report(index).cardPrecision.mean)),
    metric('AUC, known cards removed', (index) => fixed(report(index).knownCardsRemoved.auc)),
    metric('AP, known cards removed', (index) => fixed(report(index).knownCardsRemoved.averagePrecision)),
    metric('log loss', (index) => fixed(report(index).logLoss, 5)),
    metric('expected calibration error', (index) => fixed(report(index).expectedCalibrationError, 5)),
    metric('calibration', (index) => escapeHtml(models[index]!.calibration ?? 'none')),
    metric('log loss before calibration', (index) => (report(index).uncalibrated === null ? '-' : fixed(report(index).uncalibrated!.logLoss, 5))),
    metric('ECE before calibration', (index) => (report(index).uncalibrated === null ? '-' : fixed(report(index).uncalibrated!.expectedCalibrationError, 5))),
    metric(`precision / recall, review ≥ ${thresholds.reviewAt}`, (index) => `${fixed(report(index).decisions.review.precision, 3)} / ${fixed(report(index).decisions.review.recall, 3)}`),
    metric(`precision / recall, hold ≥ ${thresholds.holdAt}`, (index) => `${fixed(report(index).decisions.hold.precision, 3)} / ${fixed(report(index).decisions.hold.recall, 3)}`),
    metric(`precision / recall, block ≥ ${thresholds.blockAt}`, (index) => `${fixed(report(index).decisions.block.precision, 3)} / ${fixed(report(index).decisions.block.recall, 3)}`),
  ].join('\n');
  const reliability = (bins: CalibrationBin[]) => bins.filter((bin) => bin.count > 0).map((bin) => ({ x: bin.meanPredicted, y: bin.observedRate }));
  // Each model's calibrated curve solid; a calibrated model's trees' own (before calibration) dashed.
  const calibration = models.flatMap((model, index) => [
    { points: reliability(model.report.calibration), colour: colours[index]! },
    ...(model.report.uncalibrated === null ? [] : [{ points: reliability(model.report.uncalibrated.calibration), colour: colours[index]!, dashed: true }]),
  ]);
  const importance = models
    .map(
      (model, index) =>
        `<table><caption>${escapeHtml(model.name)}: features by total split gain</caption>${curves[index]!.importance
          .map((entry) => `<tr><th>${escapeHtml(entry.feature)}</th><td>${(entry.share * 100).toFixed(1)}%</td><td><span class="bar" style="width:${(entry.share * 200).toFixed(0)}px;background:${colours[index]}"></span></td></tr>`)
          .join('')}</table>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sentra evaluation: ${escapeHtml(models.map((model) => model.name).join(' vs '))}</title>
<style>body{font:14px system-ui,sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin:12px 0}th,td{padding:3px 10px;text-align:left;border-bottom:1px solid #ddd}td{font-variant-numeric:tabular-nums}figure{display:inline-block;margin:8px}svg text{font-size:11px;fill:#444}.bar{display:inline-block;height:10px}</style>
</head><body>
<h1>Model evaluation</h1>
<p>Dataset ${escapeHtml(run.dataset.name)} (${escapeHtml(run.dataset.hash.slice(0, 12))}), window ${escapeHtml(String(run.window.from))} .. ${escapeHtml(String(run.window.to))}. ${legend}</p>
<table><tr><th></th>${models.map((model) => `<th>${escapeHtml(model.name)}</th>`).join('')}</tr>
${table}
</table>
${chart('ROC curve', 'false positive rate', 'true positive rate', [{ points: [{ x: 0, y: 0 }, { x: 1, y: 1 }], colour: '#bbb', dashed: true }, ...curves.map((entry, index) => ({ points: entry.roc, colour: colours[index]! }))])}
${chart('Precision–recall curve', 'recall', 'precision', curves.map((entry, index) => ({ points: entry.precisionRecall, colour: colours[index]! })))}
${chart(`Calibration (predicted → observed fraud rate)${models.some((model) => model.report.uncalibrated !== null) ? '; dashed: before calibration' : ''}`, 'mean predicted probability', 'observed fraud rate', [{ points: [{ x: 0, y: 0 }, { x: 1, y: 1 }], colour: '#bbb', dashed: true }, ...calibration])}
${curves.map((entry, index) => chart(`Risk scores of ${models[index]!.name}: fraud (solid), legitimate (dashed), share of each label per bin of 50, scaled to the tallest bin`, 'risk score / 1000', 'share (scaled)', histogram(entry, colours[index]!))).join('\n')}
<h2>Feature importance</h2>
${importance}
</body></html>
`;
}
