import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { saveDownload } from '../api/download';
import { ApiErrorNotice } from '../components/api-error-notice';
import { ProblemList, type Problem } from '../components/problem-list';
import { datasetUpload } from './dataset-upload';
import { datasetFileNames, type DatasetFileName, type DatasetUpload } from './dataset-types';
import { IngestRunsTable } from './ingest-runs-table';
import { ValidationReportView } from './validation-report';

/**
 * Admin: the data contract. Download the templates, upload a dataset's files to read its
 * validation report by file, line and column, import a valid one as an ingest run, and see the runs.
 */
export function DataPage() {
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<File[]>([]);
  const [localProblems, setLocalProblems] = useState<Problem[]>([]);
  const [upload, setUpload] = useState<DatasetUpload | undefined>(undefined);
  const runs = useQuery({ queryKey: ['ingest-runs'], queryFn: async () => unwrap(await api.GET('/v1/admin/datasets/runs')) });
  const template = useMutation({
    mutationFn: async (file: DatasetFileName) => saveDownload(await api.GET('/v1/admin/datasets/templates/{file}', { params: { path: { file } }, parseAs: 'blob' }), file),
  });
  const validate = useMutation({ mutationFn: async (body: DatasetUpload) => unwrap(await api.POST('/v1/admin/datasets/validate', { body })) });
  const importRun = useMutation({
    mutationFn: async (body: DatasetUpload) => unwrap(await api.POST('/v1/admin/datasets/import', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['ingest-runs'] }),
  });

  const choose = (files: File[]) => {
    setSelected(files);
    setUpload(undefined);
    setLocalProblems([]);
    validate.reset();
    importRun.reset();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    importRun.reset();
    const { body, problems } = await datasetUpload(selected);
    setLocalProblems(problems);
    setUpload(body);
    if (body !== undefined) validate.mutate(body);
  };
  const report = validate.data;
  const canImport = upload !== undefined && report?.valid === true && !importRun.isSuccess;
  const importUpload = () => {
    if (upload === undefined || report === undefined) return;
    if (!window.confirm(`Import “${report.dataset_name ?? 'this dataset'}” into the store as one ingest run?`)) return;
    importRun.mutate(upload);
  };

  return (
    <div className="page data">
      <h1>Data contract</h1>
      <section className="card" aria-labelledby="templates-title">
        <h2 id="templates-title">Templates</h2>
        <p className="help">
          Data contract v1: <code>manifest.json</code>, one of <code>transactions.csv</code> or <code>transactions.jsonl</code>, and optionally labels, entities and KYC references. Each
          template has the header the validator expects and one example row; together they form a valid dataset.
        </p>
        <ul className="actions" aria-label="Download a template">
          {datasetFileNames.map((file) => (
            <li key={file}>
              <button type="button" onClick={() => template.mutate(file)} disabled={template.isPending}>
                {file}
              </button>
            </li>
          ))}
        </ul>
        <ApiErrorNotice id="template-error" error={template.error} title="Template not downloaded" />
      </section>

      <form className="card" onSubmit={(event) => void submit(event)} aria-labelledby="upload-title" aria-busy={validate.isPending || importRun.isPending}>
        <h2 id="upload-title">Upload a dataset</h2>
        <div className="field">
          <label htmlFor="dataset-files">Dataset files</label>
          <input
            id="dataset-files"
            type="file"
            multiple
            accept=".json,.jsonl,.csv,application/json,text/csv"
            aria-describedby="dataset-files-help"
            onChange={(event) => choose(Array.from(event.target.files ?? []))}
          />
          <span id="dataset-files-help" className="help">
            Choose the files of one dataset folder, named as in the contract. Validation writes nothing; up to 32 MiB (larger datasets: <code>sentra import</code>).
          </span>
        </div>
        <ProblemList id="upload-problems" title="Cannot upload these files" problems={localProblems} />
        <ApiErrorNotice id="validate-error" error={validate.error} title="Not validated" />
        <div className="actions">
          <button type="submit" className="primary" disabled={validate.isPending || selected.length === 0}>
            {validate.isPending ? 'Validating…' : 'Validate'}
          </button>
          <button type="button" disabled={!canImport || importRun.isPending} onClick={importUpload}>
            {importRun.isPending ? 'Importing…' : 'Import'}
          </button>
        </div>
        <ApiErrorNotice id="import-error" error={importRun.error} title="Nothing imported" />
        {importRun.data !== undefined && (
          <p role="status" className="status-ok">
            Imported “{importRun.data.dataset_name}” as ingest run <code>{importRun.data.run_id}</code>: {importRun.data.counts.transactions.inserted.toLocaleString()} transactions inserted (
            {importRun.data.counts.transactions.already_present.toLocaleString()} already present). Feature profiles of an embedded server see this history after its next start.
          </p>
        )}
      </form>

      {report !== undefined && <ValidationReportView report={report} />}

      <section className="card" aria-labelledby="runs-title">
        <h2 id="runs-title">Ingest runs</h2>
        {runs.isError && <p role="alert">{runs.error.message}</p>}
        {runs.data === undefined ? !runs.isError && <p role="status">Loading runs…</p> : <IngestRunsTable runs={runs.data.items} />}
      </section>
    </div>
  );
}
