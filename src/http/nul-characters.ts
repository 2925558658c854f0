import type { FastifyInstance } from 'fastify';
import { ValidationError, type ProblemDetail } from '../errors/errors.js';

/**
 * True for a string no database can store as text: one holding NUL, or an unpaired UTF-16 surrogate
 * (JSON.stringify keeps it as a `\ud800` escape that jsonb refuses).
 */
const unstorable = (text: string) => text.includes('\u0000') || unpairedSurrogate.test(text);
/** Deepest nesting walked; no request schema comes near it. */
const maxDepth = 256;
const unpairedSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The JSON Pointer of the keys walked under `root` ('' for the body itself). */
const pointer = (root: string, keys: readonly (string | number)[]) =>
  keys.reduce<string>((path, key) => `${path}/${typeof key === 'number' ? key : key.replaceAll('~', '~0').replaceAll('/', '~1')}`, root);

/**
 * Adds a problem for every string (value or key) holding a NUL character or an unpaired surrogate.
 * `keys` is the path walked so far, kept as a stack: a path is written only for a problem, so a clean
 * request (nearly all) costs no strings.
 */
function findNul(value: unknown, root: string, keys: (string | number)[], problems: ProblemDetail[], depth = 0): void {
  if (problems.length >= 20) return;
  if (depth > maxDepth) {
    // A document this deep is no request of ours, and walking it further would exhaust the stack (a 500).
    problems.push({ code: 'depth', path: pointer(root, keys), message: `the document is nested more than ${maxDepth} levels deep` });
    return;
  }
  // A raw body (the feed receivers') is checked once it is parsed, after its signature (unstorableProblems).
  if (Buffer.isBuffer(value)) return;
  if (typeof value === 'string') {
    if (!unstorable(value)) return;
    const path = pointer(root, keys);
    problems.push({ code: 'character', path: path === '' ? '/' : path, message: `${path === '' ? 'body' : path} must not contain the NUL character or an unpaired UTF-16 surrogate` });
  } else if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      keys.push(index);
      findNul(value[index], root, keys, problems, depth + 1);
      keys.pop();
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      keys.push(key);
      if (unstorable(key)) {
        const child = pointer(root, keys);
        problems.push({ code: 'character', path: child, message: `${child} (a field name) must not contain the NUL character or an unpaired UTF-16 surrogate` });
      }
      findNul((value as Record<string, unknown>)[key], root, keys, problems, depth + 1);
      keys.pop();
    }
  }
}

/**
 * Refuses NUL characters and unpaired surrogates in path parameters, query strings and JSON bodies
 * of every route, before validation: no database stores them in text or jsonb, so without this
 * such a string reaches a query and fails as a 500 instead of the caller's 400.
 */
export function refuseNulCharacters(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const problems: ProblemDetail[] = [];
    findNul(request.params, '/params', [], problems);
    findNul(request.query, '/querystring', [], problems);
    findNul(request.body, '', [], problems);
    if (problems.length > 0) throw new ValidationError(problems);
  });
}

/** Refuses a parsed document holding strings no database can store (400 listing where), before anything is written. */
export function refuseUnstorable(value: unknown): void {
  const problems: ProblemDetail[] = [];
  findNul(value, '', [], problems);
  if (problems.length > 0) throw new ValidationError(problems);
}
