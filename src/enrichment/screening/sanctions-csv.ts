import { parse } from 'csv-parse/sync';
import { ValidationError, type ProblemDetail } from '../../errors/errors.js';

/** One entry of a sanctions or PEP list as published. */
export interface SanctionEntry {
  readonly id: string;
  /** Person, Organization, Company, LegalEntity, Vessel… */
  readonly schema: string;
  readonly name: string;
  readonly aliases: readonly string[];
  /** ISO date or year, when the list gives one. */
  readonly birthDate: string | undefined;
  /** ISO-3166 alpha-2 codes, lowercase in the published files; kept uppercase here. */
  readonly countries: readonly string[];
  /** The programmes or reasons that list the entry. */
  readonly sanctions: string;
  /** The source dataset; PEP datasets make an entry a PEP rather than a sanction. */
  readonly dataset: string;
}

/** The columns of the consolidated "simple" CSV that public sanctions aggregators publish. */
export const sanctionColumns = ['id', 'schema', 'name', 'aliases', 'birth_date', 'countries', 'sanctions', 'dataset'] as const;

/** Multi-valued cells are separated by semicolons. */
const values = (cell: string | undefined) => (cell ?? '').split(';').map((value) => value.trim()).filter((value) => value !== '');

/**
 * Parses a sanctions CSV (header row required; extra columns ignored; columns in any order). Every
 * problem is reported at once with `file:line` paths; nothing is returned when any row is bad.
 */
export function parseSanctionsCsv(text: string, fileName: string): SanctionEntry[] {
  const rows = parse(text, { relaxColumnCount: true, skipEmptyLines: true, bom: true }) as string[][];
  const header = (rows[0] ?? []).map((cell) => cell.trim().toLowerCase());
  const problems: ProblemDetail[] = [];
  for (const column of sanctionColumns) {
    if (!header.includes(column)) problems.push({ code: 'missing_column', path: `${fileName}:1`, message: `the header has no "${column}" column` });
  }
  if (problems.length > 0) throw new ValidationError(problems, `${fileName} is not a sanctions list CSV`);
  const index = Object.fromEntries(sanctionColumns.map((column) => [column, header.indexOf(column)])) as Record<(typeof sanctionColumns)[number], number>;
  const entries: SanctionEntry[] = [];
  const seen = new Set<string>();
  rows.slice(1).forEach((row, offset) => {
    const line = offset + 2;
    const cell = (column: (typeof sanctionColumns)[number]) => (row[index[column]] ?? '').trim();
    const id = cell('id');
    const name = cell('name');
    if (id === '') problems.push({ code: 'required', path: `${fileName}:${line}`, message: 'id is empty' });
    if (name === '') problems.push({ code: 'required', path: `${fileName}:${line}`, message: 'name is empty' });
    if (id !== '' && seen.has(id)) problems.push({ code: 'duplicate', path: `${fileName}:${line}`, message: `id ${id} appears twice` });
    seen.add(id);
    const birthDate = cell('birth_date');
    if (birthDate !== '' && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(values(birthDate)[0] ?? '')) {
      problems.push({ code: 'format', path: `${fileName}:${line}`, message: `birth_date must be YYYY, YYYY-MM or YYYY-MM-DD, got "${birthDate}"` });
    }
    entries.push({
      id,
      schema: cell('schema') || 'Thing',
      name,
      aliases: values(cell('aliases')),
      birthDate: values(birthDate)[0],
      countries: values(cell('countries')).map((code) => code.toUpperCase()),
      sanctions: cell('sanctions'),
      dataset: cell('dataset') || 'unknown',
    });
  });
  if (problems.length > 0) throw new ValidationError(problems.slice(0, 100), `${fileName} has ${problems.length} bad rows`);
  return entries;
}

/** True for an entry of a politically-exposed-persons dataset rather than a sanctions list. */
export function isPepEntry(entry: Pick<SanctionEntry, 'dataset' | 'sanctions'>): boolean {
  return /(^|[^a-z])peps?([^a-z]|$)|politically exposed/i.test(`${entry.dataset} ${entry.sanctions}`);
}
