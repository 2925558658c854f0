import type { ProblemDetail } from '../errors/errors.js';

/** The subset of an Ajv error object that Fastify hands to the error handler. */
export interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

const problemCodes: Record<string, string> = {
  required: 'required',
  type: 'type',
  enum: 'enum',
  format: 'format',
  pattern: 'pattern',
  minimum: 'range',
  maximum: 'range',
  exclusiveMinimum: 'range',
  exclusiveMaximum: 'range',
  minLength: 'length',
  maxLength: 'length',
  minItems: 'length',
  maxItems: 'length',
  maxProperties: 'length',
  propertyNames: 'pattern',
  additionalProperties: 'unknown_field',
  anyOf: 'type',
  // The only negation in the schemas is "not null".
  not: 'type',
};

function describe(error: SchemaError, path: string): string {
  switch (error.keyword) {
    case 'required':
      return `${path} is required`;
    case 'not':
      return `${path} must not be null`;
    case 'additionalProperties':
      return `${path} is not a field of this request`;
    case 'enum':
      return `${path} must be one of ${(error.params.allowedValues as unknown[]).join(', ')}`;
    case 'anyOf':
      // The unions without named values are the money amounts.
      return `${path} must be a non-negative number or a decimal string such as "12.50"`;
    case 'format':
      return `${path} must be a ${String(error.params.format)}${error.params.format === 'date-time' ? ' in ISO-8601 with a time zone' : ''}`;
    default:
      return `${path} ${error.message ?? 'is invalid'}`;
  }
}

/**
 * Turns schema errors into one problem per field: `required` errors point at the missing field
 * itself, and the branch errors of a union (`anyOf`) collapse into the union's one message.
 */
export function toProblemDetails(errors: readonly SchemaError[], root = ''): ProblemDetail[] {
  const unionPaths = new Set(errors.filter((error) => error.keyword === 'anyOf').map((error) => error.instancePath));
  const seen = new Set<string>();
  const problems: ProblemDetail[] = [];
  for (const error of errors) {
    if (error.keyword !== 'anyOf' && unionPaths.has(error.instancePath)) continue;
    if (error.keyword === 'anyOf') {
      // A value that took a branch's shape (e.g. {"score": 5000} for a rule action) is wrong inside it: that error names it.
      if (errors.some((other) => other.instancePath.startsWith(`${error.instancePath}/`))) continue;
      const choices = unionChoices(errors, error.instancePath);
      if (choices !== undefined) {
        const path = root + error.instancePath;
        const key = `${path}|enum`;
        if (!seen.has(key)) problems.push({ code: 'enum', path: path === '' ? '/' : path, message: `${path === '' ? 'body' : path} must be ${choices}` });
        seen.add(key);
        continue;
      }
    }
    let path = root + error.instancePath;
    if (error.keyword === 'required') path += `/${String(error.params.missingProperty)}`;
    // An unknown field is located at itself, so a value sent in the wrong place is named.
    if (error.keyword === 'additionalProperties' && typeof error.params.additionalProperty === 'string') path += `/${error.params.additionalProperty.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    if (error.keyword === 'propertyNames' && typeof error.params.propertyName === 'string') path += `/${error.params.propertyName}`;
    if (error.keyword === 'propertyNames' && problems.some((problem) => problem.path === path)) continue;
    const code = problemCodes[error.keyword] ?? error.keyword;
    const key = `${path}|${code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ code, path: path === '' ? '/' : path, message: describe(error, path === '' ? 'body' : path) });
  }
  return problems;
}

/**
 * What a union of named values accepts (e.g. `live` or `shadow`; BLOCK, HOLD, REVIEW, ALLOW or an
 * object for a rule action), from its branches' errors at the union's path; undefined for a union
 * without named values.
 */
function unionChoices(errors: readonly SchemaError[], instancePath: string): string | undefined {
  const values: string[] = [];
  const types: string[] = [];
  for (const error of errors) {
    if (error.instancePath !== instancePath) continue;
    if (error.keyword === 'const') values.push(String(error.params.allowedValue));
    else if (error.keyword === 'enum') values.push(...(error.params.allowedValues as unknown[]).map(String));
    else if (error.keyword === 'type') types.push(`${/^[aeiou]/.test(String(error.params.type)) ? 'an' : 'a'} ${String(error.params.type)}`);
  }
  if (values.length === 0) return undefined;
  const named = `one of ${[...new Set(values)].join(', ')}`;
  return types.length === 0 ? named : `${named} or ${[...new Set(types)].join(' or ')}`;
}
