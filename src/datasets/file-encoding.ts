import { createReadStream } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { datasetProblem, type ProblemSink } from './dataset-problem.js';

const newline = 0x0a;
const utf8Bom = Buffer.from([0xef, 0xbb, 0xbf]);
const utf16Boms = [Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff])];

/** The 1-based column (in characters) of the first byte of `line` that is not UTF-8. */
function firstInvalidColumn(line: Buffer): number {
  const index = [...line.toString('utf8')].indexOf('\ufffd');
  return index === -1 ? 1 : index + 1;
}

/**
 * Checks that a dataset file is UTF-8, as data contract v1 requires, in one streaming pass (a UTF-8
 * byte-order mark is allowed). A UTF-16 file, or a line with bytes that are not UTF-8 (e.g. Latin-1
 * text), is reported once as SENTRA_DATASET_ENCODING at its `file:line:column`: read on, such bytes
 * would silently become U+FFFD and change ids and names. Returns false when the file is not UTF-8.
 */
export async function checkUtf8(path: string, name: string, onProblem: ProblemSink): Promise<boolean> {
  let line = 1;
  let carry: Buffer = Buffer.alloc(0);
  let first = true;
  const report = (lineNumber: number, column: number, message: string) => {
    onProblem(datasetProblem('SENTRA_DATASET_ENCODING', `${name}:${lineNumber}:${column}`, message));
    return false;
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let data: Buffer = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
    if (first) {
      first = false;
      if (utf16Boms.some((bom) => data.subarray(0, 2).equals(bom))) return report(1, 1, `${name} is UTF-16; data contract v1 files are UTF-8`);
      if (data.subarray(0, 3).equals(utf8Bom)) data = data.subarray(3);
    }
    const lastNewline = data.lastIndexOf(newline);
    if (lastNewline === -1) {
      carry = data;
      continue;
    }
    const complete = data.subarray(0, lastNewline + 1);
    carry = Buffer.from(data.subarray(lastNewline + 1));
    if (!isUtf8(complete)) return reportFirstBadLine(complete, line, report);
    for (let at = complete.indexOf(newline); at !== -1; at = complete.indexOf(newline, at + 1)) line++;
  }
  if (carry.length > 0 && !isUtf8(carry)) return reportFirstBadLine(carry, line, report);
  return true;
}

function reportFirstBadLine(bytes: Buffer, firstLine: number, report: (line: number, column: number, message: string) => boolean): boolean {
  let line = firstLine;
  let start = 0;
  for (;;) {
    const end = bytes.indexOf(newline, start);
    const content = bytes.subarray(start, end === -1 ? bytes.length : end);
    if (!isUtf8(content)) return report(line, firstInvalidColumn(content), 'the line holds bytes that are not UTF-8 (data contract v1 files are UTF-8; re-encode the file, e.g. from Latin-1)');
    if (end === -1) return report(line, 1, 'the file holds bytes that are not UTF-8');
    start = end + 1;
    line++;
  }
}
