import { SentraError, type ProblemDetail } from '../../errors/errors.js';

/** Stops collecting after this many problems: one broken array can otherwise yield thousands. */
const problemLimit = 25;

/**
 * Collects every problem found while reading a model document, each located by a JSON pointer,
 * and turns them into one `SENTRA_ERR_MODEL_FORMAT` error.
 */
export class ModelProblems {
  readonly details: ProblemDetail[] = [];

  /** Records one problem at a JSON pointer. */
  add(path: string, code: string, message: string): void {
    if (this.details.length < problemLimit) this.details.push({ code, path, message });
  }

  /** True when nothing was recorded. */
  get empty(): boolean {
    return this.details.length === 0;
  }

  /** Throws the collected problems, if any, as one error whose message names the first. */
  throwIfAny(): void {
    const first = this.details[0];
    if (first === undefined) return;
    const more = this.details.length > 1 ? ` (and ${this.details.length - 1} more problem(s))` : '';
    throw new SentraError('SENTRA_ERR_MODEL_FORMAT', `Invalid XGBoost model at ${first.path === '' ? 'the document root' : first.path}: ${first.message}${more}`, {
      details: [...this.details],
    });
  }
}

/** Joins a JSON pointer and one more key or index (escaping `~` and `/` as RFC 6901 says). */
export function pointer(base: string, key: string | number): string {
  return `${base}/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

/** Reads a required JSON object member; records a problem and returns undefined otherwise. */
export function readObject(value: unknown, path: string, problems: ModelProblems): Record<string, unknown> | undefined {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  problems.add(path, value === undefined ? 'required' : 'type', value === undefined ? 'is required' : `must be an object, got ${describe(value)}`);
  return undefined;
}

/** Reads a required JSON array; records a problem and returns undefined otherwise. */
export function readArray(value: unknown, path: string, problems: ModelProblems): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  problems.add(path, value === undefined ? 'required' : 'type', value === undefined ? 'is required' : `must be an array, got ${describe(value)}`);
  return undefined;
}

/** Reads a required string. */
export function readString(value: unknown, path: string, problems: ModelProblems): string | undefined {
  if (typeof value === 'string') return value;
  problems.add(path, value === undefined ? 'required' : 'type', value === undefined ? 'is required' : `must be a string, got ${describe(value)}`);
  return undefined;
}

/**
 * Reads a non-negative integer written either as a JSON number or as a decimal string (XGBoost
 * writes most model parameters as strings, e.g. `"num_feature": "127"`).
 */
export function readCount(value: unknown, path: string, problems: ModelProblems): number | undefined {
  const parsed = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof parsed === 'number' && Number.isSafeInteger(parsed) && parsed >= 0) return parsed;
  problems.add(path, value === undefined ? 'required' : 'type', value === undefined ? 'is required' : `must be a non-negative integer, got ${describe(value)}`);
  return undefined;
}

/** Reads an array of finite numbers of an expected length into a typed array of `kind`. */
export function readNumbers<T extends Float32Array | Int32Array>(
  value: unknown,
  path: string,
  length: number,
  kind: new (length: number) => T,
  problems: ModelProblems,
  check?: (item: number) => string | undefined,
): T | undefined {
  const items = readArray(value, path, problems);
  if (items === undefined) return undefined;
  if (items.length !== length) {
    problems.add(path, 'length', `must have ${length} entries (num_nodes), has ${items.length}`);
    return undefined;
  }
  const result = new kind(length);
  const isInteger = result instanceof Int32Array;
  for (let index = 0; index < length; index += 1) {
    const item = items[index];
    if (typeof item !== 'number' || !Number.isFinite(item) || (isInteger && !Number.isInteger(item))) {
      problems.add(pointer(path, index), 'type', `must be a finite ${isInteger ? 'integer' : 'number'}, got ${describe(item)}`);
      return undefined;
    }
    const problem = check?.(item);
    if (problem !== undefined) {
      problems.add(pointer(path, index), 'range', problem);
      return undefined;
    }
    // `+ 0` folds -0 into 0: JSON writers (JSON.stringify among them) cannot keep the sign of zero.
    result[index] = item + 0;
  }
  return result;
}

/** Reads an array of booleans or 0/1 integers (XGBoost 1.x writes booleans, 2.x and 3.x write 0/1). */
export function readFlags(value: unknown, path: string, length: number, problems: ModelProblems): Uint8Array | undefined {
  const items = readArray(value, path, problems);
  if (items === undefined) return undefined;
  if (items.length !== length) {
    problems.add(path, 'length', `must have ${length} entries (num_nodes), has ${items.length}`);
    return undefined;
  }
  const result = new Uint8Array(length);
  for (let index = 0; index < length; index += 1) {
    const item = items[index];
    if (item === true || item === 1) result[index] = 1;
    else if (item !== false && item !== 0) {
      problems.add(pointer(path, index), 'type', `must be a boolean or 0/1, got ${describe(item)}`);
      return undefined;
    }
  }
  return result;
}
