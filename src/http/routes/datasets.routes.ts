import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database-schema.js';
import type { Authenticator } from '../../tenants/authenticator.js';
import { ErrorResponse } from '../../contract/error-response.js';
import { DatasetTemplateParams, DatasetUploadBody, DatasetValidationView, IngestRunList, IngestRunView } from '../../contract/datasets.js';
import { SentraError, ValidationError } from '../../errors/errors.js';
import { datasetFileMediaType, datasetTemplates } from '../../datasets/contract-templates.js';
import type { DatasetProblem } from '../../datasets/dataset-problem.js';
import { validateDataset, type ValidationReport } from '../../datasets/validate-dataset.js';
import { identifyDataset, InvalidDatasetError, type DatasetIdentity } from '../../datasets/replay/dataset-identity.js';
import { importDataset, type ImportFileCounts } from '../../datasets/import/import-dataset.js';
import { listIngestRuns, type IngestRun } from '../../datasets/import/ingest-runs.js';
import { withUploadedDataset } from '../../datasets/uploaded-dataset.js';
import { principalOf, requireRole } from '../auth.js';

/** Errors and warnings listed in an uploaded dataset's report (each counted in full by code). */
export const listedProblemLimit = 500;
const runsListed = 100;
/** The largest dataset upload (as JSON) unless SENTRA_BODY_LIMIT is larger; bigger datasets go through `sentra import`. */
export const datasetUploadLimitBytes = 32 * 1024 * 1024;
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 413: ErrorResponse };

function problemView(problem: DatasetProblem) {
  const [file = '', line = '1', ...column] = problem.path.split(':');
  return { code: problem.code, severity: problem.severity, path: problem.path, file, line: Number(line) || 1, column: column.join(':'), message: problem.message };
}

function reportView(report: ValidationReport) {
  return {
    valid: report.valid,
    dataset_name: report.manifest?.name ?? null,
    transactions_format: report.transactionsFormat ?? null,
    files: Object.entries(report.counts).map(([file, counts]) => ({ file, rows: counts.rows, rows_with_errors: counts.rowsWithErrors })),
    label_counts: report.labelCounts,
    created_at_range: report.createdAtRange ?? null,
    error_count: report.errorCount,
    warning_count: report.warningCount,
    problems: report.problems.map(problemView),
    warnings: report.warnings.map(problemView),
    problem_counts_by_code: report.problemCountsByCode as Record<string, number>,
    warning_counts_by_code: report.warningCountsByCode as Record<string, number>,
    listed_limit: listedProblemLimit,
    duration_ms: report.durationMs,
  };
}

const countsView = (counts: ImportFileCounts) => ({ read: counts.read, inserted: counts.inserted, already_present: counts.alreadyPresent });

function runView(run: IngestRun) {
  return {
    run_id: run.runId,
    dataset_name: run.datasetName,
    dataset_hash: run.datasetHash,
    status: run.status,
    created_by: run.createdBy,
    started_at: run.startedAt.toISOString(),
    finished_at: run.finishedAt?.toISOString() ?? null,
    counts: { transactions: countsView(run.counts.transactions), labels: countsView(run.counts.labels), entities: countsView(run.counts.entities), kyc_refs: countsView(run.counts.kycRefs) },
    warning_count: run.warningCount,
  };
}

/** Refuses an upload that names a contract file twice (the schema already closed the list of names). */
function requireDistinctFiles(body: DatasetUploadBody): void {
  const seen = new Set<string>();
  const problems = body.files.flatMap((file, index) => {
    if (!seen.has(file.name)) {
      seen.add(file.name);
      return [];
    }
    return [{ code: 'duplicate', path: `/files/${index}/name`, message: `${file.name} is uploaded twice; send each file once` }];
  });
  if (problems.length > 0) throw new ValidationError(problems);
}

