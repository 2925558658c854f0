import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseSanctionsCsv } from './sanctions-csv.js';
import { ScreeningIndex } from './screening-index.js';

const list = parseSanctionsCsv(readFileSync(new URL('../../../lists/sample-sanctions.csv', import.meta.url), 'utf8'), 'sample-sanctions.csv');
const index = new ScreeningIndex(list);

/** Screens every query of a fixture (query, birth_date, expected entry id or empty, variant) and counts the outcomes. */
function accuracy(fixture: string): { queries: number; precision: number; recall: number; misses: string[] } {
  const rows = parse(readFileSync(new URL(`../../../test/fixtures/enrichment/${fixture}`, import.meta.url), 'utf8'), { columns: true }) as {
    query: string;
    birth_date: string;
    expected: string;
    variant: string;
  }[];
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  const misses: string[] = [];
  for (const row of rows) {
    const found = index.screen(row.query, row.birth_date === '' ? undefined : row.birth_date)[0]?.entry.id;
    if (row.expected !== '' && found === row.expected) truePositives++;
    else if (row.expected === '' && found === undefined) continue;
    else {
      if (found !== undefined) falsePositives++;
      if (row.expected !== '') falseNegatives++;
      misses.push(`${row.query} (${row.variant}): expected ${row.expected || 'none'}, got ${found ?? 'none'}`);
    }
  }
  const precision = truePositives / (truePositives + falsePositives);
  const recall = truePositives / (truePositives + falseNegatives);
  console.info(`screening on ${fixture}: ${rows.length} queries, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}${misses.length ? `; misses: ${misses.join('; ')}` : ''}`);
  return { queries: rows.length, precision, recall, misses };
}

describe('sanctions screening accuracy', () => {
  it('finds transliterated, reordered, accented and abbreviated names and rejects look-alikes on the fixture the threshold was chosen on', () => {
    const { precision, recall } = accuracy('name-variants.csv');
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it('reports precision and recall on held-out variants the threshold never saw (floors: the first measurement, 31 of 35 hits right, 31 of 34 names found)', () => {
    // Written before the matcher ever ran on it, and not used to tune anything since: the measured
    // figures (docs/enrichment.md) are an estimate; the floors below only catch a regression.
    const { precision, recall } = accuracy('name-variants-holdout.csv');
    expect(precision).toBeGreaterThanOrEqual(0.885);
    expect(recall).toBeGreaterThanOrEqual(0.911);
  });

  it('tells PEP entries from sanctions and rules out a known different birth date', () => {
    expect(index.screen('Helena Marchetti Vos')[0]).toMatchObject({ pep: true });
    expect(index.screen('Viktor Kolesnikov')[0]).toMatchObject({ pep: false, matchedName: 'Viktor Andreyevich Kolesnikov' });
    expect(index.screen('Viktor Kolesnikov', '1990-01-01')).toEqual([]);
    expect(index.screen('Viktor Kolesnikov', '1968')[0]?.entry.id).toBe('sample-0001');
  });
});
