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

/**
 * Whether a value needs {@link findNul}'s walk: it holds an unstorable string or key, or is nested
 * deeper than {@link maxDepth}. Walks without building paths, so a clean request (nearly all) costs
 * no strings.
 */
function needsWalk(value: unknown, depth: number): boolean {
  if (depth > maxDepth) return true;
  if (typeof value === 'string') return unstorable(value);
  if (typeof value !== 'object' || value === null || Buffer.isBuffer(value)) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (needsWalk(item, depth + 1)) return true;
    return false;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (unstorable(key) || needsWalk((value as Record<string, unknown>)[key], depth + 1)) return true;
  }
  return false;
}

/** Adds a problem for every string (value or key) holding a NUL character or an unpaired surrogate. */
function findNul(value: unknown, path: string, problems: ProblemDetail[], depth = 0): void {
  if (problems.length >= 20) return;
  if (depth > maxDepth) {
    // A document this deep is no request of ours, and walking it further would exhaust the stack (a 500).
    problems.push({ code: 'depth', path, message: `the document is nested more than ${maxDepth} levels deep` });
    return;
  }
  // A raw body (the feed receivers') is checked once it is parsed, after its signature (unstorableProblems).
  if (Buffer.isBuffer(value)) return;
  if (typeof value === 'string') {
    if (unstorable(value)) problems.push({ code: 'character', path: path === '' ? '/' : path, message: `${path === '' ? 'body' : path} must not contain the NUL character or an unpaired UTF-16 surrogate` });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => findNul(item, `${path}/${index}`, problems, depth + 1));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const child = `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
      if (unstorable(key)) problems.push({ code: 'character', path: child, message: `${child} (a field name) must not contain the NUL character or an unpaired UTF-16 surrogate` });
      findNul(item, child, problems, depth + 1);
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
    if (!needsWalk(request.params, 0) && !needsWalk(request.query, 0) && !needsWalk(request.body, 0)) return;
    const problems: ProblemDetail[] = [];
    findNul(request.params, '/params', problems);
    findNul(request.query, '/querystring', problems);
    findNul(request.body, '', problems);
    if (problems.length > 0) throw new ValidationError(problems);
  });
}

/** Refuses a parsed document holding strings no database can store (400 listing where), before anything is written. */
export function refuseUnstorable(value: unknown): void {
  if (!needsWalk(value, 0)) return;
  const problems: ProblemDetail[] = [];
  findNul(value, '', problems);
  if (problems.length > 0) throw new ValidationError(problems);
}
