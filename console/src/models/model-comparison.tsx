import { useQueries } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { CurveChart, type CurveSeries } from '../components/curve-chart';
import { ImportanceChart } from './importance-chart';
import { figure, type ModelDetail } from './model-types';

/** The label of a version in legends and headings: its name, or the version when it has none. */
const labelOf = (detail: Pick<ModelDetail, 'name' | 'version'>) => `${detail.name ?? 'model'} · ${detail.version.slice(-12)}`;

/**
 * The chosen versions side by side: ROC and precision–recall curves overlaid (from each version's
 * labelled decisions, when it has some), the figures behind them, and each model's feature importance.
 */
export function ModelComparison({ versions }: { versions: readonly string[] }) {
  const details = useQueries({
    queries: versions.map((version) => ({
      queryKey: ['models', version],
      queryFn: async () => unwrap(await api.GET('/v1/admin/models/{version}', { params: { path: { version } } })),
    })),
  });
  if (versions.length === 0) return <p className="muted">Choose versions in the table to compare them.</p>;
  const failed = details.find((detail) => detail.isError);
  if (failed?.error) return <p role="alert">{failed.error.message}</p>;
  const loaded = details.map((detail) => detail.data).filter((detail): detail is ModelDetail => detail !== undefined);
  if (loaded.length < versions.length) return <p role="status">Loading the chosen versions…</p>;
  const withCurves = loaded.filter((detail) => detail.curves !== null);
  const series = (pick: (curves: NonNullable<ModelDetail['curves']>) => CurveSeries['points']): CurveSeries[] =>
    withCurves.map((detail) => ({ key: detail.version, label: labelOf(detail), points: pick(detail.curves!) }));
  return (
    <>
      <section aria-labelledby="curves-title">
        <h2 id="curves-title">Curves on labelled decisions</h2>
        <table className="curve-figures">
          <caption className="visually-hidden">Figures behind the curves</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col" className="number">
                Labelled decisions
              </th>
              <th scope="col" className="number">
                Fraud
              </th>
              <th scope="col" className="number">
                AUC
              </th>
              <th scope="col" className="number">
                Average precision
              </th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {loaded.map((detail) => (
              <tr key={detail.version}>
                <th scope="row">{labelOf(detail)}</th>
                <td className="number">{detail.curves?.rows ?? 0}</td>
                <td className="number">{detail.curves?.frauds ?? '—'}</td>
                <td className="number">{figure(detail.curves?.auc)}</td>
                <td className="number">{figure(detail.curves?.average_precision)}</td>
                <td className="muted">{detail.curves_note}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {withCurves.length > 0 && (
          <div className="two-columns">
            <CurveChart title="ROC curve" xLabel="False positive rate" yLabel="True positive rate" series={series((curves) => curves.roc)} diagonal />
            <CurveChart title="Precision–recall curve" xLabel="Recall" yLabel="Precision" series={series((curves) => curves.precision_recall)} />
          </div>
        )}
      </section>
      <section aria-labelledby="importance-title">
        <h2 id="importance-title">Feature importance (share of split gain)</h2>
        <div className="side-by-side">
          {loaded.map((detail) => (
            <div key={detail.version}>
              <h3>{labelOf(detail)}</h3>
              <ImportanceChart importance={detail.feature_importance} />
            </div>
          ))}
        </div>
      </section>
    </>
  );
}
