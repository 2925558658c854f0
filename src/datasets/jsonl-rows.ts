import { createReadStream } from 'node:fs';
import { datasetProblem } from './dataset-problem.js';
import type { TabularFile } from './csv-rows.js';
import { isKnownColumn } from './header-check.js';
import { objectRowFields, type RowFields } from './row-fields.js';

/**
 * Streams the rows of a JSONL file: one flat JSON object per line, keys named like the CSV columns.
 * Blank lines are skipped. A line that is not a JSON object is reported (SENTRA_DATASET_JSON_SYNTAX,
 * located at the 1-based character where parsing failed) and not yielded; a key outside the
 * contract is reported once, as a warning, at the first line that has it.
 */
export async function* readJsonlRows(source: TabularFile): AsyncGenerator<RowFields> {
  const unknownKeysSeen = new Set<string>();
  let lineNumber = 0;
  for await (const text of readLines(source.path)) {
    lineNumber++;
    const line = lineNumber === 1 && text.startsWith('\ufeff') ? text.slice(1) : text;
    if (line.trim() === '') continue;
    const parsed = parseJsonObject(line);
    if ('message' in parsed) {
      source.onProblem(datasetProblem('SENTRA_DATASET_JSON_SYNTAX', `${source.file}:${lineNumber}:${parsed.column}`, parsed.message));
      continue;
    }
    for (const key of Object.keys(parsed.object)) {
      if (unknownKeysSeen.has(key) || isKnownColumn(source.columns, key)) continue;
      unknownKeysSeen.add(key);
      source.onProblem(
        datasetProblem('SENTRA_DATASET_UNKNOWN_COLUMN', `${source.file}:${lineNumber}:${key}`, `key ${JSON.stringify(key)} is not part of data contract v1 and is ignored (reported once)`),
      );
    }
    yield objectRowFields(source.file, lineNumber, parsed.object);
  }
}

type JsonLine = { object: Record<string, unknown> } | { message: string; column: number };

function parseJsonObject(line: string): JsonLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message);
    // V8 quotes the whole line in some messages; keep the report one short line.
    const short = message.replace(/, (?:\.\.\.)?".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '');
    return { message: `the line is not valid JSON: ${short}`, column: position === null ? 1 : Number(position[1]) + 1 };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const kind = Array.isArray(value) ? 'an array' : 'not an object';
    return { message: `the line is ${kind}; each line must be one JSON object`, column: 1 };
  }
  return { object: value as Record<string, unknown> };
}

/** Yields the lines of a UTF-8 text file without their `\n` / `\r\n` terminators. */
export async function* readLines(path: string): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 }) as AsyncIterable<string>) {
    const text = rest + chunk;
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      yield text.charCodeAt(end - 1) === 13 && end > start ? text.slice(start, end - 1) : text.slice(start, end);
      start = end + 1;
    }
    rest = text.slice(start);
  }
  if (rest !== '') yield rest.endsWith('\r') ? rest.slice(0, -1) : rest;
}
