import { datasetProblem, type DatasetProblem } from './dataset-problem.js';
import type { DatasetProblemCode } from './problem-codes.js';
import { overrideName } from './dataset-columns.js';
import { containsRawIpAddress, isCountryCode, isCurrencyCode, parseDecimal, parseTimestamp, quoteValue } from './field-values.js';
import type { RowFields } from './row-fields.js';

/** What a row parser returns: the record when the row has no error, and every problem found. */
export interface RowResult<T> {
  /** The parsed record; undefined when at least one problem is an error. */
  record: T | undefined;
  /** Errors and warnings of the row (empty when the row is clean). */
  problems: readonly DatasetProblem[];
}

/** Whether a number must be at least zero or strictly above zero. */
type Sign = 'non-negative' | 'positive';

/**
 * Reads typed values out of one row and collects the problems, so a row parser states each
 * column's rule in one line and still reports every problem of the row, not only the first.
 */
export class RowChecker {
  private problems: DatasetProblem[] | undefined;
  private errors = 0;

  constructor(private readonly fields: RowFields) {
    if (fields.initialProblems.length > 0) {
      this.problems = [...fields.initialProblems];
      this.errors = fields.initialProblems.filter((problem) => problem.severity === 'error').length;
    }
  }

  /** Reports a problem on a column of this row. */
  report(code: DatasetProblemCode, column: string, message: string): void {
    const problem = datasetProblem(code, this.fields.locate(column), message);
    (this.problems ??= []).push(problem);
    if (problem.severity === 'error') this.errors++;
  }

  /**
   * Text of a column; '' or absent is a SENTRA_DATASET_REQUIRED error when `required` (a column
   * missing from a checked header makes the row invalid without repeating the header's problem).
   */
  text(column: string, required: boolean): string | undefined {
    const value = this.fields.get(column);
    if (value === null) return undefined;
    if (value === undefined && required && this.fields.headerChecked) {
      this.errors++;
      return undefined;
    }
    if (value === undefined || value === '') {
      if (required) this.report('SENTRA_DATASET_REQUIRED', column, `${column} is required`);
      return undefined;
    }
    return value;
  }

  /** A value of an enumeration. */
  oneOf<T extends string>(column: string, allowed: readonly T[], required = true): T | undefined {
    const value = this.text(column, required);
    if (value === undefined) return undefined;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.report('SENTRA_DATASET_ENUM', column, `${column} ${quoteValue(value)} is not one of ${allowed.join(', ')}`);
    return undefined;
  }

  /** An ISO-8601 timestamp with a zone, as epoch milliseconds. */
  timestamp(column: string, required = true): number | undefined {
    const value = this.text(column, required);
    if (value === undefined) return undefined;
    const parsed = parseTimestamp(value);
    if (parsed === undefined) {
      this.report('SENTRA_DATASET_TIMESTAMP', column, `${column} ${quoteValue(value)} is not an ISO-8601 timestamp with a time zone, e.g. 2018-04-01T08:30:00Z`);
    }
    return parsed;
  }

  /** A decimal number, at least zero or above zero. */
  number(column: string, sign: Sign, required = true): number | undefined {
    const value = this.text(column, required);
    if (value === undefined) return undefined;
    const parsed = parseDecimal(value);
    if (parsed === undefined) {
      this.report('SENTRA_DATASET_NUMBER', column, `${column} ${quoteValue(value)} is not a number`);
      return undefined;
    }
    if (sign === 'non-negative' ? parsed < 0 : parsed <= 0) {
      this.report('SENTRA_DATASET_NEGATIVE', column, `${column} ${value} must be ${sign === 'positive' ? 'greater than 0' : 'zero or more'}`);
      return undefined;
    }
    return parsed;
  }

  /** Three upper-case letters. */
  currency(column: string): string | undefined {
    const value = this.text(column, true);
    if (value === undefined || isCurrencyCode(value)) return value;
    this.report('SENTRA_DATASET_CURRENCY', column, `${column} ${quoteValue(value)} is not three upper-case letters (ISO-4217, e.g. USD)`);
    return undefined;
  }

  /** Two letters, returned upper-case. */
  country(column: string, required = true): string | undefined {
    const value = this.text(column, required);
    if (value === undefined) return undefined;
    if (isCountryCode(value)) return value.toUpperCase();
    this.report('SENTRA_DATASET_COUNTRY', column, `${column} ${quoteValue(value)} is not a two-letter country code (ISO-3166 alpha-2, e.g. US)`);
    return undefined;
  }

  /** An optional hash column, which must not contain a raw IP address. */
  hash(column: string): string | undefined {
    const value = this.text(column, false);
    if (value === undefined || !containsRawIpAddress(value)) return value;
    this.report('SENTRA_DATASET_RAW_IP', column, `${column} holds a raw IP address; contract files carry only hashes (e.g. hex SHA-256 of a keyed IP)`);
    return undefined;
  }

  /** The numeric `f_<name>` columns as overrides by name; empty cells are absent features. */
  overrides(): Record<string, number> | undefined {
    let overrides: Record<string, number> | undefined;
    for (const column of this.fields.overrideColumns) {
      const value = this.fields.get(column);
      if (value === undefined || value === null || value === '') continue;
      const parsed = parseDecimal(value);
      if (parsed === undefined) {
        this.report('SENTRA_DATASET_NUMBER', column, `feature override ${column} ${quoteValue(value)} is not a number`);
        continue;
      }
      (overrides ??= {})[overrideName(column)!] = parsed;
    }
    return overrides;
  }

  /** The result: the record built by `build` when the row has no error. */
  result<T>(build: () => T): RowResult<T> {
    return { record: this.errors === 0 ? build() : undefined, problems: this.problems ?? noProblems };
  }
}

const noProblems: readonly DatasetProblem[] = Object.freeze([]);
