import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { datasetProblem, type ProblemSink } from './dataset-problem.js';
import { datasetFileNames } from '../contract/datasets.js';

/** The contract version this reader implements. */
export const contractVersion = '1';

/** manifest.json: identifies the dataset and the contract version it follows. */
export interface DatasetManifest {
  /** Always "1" for a valid dataset. */
  contract_version: typeof contractVersion;
  /** Human name of the dataset. */
  name: string;
  /** Any other keys the producer wrote (the simulator records its options and counts here). */
  [key: string]: unknown;
}

const file = datasetFileNames.manifest;

/**
 * Reads and checks manifest.json of a dataset folder. Returns the manifest when it is valid;
 * otherwise reports SENTRA_DATASET_MANIFEST_MISSING, _MANIFEST_INVALID or _CONTRACT_VERSION and
 * returns undefined. Problems in keys are located `manifest.json:LINE:key`.
 */
export async function checkManifest(dir: string, exists: boolean, onProblem: ProblemSink): Promise<DatasetManifest | undefined> {
  if (!exists) {
    onProblem(datasetProblem('SENTRA_DATASET_MANIFEST_MISSING', `${file}:1:1`, `${file} is missing; write {"contract_version":"1","name":"…"}`));
    return undefined;
  }
  const text = (await readFile(join(dir, file), 'utf8')).replace(/^\ufeff/, '');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = Number(/at position (\d+)/.exec(message)?.[1] ?? 0);
    const { line, column } = lineAndColumn(text, position);
    onProblem(datasetProblem('SENTRA_DATASET_MANIFEST_INVALID', `${file}:${line}:${column}`, `${file} is not valid JSON: ${message.replace(/, (?:\.\.\.)?".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '')}`));
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    onProblem(datasetProblem('SENTRA_DATASET_MANIFEST_INVALID', `${file}:1:1`, `${file} must be a JSON object`));
    return undefined;
  }
  const manifest = value as Record<string, unknown>;
  let valid = true;
  if (manifest['contract_version'] !== contractVersion) {
    valid = false;
    const found = manifest['contract_version'] === undefined ? 'missing' : JSON.stringify(manifest['contract_version']);
    onProblem(datasetProblem('SENTRA_DATASET_CONTRACT_VERSION', keyPath(text, 'contract_version'), `contract_version is ${found}; this reader implements contract version "1" (a string)`));
  }
  if (typeof manifest['name'] !== 'string' || manifest['name'].trim() === '') {
    valid = false;
    onProblem(datasetProblem('SENTRA_DATASET_MANIFEST_INVALID', keyPath(text, 'name'), 'name must be a non-empty string'));
  }
  return valid ? (manifest as DatasetManifest) : undefined;
}

function keyPath(text: string, key: string): string {
  const index = text.indexOf(JSON.stringify(key));
  return `${file}:${index === -1 ? 1 : lineAndColumn(text, index).line}:${key}`;
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: position - lastBreak };
}
