import type { FastifyInstance } from 'fastify';
import { ValidationError, type ProblemDetail } from '../errors/errors.js';

/** Adds a problem for every string (value or key) holding a NUL character. */
function findNul(value: unknown, path: string, problems: ProblemDetail[]): void {
  if (problems.length >= 20) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) problems.push({ code: 'character', path: path === '' ? '/' : path, message: `${path === '' ? 'body' : path} must not contain the NUL character` });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => findNul(item, `${path}/${index}`, problems));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const child = `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
      if (key.includes('\u0000')) problems.push({ code: 'character', path: child, message: `${child} (a field name) must not contain the NUL character` });
      findNul(item, child, problems);
    }
  }
}

/**
 * Refuses NUL characters in path parameters, query strings and JSON bodies of every route, before
 * validation: no database stores NUL in text, so without this a NUL reaches a query and fails as
 * a 500 instead of the caller's 400.
 */
export function refuseNulCharacters(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const problems: ProblemDetail[] = [];
    findNul(request.params, '/params', problems);
    findNul(request.query, '/querystring', problems);
    findNul(request.body, '', problems);
    if (problems.length > 0) throw new ValidationError(problems);
  });
}
