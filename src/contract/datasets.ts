import { Type, type Static } from '@sinclair/typebox';

/** The file names of data contract v1, relative to the dataset folder. */
export const datasetFileNames = {
  manifest: 'manifest.json',
  transactionsCsv: 'transactions.csv',
  transactionsJsonl: 'transactions.jsonl',
  labels: 'labels.csv',
  entities: 'entities.csv',
  kycRefs: 'kyc_refs.csv',
} as const;

/** A file name of data contract v1 (manifest.json, transactions.csv, …). */
export type DatasetFileName = (typeof datasetFileNames)[keyof typeof datasetFileNames];

/** Every file name of data contract v1, in the order a dataset folder is described. */
export const datasetFileList: readonly DatasetFileName[] = Object.values(datasetFileNames);

const DateTime = Type.String({ format: 'date-time' });
const FileName = Type.Unsafe<DatasetFileName>({ type: 'string', enum: [...datasetFileList], description: 'A file of data contract v1.' });

/** `GET /v1/admin/datasets/templates/{file}` parameters. */
export const DatasetTemplateParams = Type.Object({ file: FileName }, { additionalProperties: false });
/** Template parameters. */
export type DatasetTemplateParams = Static<typeof DatasetTemplateParams>;

/** The most files an upload can name: every file of the contract once. */
export const maximumUploadFiles = datasetFileList.length;

/** `POST /v1/admin/datasets/validate` and `/import` body: the dataset's files by contract name. */
export const DatasetUploadBody = Type.Object(
  {
    files: Type.Array(
      Type.Object(
        {
          name: FileName,
          content: Type.String({ description: 'The whole file as UTF-8 text.' }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: maximumUploadFiles, description: 'Each contract file at most once: manifest.json, transactions.csv or .jsonl, and the optional labels.csv, entities.csv, kyc_refs.csv.' },
    ),
  },
  { additionalProperties: false },
);
/** An upload body. */
export type DatasetUploadBody = Static<typeof DatasetUploadBody>;

const DatasetProblemView = Type.Object({
  code: Type.String({ description: 'SENTRA_DATASET_* (docs/data-contract.md lists every code).' }),
  severity: Type.Unsafe<'error' | 'warning'>({ type: 'string', enum: ['error', 'warning'] }),
  path: Type.String({ description: '`file:line:column`: for CSV the column is the 1-based field index, for JSONL and manifest.json the key.' }),
  file: Type.String(),
  line: Type.Integer({ minimum: 1 }),
  column: Type.String({ description: 'A 1-based field index (CSV) or a key name (JSONL, manifest.json).' }),
  message: Type.String(),
});

const CountsByCode = Type.Record(Type.String(), Type.Integer(), { description: 'Every problem counted by code, including those not listed.' });

/** The validation report of an uploaded dataset (nothing is written). */
export const DatasetValidationView = Type.Object({
  valid: Type.Boolean({ description: 'True when there is no error (warnings allowed): the dataset may be imported.' }),
  dataset_name: Type.Union([Type.String(), Type.Null()], { description: "manifest.json's name; null when the manifest is missing or invalid." }),
  transactions_format: Type.Union([Type.Literal('csv'), Type.Literal('jsonl'), Type.Null()]),
  files: Type.Array(Type.Object({ file: Type.String(), rows: Type.Integer(), rows_with_errors: Type.Integer() }), { description: 'Rows read per tabular file present.' }),
  label_counts: Type.Object({ fraud: Type.Integer(), legit: Type.Integer() }),
  created_at_range: Type.Union([Type.Object({ first: DateTime, last: DateTime }), Type.Null()]),
  error_count: Type.Integer(),
  warning_count: Type.Integer(),
  problems: Type.Array(DatasetProblemView, { description: 'The first errors, in file order (see listed_limit).' }),
  warnings: Type.Array(DatasetProblemView, { description: 'The first warnings.' }),
  problem_counts_by_code: CountsByCode,
  warning_counts_by_code: CountsByCode,
  listed_limit: Type.Integer({ description: 'How many errors (and, separately, warnings) are listed at most; all are counted.' }),
  duration_ms: Type.Integer(),
});

const FileCountsView = Type.Object({ read: Type.Integer(), inserted: Type.Integer(), already_present: Type.Integer({ description: 'Rows already in the store (re-imported), left as they were.' }) });

/** One ingest run: an import committed whole. */
export const IngestRunView = Type.Object({
  run_id: Type.String(),
  dataset_name: Type.String(),
  dataset_hash: Type.String({ description: 'Hash of the files as imported.' }),
  status: Type.String({ description: 'committed: an import is one transaction, so a failed one leaves no run and no rows.' }),
  created_by: Type.String({ description: 'The token id (or `cli:<user>` for `sentra import`) that ran it.' }),
  started_at: DateTime,
  finished_at: Type.Union([DateTime, Type.Null()]),
  counts: Type.Object({ transactions: FileCountsView, labels: FileCountsView, entities: FileCountsView, kyc_refs: FileCountsView }),
  warning_count: Type.Integer({ description: 'Warnings of the validation that preceded the import.' }),
});

/** `GET /v1/admin/datasets/runs` answer. */
export const IngestRunList = Type.Object({ items: Type.Array(IngestRunView, { description: 'Newest first, the latest 100.' }) });
