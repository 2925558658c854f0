import type { paths } from '../api/schema';

/** A data contract file name, as the API names it. */
export type DatasetFileName = paths['/v1/admin/datasets/templates/{file}']['get']['parameters']['path']['file'];
/** The upload body of validate and import. */
export type DatasetUpload = paths['/v1/admin/datasets/validate']['post']['requestBody']['content']['application/json'];
/** A validation report. */
export type ValidationReport = paths['/v1/admin/datasets/validate']['post']['responses'][200]['content']['application/json'];
/** One problem of a report. */
export type DatasetProblem = ValidationReport['problems'][number];
/** One ingest run. */
export type IngestRun = paths['/v1/admin/datasets/runs']['get']['responses'][200]['content']['application/json']['items'][number];

/** The files of data contract v1, in the order the page offers their templates. */
export const datasetFileNames: readonly DatasetFileName[] = ['manifest.json', 'transactions.csv', 'transactions.jsonl', 'labels.csv', 'entities.csv', 'kyc_refs.csv'];
