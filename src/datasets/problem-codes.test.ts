import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetProblemCatalogue, datasetProblemCodes } from './problem-codes.js';

describe('the problem code catalogue', () => {
  it('is documented row by row in docs/data-contract.md with the same severity', async () => {
    const documentation = await readFile(join(import.meta.dirname, '../../docs/data-contract.md'), 'utf8');
    const rows = [...documentation.matchAll(/^\| `(SENTRA_DATASET_[A-Z_]+)` \| (error|warning) \|/gm)].map((match) => [match[1], match[2]]);
    expect(rows).toEqual(datasetProblemCodes.map((code) => [code, datasetProblemCatalogue[code].severity]));
    const mentioned = new Set(documentation.match(/SENTRA_DATASET_[A-Z_]+/g));
    expect([...mentioned].filter((code) => !(code in datasetProblemCatalogue))).toEqual([]);
  });
});
