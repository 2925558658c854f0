import { SentraError } from '../../errors/errors.js';
import { datasetHash } from '../dataset-hash.js';
import { validateDataset, type ValidationReport } from '../validate-dataset.js';

/** A validated dataset as the offline pipelines identify it. */
export interface DatasetIdentity {
  readonly dir: string;
  /** Manifest name. */
  readonly name: string;
  /** {@link datasetHash} of its files. */
  readonly hash: string;
  /** False when the validator warned SENTRA_DATASET_UNSORTED (replay sorts in memory then). */
  readonly sorted: boolean;
  readonly report: ValidationReport;
}

/** Thrown when a dataset does not conform: carries the validation report for printing. */
export class InvalidDatasetError extends SentraError {
  constructor(readonly report: ValidationReport) {
    super('SENTRA_ERR_DATASET_INVALID', `${report.dir} does not conform to data contract v1 (${report.errorCount} errors)`, {
      details: report.problems.map((problem) => ({ code: problem.code, path: problem.path, message: problem.message })),
    });
    this.name = 'InvalidDatasetError';
  }
}

/**
 * Validates a dataset and identifies it (name, hash, time order); throws {@link InvalidDatasetError}
 * with the report when it has errors, so nothing is replayed, trained or imported from it.
 */
export async function identifyDataset(dir: string): Promise<DatasetIdentity> {
  const report = await validateDataset(dir);
  if (!report.valid || report.manifest === undefined) throw new InvalidDatasetError(report);
  return {
    dir,
    name: report.manifest.name,
    hash: await datasetHash(dir),
    sorted: (report.warningCountsByCode.SENTRA_DATASET_UNSORTED ?? 0) === 0,
    report,
  };
}
