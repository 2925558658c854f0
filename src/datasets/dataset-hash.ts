import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { datasetFileNames } from '../contract/datasets.js';
import { inspectDataset } from './dataset-files.js';

/**
 * The identity of a dataset's content for model metadata: hex SHA-256 over the contract files
 * present, in the fixed order manifest.json, transactions.csv|jsonl, labels.csv, entities.csv,
 * kyc_refs.csv. Each file contributes `name NUL size NUL bytes`, so moving bytes from one file to
 * another changes the hash. Other files in the folder are ignored.
 */
export async function datasetHash(dir: string): Promise<string> {
  const layout = await inspectDataset(dir);
  const files = [
    layout.hasManifest ? datasetFileNames.manifest : undefined,
    layout.transactions?.file,
    layout.hasLabels ? datasetFileNames.labels : undefined,
    layout.hasEntities ? datasetFileNames.entities : undefined,
    layout.hasKycRefs ? datasetFileNames.kycRefs : undefined,
  ].filter((file): file is string => file !== undefined);
  const hash = createHash('sha256');
  for (const file of files) {
    const path = join(dir, file);
    hash.update(`${file}\0${(await stat(path)).size}\0`);
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) hash.update(chunk);
  }
  return hash.digest('hex');
}
