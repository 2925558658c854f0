import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SentraError } from '../errors/errors.js';
import { datasetFileNames } from '../contract/datasets.js';

/** The format of the transactions file. */
export type TransactionsFormat = 'csv' | 'jsonl';

/** Which contract files a dataset folder holds. */
export interface DatasetLayout {
  /** The dataset folder. */
  dir: string;
  /** The transactions file when exactly one of transactions.csv / transactions.jsonl exists. */
  transactions: { file: string; path: string; format: TransactionsFormat } | undefined;
  /** True when both transactions.csv and transactions.jsonl exist (an error). */
  transactionsAmbiguous: boolean;
  hasManifest: boolean;
  hasLabels: boolean;
  hasEntities: boolean;
  hasKycRefs: boolean;
  /** Visible entries of the folder that are not contract files (hidden dot-files are not listed). */
  unknownFiles: string[];
}

const contractFiles: ReadonlySet<string> = new Set(Object.values(datasetFileNames));

/**
 * Lists the contract files of a dataset folder. Throws SentraError SENTRA_ERR_NOT_FOUND when the
 * folder does not exist or is not a folder: that is a usage error, not a problem of a dataset.
 */
export async function inspectDataset(dir: string): Promise<DatasetLayout> {
  const info = await stat(dir).catch((error: unknown) => {
    throw new SentraError('SENTRA_ERR_NOT_FOUND', `dataset folder ${dir} does not exist`, { cause: error });
  });
  if (!info.isDirectory()) throw new SentraError('SENTRA_ERR_NOT_FOUND', `${dir} is not a folder`);
  const entries = await readdir(dir, { withFileTypes: true });
  const files = new Set(entries.filter((entry) => entry.isFile() || entry.isSymbolicLink()).map((entry) => entry.name));
  const hasCsv = files.has(datasetFileNames.transactionsCsv);
  const hasJsonl = files.has(datasetFileNames.transactionsJsonl);
  const transactionsFile = hasCsv ? datasetFileNames.transactionsCsv : hasJsonl ? datasetFileNames.transactionsJsonl : undefined;
  return {
    dir,
    transactions:
      transactionsFile === undefined || (hasCsv && hasJsonl)
        ? undefined
        : { file: transactionsFile, path: join(dir, transactionsFile), format: hasCsv ? 'csv' : 'jsonl' },
    transactionsAmbiguous: hasCsv && hasJsonl,
    hasManifest: files.has(datasetFileNames.manifest),
    hasLabels: files.has(datasetFileNames.labels),
    hasEntities: files.has(datasetFileNames.entities),
    hasKycRefs: files.has(datasetFileNames.kycRefs),
    unknownFiles: entries
      .map((entry) => entry.name)
      .filter((name) => !name.startsWith('.') && !contractFiles.has(name))
      .sort(),
  };
}
