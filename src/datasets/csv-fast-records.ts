import { open } from 'node:fs/promises';

/*
 * A fast splitter for CSV files: comma-separated, `"` quoting with `""` escapes, CRLF or LF
 * records, an optional UTF-8 BOM. For a well-formed file it yields exactly the records csv-parse
 * yields with the options of csv-rows.ts (blank lines as [''], fields decoded as UTF-8, nothing
 * trimmed), several times faster. At the first construct it does not handle exactly like csv-parse
 * (a quote inside an unquoted field, text after a closing quote, an unterminated quote, a UTF-16
 * BOM) it stops and says how many records it yielded, so the caller lets csv-parse take over from
 * there and report the problem with csv-parse's own message and line.
 */

const newline = 0x0a;
const carriageReturn = 0x0d;
const quote = 0x22;
const comma = 0x2c;
const readSize = 1 << 18;

/** Consecutive records of a file. */
export interface CsvBatch {
  readonly records: string[][];
  /** False when no field of these records holds a line break (none is quoted across lines). */
  readonly multiline: boolean;
}

/** Records of a file in batches; `handOver()` tells, once they are done, whether csv-parse must continue. */
export interface FastCsvRecords {
  readonly batches: AsyncGenerator<CsvBatch>;
  /** After `batches` is done: the number of records yielded when csv-parse must take over, else undefined. */
  handOver(): number | undefined;
}

/**
 * Splits a decoded record holding quotes into fields; undefined when it is not plain RFC 4180
 * (a quote inside an unquoted field, text after a closing quote, an unterminated quote).
 */
export function splitQuotedRecord(text: string): string[] | undefined {
  const fields: string[] = [];
  const length = text.length;
  let position = 0;
  for (;;) {
    if (text.charCodeAt(position) === quote) {
      let value = '';
      let from = position + 1;
      for (;;) {
        const close = text.indexOf('"', from);
        if (close < 0) return undefined;
        if (text.charCodeAt(close + 1) === quote) {
          value += text.slice(from, close + 1);
          from = close + 2;
          continue;
        }
        value += text.slice(from, close);
        position = close + 1;
        break;
      }
      fields.push(value);
      if (position === length) return fields;
      if (text.charCodeAt(position) !== comma) return undefined;
      position++;
      continue;
    }
    const next = text.indexOf(',', position);
    const value = text.slice(position, next < 0 ? length : next);
    if (value.includes('"')) return undefined;
    fields.push(value);
    if (next < 0) return fields;
    position = next + 1;
  }
}

/**
 * End of the record starting at `start` that holds a quote at `firstQuote`: the first LF outside
 * quotes, `filled` at the end of the file, or -1 when more bytes are needed.
 */
function quotedRecordEnd(buffer: Buffer, firstQuote: number, filled: number, ended: boolean): number {
  let inside = true;
  let from = firstQuote + 1;
  for (;;) {
    if (inside) {
      const close = buffer.indexOf(quote, from);
      if (close < 0 || close >= filled) return ended ? filled : -1;
      inside = false;
      from = close + 1;
      continue;
    }
    const nextQuote = buffer.indexOf(quote, from);
    const lineEnd = buffer.indexOf(newline, from);
    const quoteAt = nextQuote < 0 || nextQuote >= filled ? -1 : nextQuote;
    const lineAt = lineEnd < 0 || lineEnd >= filled ? -1 : lineEnd;
    if (lineAt >= 0 && (quoteAt < 0 || lineAt < quoteAt)) return lineAt;
    if (quoteAt < 0) return ended ? filled : -1;
    inside = true;
    from = quoteAt + 1;
  }
}

/** Reads the records of the CSV file at `path` (see the module comment). */
export function readFastCsvRecords(path: string): FastCsvRecords {
  let handOver: number | undefined;
  async function* batches(): AsyncGenerator<CsvBatch> {
    const file = await open(path, 'r');
    try {
      let buffer = Buffer.allocUnsafe(readSize);
      let filled = 0;
      let position = 0;
      let ended = false;
      let started = false;
      let yielded = 0;
      while (!ended || position < filled) {
        if (!ended) {
          if (position > 0) {
            buffer.copy(buffer, 0, position, filled);
            filled -= position;
            position = 0;
          }
          if (filled === buffer.length) {
            const larger = Buffer.allocUnsafe(buffer.length * 2);
            buffer.copy(larger, 0, 0, filled);
            buffer = larger;
          }
          const { bytesRead } = await file.read(buffer, filled, buffer.length - filled, null);
          filled += bytesRead;
          if (bytesRead === 0) ended = true;
        }
        if (!started) {
          if (filled < 3 && !ended) continue;
          started = true;
          if (filled >= 2 && buffer[0] === 0xff && buffer[1] === 0xfe) {
            handOver = 0;
            return;
          }
          if (filled >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) position = 3;
        }
        const batch: string[][] = [];
        let multiline = false;
        let nextQuote = buffer.indexOf(quote, position);
        if (nextQuote >= filled) nextQuote = -1;
        while (position < filled) {
          let lineEnd = buffer.indexOf(newline, position);
          if (lineEnd >= filled) lineEnd = -1;
          if (nextQuote >= 0 && (lineEnd < 0 || nextQuote < lineEnd)) {
            lineEnd = quotedRecordEnd(buffer, nextQuote, filled, ended);
            if (lineEnd < 0) break;
            if (lineEnd === filled && buffer[filled - 1] === carriageReturn) {
              yield { records: batch, multiline: true };
              handOver = yielded + batch.length;
              return;
            }
            const contentEnd = lineEnd < filled && buffer[lineEnd - 1] === carriageReturn ? lineEnd - 1 : lineEnd;
            const fields = splitQuotedRecord(buffer.toString('utf8', position, contentEnd));
            if (fields === undefined) {
              yield { records: batch, multiline: true };
              handOver = yielded + batch.length;
              return;
            }
            batch.push(fields);
            const inner = buffer.indexOf(newline, position);
            if (inner >= 0 && inner < contentEnd) multiline = true;
            position = lineEnd + 1;
            nextQuote = buffer.indexOf(quote, position);
            if (nextQuote >= filled) nextQuote = -1;
            continue;
          }
          if (lineEnd < 0) {
            if (!ended) break;
            lineEnd = filled;
            // csv-parse's reading of a CR that ends the file is not worth mimicking here.
            if (buffer[filled - 1] === carriageReturn) {
              yield { records: batch, multiline: true };
              handOver = yielded + batch.length;
              return;
            }
          }
          const contentEnd = lineEnd < filled && lineEnd > position && buffer[lineEnd - 1] === carriageReturn ? lineEnd - 1 : lineEnd;
          batch.push(buffer.toString('utf8', position, contentEnd).split(','));
          position = lineEnd + 1;
        }
        yielded += batch.length;
        if (batch.length > 0) yield { records: batch, multiline };
      }
    } finally {
      await file.close();
    }
  }
  return { batches: batches(), handOver: () => handOver };
}
