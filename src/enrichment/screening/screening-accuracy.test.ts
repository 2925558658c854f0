import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseSanctionsCsv } from './sanctions-csv.js';
import { ScreeningIndex } from './screening-index.js';

const list = parseSanctionsCsv(readFileSync(new URL('../../../lists/sample-sanctions.csv', import.meta.url), 'utf8'), 'sample-sanctions.csv');
const variants = parse(readFileSync(new URL('../../../test/fixtures/enrichment/name-variants.csv', import.meta.url), 'utf8'), { columns: true }) as {
  query: string;
  birth_date: string;
  expected: string;
  variant: string;
}[];

describe('sanctions screening on the name-variant fixture', () => {
  const index = new ScreeningIndex(list);

  it('finds transliterated, reordered, accented and abbreviated names and rejects look-alikes (precision and recall reported)', () => {
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    const misses: string[] = [];
    for (const row of variants) {
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
    console.info(`screening: ${variants.length} queries, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}${misses.length ? `; misses: ${misses.join('; ')}` : ''}`);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it('tells PEP entries from sanctions and rules out a known different birth date', () => {
    expect(index.screen('Helena Marchetti Vos')[0]).toMatchObject({ pep: true });
    expect(index.screen('Viktor Kolesnikov')[0]).toMatchObject({ pep: false, matchedName: 'Viktor Andreyevich Kolesnikov' });
    expect(index.screen('Viktor Kolesnikov', '1990-01-01')).toEqual([]);
    expect(index.screen('Viktor Kolesnikov', '1968')[0]?.entry.id).toBe('sample-0001');
  });
});