/** Validates an uploaded dataset for import; an invalid one is refused with its listed problems (the folder is not named: it is temporary). */
async function identifyUpload(dir: string): Promise<DatasetIdentity> {
  try {
    return await identifyDataset(dir);
  } catch (error) {
    if (!(error instanceof InvalidDatasetError)) throw error;
    const { report } = error;
    throw new SentraError('SENTRA_ERR_DATASET_INVALID', `The dataset does not conform to data contract v1 (${report.errorCount} errors); nothing was imported`, { details: [...error.details] });
  }
}

/**
 * The data contract in the console (admin): the contract's templates, validation of an uploaded
 * dataset (a report by file:line:column, nothing written), import of a valid one as one ingest run
 * (the same all-or-nothing import as `sentra import`), and the tenant's ingest runs.
 * Uploads are bounded by `uploadLimitBytes`; larger datasets go through the CLI.
 */
export function registerDatasetRoutes(
  app: FastifyInstance,
  authenticator: Authenticator,
  db: Kysely<Database>,
  uploadLimitBytes: number,
  /** Called after an import committed: it may have stored KYC documents outside the scoring flow. */
  onImported: (tenantId: string) => void,
): void {
  const admin = requireRole(authenticator, ['admin']);

  app.get<{ Params: DatasetTemplateParams }>(
    '/v1/admin/datasets/templates/:file',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: 'A template of one data contract v1 file: its header (or keys) and one example row, as the validator expects them',
        params: DatasetTemplateParams,
        response: { 200: { content: { 'text/csv': { schema: { type: 'string' } }, 'application/json': { schema: { type: 'string' } }, 'application/x-ndjson': { schema: { type: 'string' } } } }, ...errors },
      },
    },
    async (request, reply) => {
      const file = request.params.file;
      return reply.type(datasetFileMediaType(file)).header('content-disposition', `attachment; filename="${file}"`).send(datasetTemplates[file]);
    },
  );

  app.post<{ Body: DatasetUploadBody }>(
    '/v1/admin/datasets/validate',
    {
      onRequest: admin,
      bodyLimit: uploadLimitBytes,
      schema: {
        tags: ['admin'],
        summary: 'Validate an uploaded dataset against data contract v1: every problem counted, the first listed by file:line:column; nothing is written',
        body: DatasetUploadBody,
        response: { 200: DatasetValidationView, ...errors },
      },
    },
    async (request) => {
      requireDistinctFiles(request.body);
      return reportView(await withUploadedDataset(request.body.files, (dir) => validateDataset(dir, { maxProblems: listedProblemLimit })));
    },
  );

  app.post<{ Body: DatasetUploadBody }>(
    '/v1/admin/datasets/import',
    {
      onRequest: admin,
      bodyLimit: uploadLimitBytes,
      schema: {
        tags: ['admin'],
        summary: 'Validate and import an uploaded dataset as one ingest run in one transaction (an invalid dataset: 400 SENTRA_ERR_DATASET_INVALID with its problems, nothing written)',
        body: DatasetUploadBody,
        response: { 201: IngestRunView, 404: ErrorResponse, 503: ErrorResponse, ...errors },
      },
    },
    async (request, reply) => {
      requireDistinctFiles(request.body);
      const principal = principalOf(request);
      const run = await withUploadedDataset(request.body.files, async (dir) => {
        const dataset = await identifyUpload(dir);
        const summary = await importDataset(db, dataset, { tenantId: principal.tenantId, actor: principal.tokenId });
        onImported(principal.tenantId);
        return { ...summary, status: 'committed', createdBy: principal.tokenId, warningCount: dataset.report.warningCount };
      });
      void reply.status(201);
      return runView(run);
    },
  );

  app.get(
    '/v1/admin/datasets/runs',
    {
      onRequest: admin,
      schema: { tags: ['admin'], summary: "The tenant's ingest runs, newest first: when, who, counts per file, outcome", response: { 200: IngestRunList, ...errors } },
    },
    async (request) => ({ items: (await listIngestRuns(db, principalOf(request).tenantId, runsListed)).map(runView) }),
  );
}
