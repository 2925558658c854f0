import type { DatasetProblem, ValidationReport } from './dataset-types';

function ProblemTable({ caption, problems }: { caption: string; problems: readonly DatasetProblem[] }) {
  return (
    <div className="scroll-table">
      <table className="report-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col" className="number">
              Line
            </th>
            <th scope="col">Column</th>
            <th scope="col">Code</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((problem, index) => (
            <tr key={`${problem.path}:${problem.code}:${index}`}>
              <th scope="row">{problem.file}</th>
              <td className="number">{problem.line}</td>
              <td>{problem.column}</td>
              <td>
                <code>{problem.code}</code>
              </td>
              <td>{problem.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const plural = (count: number, word: string) => `${count.toLocaleString()} ${word}${count === 1 ? '' : 's'}`;

/** A dataset's validation report: the verdict, rows per file, then errors and warnings by file, line and column. */
export function ValidationReportView({ report }: { report: ValidationReport }) {
  const listedErrors = report.problems.length < report.error_count ? ` (the first ${report.problems.length} of ${report.error_count.toLocaleString()})` : '';
  const listedWarnings = report.warnings.length < report.warning_count ? ` (the first ${report.warnings.length} of ${report.warning_count.toLocaleString()})` : '';
  return (
    <section className="card" aria-labelledby="report-title">
      <h2 id="report-title">Validation report</h2>
      <p role="status" className={report.valid ? 'status-ok' : 'status-bad'}>
        {report.dataset_name === null ? 'The dataset' : <>Dataset “{report.dataset_name}”</>} is {report.valid ? 'valid' : 'invalid'}: {plural(report.error_count, 'error')},{' '}
        {plural(report.warning_count, 'warning')}; checked in {report.duration_ms} ms.
      </p>
      {report.files.length > 0 && (
        <ul className="inline-list" aria-label="Rows per file">
          {report.files.map((file) => (
            <li key={file.file}>
              <code>{file.file}</code> {plural(file.rows, 'row')}, {file.rows_with_errors.toLocaleString()} with errors
            </li>
          ))}
        </ul>
      )}
      {report.problems.length > 0 && <ProblemTable caption={`Errors${listedErrors}`} problems={report.problems} />}
      {report.warnings.length > 0 && <ProblemTable caption={`Warnings${listedWarnings}`} problems={report.warnings} />}
    </section>
  );
}
