import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { paths } from '../api/schema';
import { saveDownload } from '../api/download';
import { ApiErrorNotice } from '../components/api-error-notice';
import { StackedBarChart } from '../components/bar-chart';
import { CurveChart } from '../components/curve-chart';
import { dateInput, day, isoDay } from '../components/day-range';
import { DayRangeFields } from '../components/day-range-fields';

type Report = Extract<paths['/v1/merchants/{merchant_id}/evaluation']['get']['responses'][200]['content']['application/json'], { merchant_id: string }>;
type OperatingPoint = Report['operating_points'][number];

const rate = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
const usd = (value: number) => value.toLocaleString(undefined, { style: 'currency', currency: 'USD' });
/** The default window: the report's own (50 days up to the end of today). */
const lastFiftyDays = () => ({ from: dateInput(Date.now() - 50 * day), to: dateInput(Date.now() + day) });

/**
 * The shadow evaluation of a merchant's feed over a window: totals, each operating point (the
 * thresholds and alternatives), the precision–recall curve, the score distribution by label, the
 * PSP's own verdict against Sentra's, and the same report as CSV or a self-contained HTML page.
 */
export function MerchantEvaluation({ merchantId }: { merchantId: string }) {
  const [draft, setDraft] = useState(lastFiftyDays);
  const [range, setRange] = useState(draft);
  const query = (format: 'json' | 'csv' | 'html') => ({ params: { path: { merchant_id: merchantId }, query: { from: isoDay(range.from), to: isoDay(range.to), format } } });
  const report = useQuery({
    queryKey: ['merchant-evaluation', merchantId, range],
    queryFn: async () => {
      const answer = unwrap(await api.GET('/v1/merchants/{merchant_id}/evaluation', query('json')));
      if (typeof answer === 'string') throw new Error('The server answered a file where the JSON report was asked for.');
      return answer as Report;
    },
    retry: false,
  });
  const download = useMutation({
    mutationFn: async (format: 'csv' | 'html') => saveDownload(await api.GET('/v1/merchants/{merchant_id}/evaluation', { ...query(format), parseAs: 'blob' }), `evaluation-${merchantId}.${format}`),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setRange(draft);
  };
  const data = report.data;
  return (
    <section className="card" aria-labelledby="evaluation-title" aria-busy={report.isFetching}>
      <h2 id="evaluation-title">Shadow evaluation</h2>
      <form className="inline-form" onSubmit={submit} aria-label="Evaluation window">
        <DayRangeFields value={draft} onChange={setDraft} />
        <button type="submit">Show evaluation</button>
        <button type="button" disabled={download.isPending} onClick={() => download.mutate('csv')}>
          Download evaluation CSV
        </button>
        <button type="button" disabled={download.isPending} onClick={() => download.mutate('html')}>
          Download evaluation HTML
        </button>
      </form>
      <ApiErrorNotice id="evaluation-problems" error={report.error} title="No evaluation" />
      <ApiErrorNotice id="evaluation-download-problems" error={download.error} title="No file" />
      {data !== undefined && <EvaluationFigures report={data} />}
    </section>
  );
}

function EvaluationFigures({ report }: { report: Report }) {
  const curve = report.precision_recall
    .filter((point) => point.precision !== null && point.recall !== null)
    .sort((a, b) => b.cutoff - a.cutoff)
    .map((point) => ({ x: point.recall!, y: point.precision! }));
  return (
    <>
      <ul className="stat-cards" aria-label="Evaluation totals">
        <li className="card">
          <span className="stat-label">Feed payments</span>
          <span className="stat-value">{report.totals.payments}</span>
        </li>
        <li className="card">
          <span className="stat-label">Scored in shadow</span>
          <span className="stat-value">{report.totals.shadow_payments}</span>
        </li>
        <li className="card">
          <span className="stat-label">Labelled fraud</span>
          <span className="stat-value">{report.totals.fraud}</span>
        </li>
        <li className="card">
          <span className="stat-label">Fraud amount</span>
          <span className="stat-value">{usd(report.totals.fraud_usd)}</span>
        </li>
        <li className="card">
          <span className="stat-label">Fraud chargebacks</span>
          <span className="stat-value">{usd(report.totals.chargeback_usd)}</span>
        </li>
      </ul>
      <p className="muted">
        Thresholds ({report.thresholds.source === 'merchant' ? "the merchant's own" : "the tenant's"}): review {report.thresholds.review_at}, hold {report.thresholds.hold_at}, block {report.thresholds.block_at}. Labels known at{' '}
        {new Date(report.generated_at).toLocaleString()} count.
        {report.mode_changes.length > 0 && ` Mode changes: ${report.mode_changes.map((change) => `${change.mode} on ${new Date(change.changed_at).toLocaleString()}`).join(', ')}.`}
      </p>
      <div className="scroll-table">
        <table>
          <caption>Operating points</caption>
          <thead>
            <tr>
              <th scope="col">Point</th>
              <th scope="col" className="number">
                Cut-off
              </th>
              <PointColumns />
            </tr>
          </thead>
          <tbody>
            {report.operating_points.map((point) => (
              <PointRow key={point.name} name={point.name} point={point} />
            ))}
          </tbody>
        </table>
      </div>
      {report.psp_comparison !== null && (
        <table>
          <caption>Against the PSP's own verdict ({report.psp_comparison.payments} payments it rated)</caption>
          <thead>
            <tr>
              <th scope="col">Who</th>
              <PointColumns />
            </tr>
          </thead>
          <tbody>
            <PointRow name="PSP" point={report.psp_comparison.psp} />
            <PointRow name="Sentra at review" point={report.psp_comparison.sentra} />
          </tbody>
        </table>
      )}
      <div className="two-columns">
        {curve.length === 0 ? (
          <p className="muted">No precision–recall curve: no payment of the window is labelled fraud yet.</p>
        ) : (
          <CurveChart title="Precision–recall by cut-off" xLabel="Recall" yLabel="Precision" series={[{ key: 'sentra', label: 'Sentra risk score', points: curve }]} />
        )}
        <StackedBarChart
          title="Payments by risk score"
          bars={report.score_distribution.map((bin) => ({ label: String(bin.from), values: { fraud: bin.fraud, legit: bin.payments - bin.fraud } }))}
          series={[
            { key: 'legit', label: 'not fraud', className: 'fill-pass' },
            { key: 'fraud', label: 'fraud', className: 'fill-block' },
          ]}
        />
      </div>
    </>
  );
}

function PointRow({ name, point }: { name: string; point: Omit<OperatingPoint, 'name' | 'cutoff'> & { cutoff?: number } }) {
  return (
    <tr>
      <th scope="row">{name}</th>
      {point.cutoff !== undefined && <td className="number">{point.cutoff}</td>}
      <td className="number">{point.flagged}</td>
      <td className="number">{rate(point.review_rate)}</td>
      <td className="number">
        {point.fraud_caught} <span className="muted">({usd(point.fraud_caught_usd)})</span>
      </td>
      <td className="number">{point.false_positives}</td>
      <td className="number">{rate(point.precision)}</td>
      <td className="number">{rate(point.recall)}</td>
      <td className="number">{usd(point.chargeback_avoided_usd)}</td>
    </tr>
  );
}

/** The figure columns of an operating point, as PointRow fills them. */
function PointColumns() {
  return (
    <>
      {['Flagged', 'Review rate', 'Fraud caught', 'False positives', 'Precision', 'Recall', 'Chargebacks avoided'].map((label) => (
        <th key={label} scope="col" className="number">
          {label}
        </th>
      ))}
    </>
  );
}
