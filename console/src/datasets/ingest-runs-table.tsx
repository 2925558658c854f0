import type { IngestRun } from './dataset-types';

const files = [
  ['transactions', 'Transactions'],
  ['labels', 'Labels'],
  ['entities', 'Entities'],
  ['kyc_refs', 'KYC refs'],
] as const;

/** The tenant's ingest runs, newest first: when, who, what was read and inserted per file, outcome. */
export function IngestRunsTable({ runs }: { runs: readonly IngestRun[] }) {
  if (runs.length === 0) return <p>No dataset imported yet.</p>;
  return (
    <div className="scroll-table">
      <table>
        <caption className="visually-hidden">Ingest runs, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Dataset</th>
            <th scope="col">Finished</th>
            <th scope="col">By</th>
            <th scope="col">Outcome</th>
            {files.map(([key, label]) => (
              <th key={key} scope="col" className="number">
                {label} inserted / read
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.run_id}>
              <th scope="row">
                {run.dataset_name} <span className="muted">{run.run_id}</span>
              </th>
              <td>{new Date(run.finished_at ?? run.started_at).toLocaleString()}</td>
              <td>{run.created_by}</td>
              <td className={run.status === 'committed' ? 'status-ok' : 'status-bad'}>
                {run.status}
                {run.warning_count > 0 ? `, ${run.warning_count} warnings` : ''}
              </td>
              {files.map(([key]) => (
                <td key={key} className="number">
                  {run.counts[key].inserted.toLocaleString()} / {run.counts[key].read.toLocaleString()}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
