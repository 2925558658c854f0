import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorCatalogue, type ErrorCode } from '../errors/errors.js';
import { statusOf } from './error-status.js';

const documentation = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
const table = documentation.split('<!-- error-catalogue:start -->')[1]!.split('<!-- error-catalogue:end -->')[0]!;
const rows = table
  .split('\n')
  .filter((line) => line.startsWith('| `'))
  .map((line) => line.split('|').map((cell) => cell.trim()));

describe('error catalogue and docs/api.md', () => {
  it('documents every code exactly once, with its HTTP status and retry flag', () => {
    const documented = rows.map((cells) => cells[1]!.replaceAll('`', ''));
    expect(documented.sort()).toEqual(Object.keys(errorCatalogue).sort());
    for (const cells of rows) {
      const code = cells[1]!.replaceAll('`', '') as ErrorCode;
      expect(Number(cells[2]), code).toBe(statusOf(code));
      expect(cells[3], code).toBe(errorCatalogue[code].retryable ? 'yes' : 'no');
    }
  });
});
