import { Validator, type Schema } from '@cfworker/json-schema';
import { findSyntaxError } from './json-syntax';

/** One problem with the request being edited: where (a JSON pointer or a line and column) and what. */
export interface RequestProblem {
  path: string;
  message: string;
}

/** The outcome of checking the editor's text. */
export type RequestCheck = { ok: true; value: unknown } | { ok: false; problems: RequestProblem[] };

/** Line and column (both from 1) of a character offset in a text. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Parses JSON, turning a syntax error into a problem located by line and column. */
export function parseRequest(text: string): RequestCheck {
  const problem = findSyntaxError(text);
  if (problem === undefined) return { ok: true, value: JSON.parse(text) as unknown };
  const { line, column } = lineAndColumn(text, problem.offset);
  return { ok: false, problems: [{ path: `line ${line}, column ${column}`, message: problem.message }] };
}

const wrapperKeywords = new Set(['properties', 'patternProperties', 'items', 'allOf', '$ref']);

/**
 * Checks a parsed request against a JSON schema (the API's own request schema from /openapi.json).
 * Only the innermost failures are listed, once per field, so `anyOf` does not repeat itself.
 */
export function checkAgainstSchema(validator: Validator, value: unknown): RequestCheck {
  const result = validator.validate(value);
  if (result.valid) return { ok: true, value };
  const seen = new Set<string>();
  const problems: RequestProblem[] = [];
  for (const unit of result.errors) {
    // Wrappers only repeat their children; the branches of an anyOf are summed up by the anyOf itself.
    if (wrapperKeywords.has(unit.keyword) || unit.keywordLocation.includes('/anyOf/')) continue;
    const path = unit.instanceLocation.replace(/^#/, '') || '/';
    const key = `${path} ${unit.error}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ path, message: unit.error });
  }
  return { ok: false, problems };
}

/** A validator for a request schema taken from the OpenAPI document (3.1, so JSON Schema 2020-12). */
export function requestValidator(schema: Schema): Validator {
  return new Validator(schema, '2020-12', false);
}
