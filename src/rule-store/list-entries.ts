import { looksLikeRawIp } from '../contract/raw-ip.js';
import type { ListEntryInput, ListKind } from '../contract/rules.js';
import { ValidationError, type ProblemDetail } from '../errors/errors.js';
import type { ListEntryRow } from './list.repository.js';

/** Most problems listed for one upload (the rest are counted in the message). */
const maxProblems = 100;

/** Normalizes a value for its list's kind; answers a problem message when it does not fit. */
function normalize(kind: ListKind, raw: string): string | { problem: string } {
  const value = raw.trim();
  if (value === '') return { problem: 'the value is empty' };
  switch (kind) {
    case 'country':
      return /^[A-Za-z]{2}$/.test(value) ? value.toUpperCase() : { problem: 'a country is an ISO-3166 alpha-2 code' };
    case 'card_bin':
      return /^\d{6,8}$/.test(value) ? value : { problem: 'a card BIN has 6 to 8 digits' };
    case 'asn': {
      const digits = /^(?:AS)?(\d{1,10})$/i.exec(value);
      return digits === null ? { problem: 'an ASN is a number, optionally written AS123' } : String(Number(digits[1]));
    }
    case 'ip_hash':
    case 'device_hash':
      return looksLikeRawIp(value) ? { problem: 'a hash column must not hold a raw IP address' } : value;
    case 'email_hash':
      return value.includes('@') ? { problem: 'an email hash must not be a raw email address' } : value;
    case 'entity_id':
    case 'string':
      return value;
  }
}

/**
 * Checks and normalizes an upload; lists every problem by path (`/entries/3/value`), refuses the
 * whole upload on any. A value sent twice keeps its last note and expiry.
 */
export function checkEntries(kind: ListKind, entries: readonly ListEntryInput[], now: number, root = '/entries'): ListEntryRow[] {
  const problems: ProblemDetail[] = [];
  let more = 0;
  const byValue = new Map<string, ListEntryRow>();
  const report = (problem: ProblemDetail) => (problems.length < maxProblems ? problems.push(problem) : more++);
  entries.forEach((entry, index) => {
    const value = normalize(kind, entry.value);
    if (typeof value === 'object') {
      report({ code: 'format', path: `${root}/${index}/value`, message: value.problem });
      return;
    }
    let expiresAt: string | null = null;
    if (entry.expires_at !== undefined) {
      const at = Date.parse(entry.expires_at);
      if (!Number.isFinite(at) || at > Date.UTC(2200, 0, 1)) {
        report({ code: 'format', path: `${root}/${index}/expires_at`, message: 'expires_at is an ISO-8601 time before 2200' });
        return;
      }
      if (at <= now) {
        report({ code: 'range', path: `${root}/${index}/expires_at`, message: 'expires_at is in the past' });
        return;
      }
      expiresAt = new Date(at).toISOString();
    }
    byValue.set(value, { value, note: entry.note ?? null, expires_at: expiresAt });
  });
  if (problems.length > 0) throw new ValidationError(problems, more > 0 ? `The upload has ${problems.length + more} problems; the first ${problems.length} are listed.` : undefined);
  return [...byValue.values()];
}

/** Parses a CSV upload: a header naming `value` and optionally `note` and `expires_at`, then one entry a line. */
export function parseEntriesCsv(text: string): ListEntryInput[] {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((cell) => cell.trim().toLowerCase());
  const valueAt = header.indexOf('value');
  if (valueAt < 0) throw new ValidationError([{ code: 'header', path: 'line 1', message: 'the CSV header must name a value column (value,note,expires_at)' }]);
  const noteAt = header.indexOf('note');
  const expiresAt = header.indexOf('expires_at');
  const entries: ListEntryInput[] = [];
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trim() === '') continue;
    const cells = splitCsvLine(line);
    const entry: ListEntryInput = { value: cells[valueAt] ?? '' };
    const note = noteAt < 0 ? undefined : cells[noteAt];
    const expires = expiresAt < 0 ? undefined : cells[expiresAt];
    if (note !== undefined && note !== '') entry.note = note;
    if (expires !== undefined && expires !== '') entry.expires_at = expires;
    entries.push(entry);
  }
  return entries;
}

/** One CSV line's cells (RFC 4180 quotes, no line breaks inside a cell). */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index]!;
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}
