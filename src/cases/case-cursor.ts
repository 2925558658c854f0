import { ValidationError } from '../errors/errors.js';
import type { CaseSort } from '../contract/cases.js';

/** Where a page ended: the sort key and id of its last case. */
export interface CaseCursor {
  sort: CaseSort;
  /** The last case's sort value: priority, or a time in ms. */
  value: number;
  id: string;
}

/** An opaque `next_cursor` for the page that ended at this case. */
export function encodeCursor(cursor: CaseCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.value, cursor.id])).toString('base64url');
}

/** Reads a cursor back; 400 at `/querystring/cursor` when it was not made by us for this sort. */
export function decodeCursor(text: string, sort: CaseSort): CaseCursor {
  const invalid = (message: string) => new ValidationError([{ code: 'cursor', path: '/querystring/cursor', message }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalid('cursor is not one this API returned');
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || typeof parsed[1] !== 'number' || !Number.isFinite(parsed[1]) || typeof parsed[2] !== 'string') {
    throw invalid('cursor is not one this API returned');
  }
  if (parsed[0] !== sort) throw invalid(`cursor belongs to sort=${String(parsed[0])}, not sort=${sort}`);
  return { sort, value: parsed[1], id: parsed[2] };
}
