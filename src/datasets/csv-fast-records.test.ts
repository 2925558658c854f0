import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFastCsvRecords } from './csv-fast-records.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sentra-fast-csv-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** What csv-parse yields with csv-rows.ts's options, up to its first error. */
async function csvParseRecords(content: Buffer): Promise<string[][]> {
  const records: string[][] = [];
  let recordsBefore = Number.POSITIVE_INFINITY;
  const parser = parse({
    bom: true,
    relax_column_count: true,
    record_delimiter: ['\r\n', '\n'],
    skip_records_with_error: true,
    on_skip: () => {
      recordsBefore = Math.min(recordsBefore, parser.info.records);
      return undefined;
    },
  });
  parser.end(content);
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (records.length >= recordsBefore) break;
      records.push(record);
    }
  } catch {
    // Records before the error are what counts.
  }
  return records;
}

let files = 0;

async function fastRecords(content: Buffer): Promise<{ records: string[][]; handOver: number | undefined }> {
  const path = join(dir, `file-${files++}.csv`);
  await writeFile(path, content);
  const fast = readFastCsvRecords(path);
  const records: string[][] = [];
  for await (const batch of fast.batches) {
    records.push(...batch.records);
    if (!batch.multiline) expect(batch.records.flat().some((field) => field.includes('\n'))).toBe(false);
  }
  return { records, handOver: fast.handOver() };
}

const pieces = ['a', 'bc', ',', ',', '"', '""', '\n', '\r\n', '\r', 'é', '€', ' ', 'x"y', '\ufeff'];

describe('fast CSV records', () => {
  it('yields exactly what csv-parse yields, or hands over at the first record it does not handle', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), fc.boolean(), async (parts, bom) => {
        const content = Buffer.from((bom ? '\ufeff' : '') + parts.join(''));
        const expected = await csvParseRecords(content);
        const fast = await fastRecords(content);
        if (fast.handOver === undefined) expect(fast.records).toEqual(expected);
        else {
          expect(fast.records.length).toBe(fast.handOver);
          expect(fast.records).toEqual(expected.slice(0, fast.handOver));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reads quoted fields with commas, escaped quotes and line breaks, and invalid UTF-8, without handing over', async () => {
    const content = Buffer.concat([
      Buffer.from('h1,h2,h3\r\n"a,b","say ""hi""","x\r\ny"\n\n1,2,'),
      Buffer.from([0xe2, 0x82, 0x2c, 0xff, 0x0a]),
      Buffer.from('last'),
    ]);
    const fast = await fastRecords(content);
    expect(fast.handOver).toBeUndefined();
    expect(fast.records).toEqual(await csvParseRecords(content));
    expect(fast.records[1]).toEqual(['a,b', 'say "hi"', 'x\r\ny']);
  });

  it('reads records longer than its read buffer', async () => {
    const long = 'z'.repeat(5_000_000);
    const content = Buffer.from(`a,b\n${long},"${long}"\nc,d\n`);
    const fast = await fastRecords(content);
    expect(fast.handOver).toBeUndefined();
    expect(fast.records.map((record) => record.map((field) => field.length))).toEqual([[1, 1], [5_000_000, 5_000_000], [1, 1]]);
  });
});
