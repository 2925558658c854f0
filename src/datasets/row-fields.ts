import { datasetProblem, type DatasetProblem } from './dataset-problem.js';
import { overrideName } from './dataset-columns.js';

/**
 * The fields of one row of a contract file, whatever its format, as the row parsers read them.
 * CSV rows and JSONL objects (and HTTP uploads) are all seen through this view, so every format
 * gets exactly the same checks.
 */
export interface RowFields {
  /** File name, e.g. `transactions.csv`. */
  readonly file: string;
  /** 1-based line number of the row in its file. */
  readonly line: number;
  /** Problems found while splitting the row into fields (e.g. a JSON object where text was expected). */
  readonly initialProblems: readonly DatasetProblem[];
  /** The `f_<name>` columns the row has. */
  readonly overrideColumns: readonly string[];
  /**
   * True when a header was checked (CSV): a required column absent from the header was reported
   * once there, so rows stay silent about it. False for objects, where an absent key is a
   * SENTRA_DATASET_REQUIRED problem of the row.
   */
  readonly headerChecked: boolean;
  /** Text of a column: undefined when absent, `''` when empty, null when present but unusable (already reported). */
  get(column: string): string | null | undefined;
  /** Location of a column of this row, `file:line:column`. */
  locate(column: string): string;
}

const noProblems: readonly DatasetProblem[] = Object.freeze([]);

/**
 * Views a plain object (a JSONL line, an uploaded JSON row) as {@link RowFields}. Strings are
 * taken as they are, finite numbers as their shortest decimal text, null as empty; any other value
 * (object, array, boolean) is a SENTRA_DATASET_TYPE problem. Locations are `file:line:key`.
 */
export function objectRowFields(file: string, line: number, row: Readonly<Record<string, unknown>>): RowFields {
  const values = new Map<string, string | null>();
  const problems: DatasetProblem[] = [];
  const overrideColumns: string[] = [];
  const locate = (column: string): string => `${file}:${line}:${column}`;
  for (const [key, value] of Object.entries(row)) {
    if (typeof value === 'string') values.set(key, value);
    else if (typeof value === 'number' && Number.isFinite(value)) values.set(key, String(value));
    else if (value === null) values.set(key, '');
    else {
      values.set(key, null);
      problems.push(datasetProblem('SENTRA_DATASET_TYPE', locate(key), `${key} must be a string, a number or null, not ${describeType(value)}`));
    }
    if (overrideName(key) !== undefined) overrideColumns.push(key);
  }
  return {
    file,
    line,
    initialProblems: problems.length === 0 ? noProblems : problems,
    overrideColumns,
    headerChecked: false,
    get: (column) => values.get(column),
    locate,
  };
}

function describeType(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return 'a non-finite number';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * A reusable view of CSV rows: the header is analysed once, then each record is installed with
 * {@link CsvRowFields.setRecord} without allocating per row. Locations are `file:line:index`
 * with the 1-based column index of the field in the header.
 */
export class CsvRowFields implements RowFields {
  readonly initialProblems = noProblems;
  readonly overrideColumns: readonly string[];
  readonly headerChecked = true;
  line = 0;
  private values: readonly string[] = [];
  private readonly indexByColumn = new Map<string, number>();

  constructor(
    readonly file: string,
    header: readonly string[],
  ) {
    header.forEach((column, index) => {
      if (!this.indexByColumn.has(column)) this.indexByColumn.set(column, index);
    });
    this.overrideColumns = [...this.indexByColumn.keys()].filter((column) => overrideName(column) !== undefined);
  }

  /** Installs the next record; the previous one is no longer readable. */
  setRecord(line: number, values: readonly string[]): void {
    this.line = line;
    this.values = values;
  }

  get(column: string): string | undefined {
    const index = this.indexByColumn.get(column);
    return index === undefined ? undefined : this.values[index];
  }

  locate(column: string): string {
    const index = this.indexByColumn.get(column);
    return `${this.file}:${this.line}:${index === undefined ? 1 : index + 1}`;
  }
}
