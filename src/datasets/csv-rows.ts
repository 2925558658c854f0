import { createReadStream } from 'node:fs';
import { CsvError, parse } from 'csv-parse';
import { datasetProblem, type ProblemSink } from './dataset-problem.js';
import type { FileColumns } from './dataset-columns.js';
import { readFastCsvRecords } from './csv-fast-records.js';
import { checkCsvHeader } from './header-check.js';
import { CsvRowFields, type RowFields } from './row-fields.js';

/** Where and how to read one tabular file of a dataset. */
export interface TabularFile {
  /** Name shown in problem locations, e.g. `transactions.csv`. */
  file: string;
  /** Filesystem path of the file. */
  path: string;
  /** The contract's columns for this file. */
  columns: FileColumns;
  /** Receives header and structure problems (row content is left to the row parsers). */
  onProblem: ProblemSink;
}

/**
 * Streams the data rows of a CSV file, checking the header first. Well-formed files are split by
 * the fast reader (csv-fast-records.ts); from the first record it leaves alone, csv-parse reads on
 * and reports the problem. Rows whose field
 * count differs from the header are reported (SENTRA_DATASET_COLUMN_COUNT) and not yielded. On
 * malformed CSV the error is reported with its line and reading stops, since nothing after it can
 * be trusted. The yielded view is reused: read it before asking for the next row.
 * Line numbers are physical lines of the file (1 = header), counting `\n`; a row whose quoted
 * field spans lines is located at the line where it starts.
 */
export async function* readCsvRows(source: TabularFile): AsyncGenerator<RowFields> {
  let fields: CsvRowFields | undefined;
  let width = 0;
  let nextLine = 1;
  // csv-parse counts both characters of a CRLF inside a quoted field as line breaks in its errors.
  let carriageReturns = 0;
  /** Takes the next record; true when it is a data row, installed in `fields`. */
  const take = (record: string[], multiline: boolean): boolean => {
    const line = nextLine;
    let innerNewlines = 0;
    if (multiline) {
      for (const value of record) {
        if (value.length > 0 && value.includes('\n')) {
          innerNewlines += countOf(value, '\n');
          carriageReturns += countOf(value, '\r');
        }
      }
    }
    nextLine = line + innerNewlines + 1;
    if (record.length === 1 && record[0] === '') return false;
    if (fields === undefined) {
      checkCsvHeader(source.file, record, source.columns, source.onProblem);
      fields = new CsvRowFields(source.file, record);
      width = record.length;
      return false;
    }
    if (record.length !== width) {
      source.onProblem(
        datasetProblem('SENTRA_DATASET_COLUMN_COUNT', `${source.file}:${line}:1`, `the row has ${record.length} fields; the header has ${width}`),
      );
      return false;
    }
    fields.setRecord(line, record);
    return true;
  };

  // Well-formed files are split by the fast reader; at anything else csv-parse takes over.
  const fast = readFastCsvRecords(source.path);
  for await (const batch of fast.batches) {
    for (const record of batch.records) if (take(record, batch.multiline)) yield fields!;
  }
  const handedOver = fast.handOver();
  if (handedOver === undefined) {
    if (fields === undefined) source.onProblem(datasetProblem('SENTRA_DATASET_EMPTY_FILE', `${source.file}:1:1`, 'the file has no header line'));
    return;
  }

  const input = createReadStream(source.path);
  // No `info` snapshots (they cost a third of the parse) and no skip_empty_lines: blank lines come
  // through as [''] and are counted here, so line numbers are exact, CRLF or not. Malformed records
  // are skipped by the parser and the first one remembered, so the rows before it (even in the same
  // chunk) are still checked, and reading stops at it.
  let syntaxError: { error: CsvError; recordsBefore: number } | undefined;
  const parser = parse({
    bom: true,
    relax_column_count: true,
    record_delimiter: ['\r\n', '\n'],
    skip_records_with_error: true,
    on_skip: (error) => {
      if (error !== undefined && syntaxError === undefined) syntaxError = { error, recordsBefore: parser.info.records };
      return undefined;
    },
  });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  let consumed = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (syntaxError !== undefined && consumed >= syntaxError.recordsBefore) break;
      consumed++;
      // The fast reader already gave the records before the one it could not read.
      if (consumed <= handedOver) continue;
      if (take(record, true)) yield fields!;
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    syntaxError ??= { error, recordsBefore: consumed };
  } finally {
    input.destroy();
    parser.destroy();
  }
  if (syntaxError !== undefined) {
    const { error } = syntaxError;
    const line = Math.max(1, typeof error['lines'] === 'number' ? error['lines'] - carriageReturns : nextLine);
    source.onProblem(
      datasetProblem('SENTRA_DATASET_CSV_SYNTAX', `${source.file}:${line}:1`, `${error.message.replace(/\.?$/, '')}; the rest of the file is not checked`),
    );
  } else if (fields === undefined) {
    source.onProblem(datasetProblem('SENTRA_DATASET_EMPTY_FILE', `${source.file}:1:1`, 'the file has no header line'));
  }
}

function countOf(text: string, character: string): number {
  let count = 0;
  for (let index = text.indexOf(character); index !== -1; index = text.indexOf(character, index + 1)) count++;
  return count;
}
