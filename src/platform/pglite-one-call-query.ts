import { parse, type PGlite, type Results } from '@electric-sql/pglite';
import { extendedQueryMessage } from './extended-query-message.js';

/** True when every parameter is text or null: the only values sent as they are whatever their type. */
function textParameters(params: unknown[]): params is (string | null)[] {
  for (const param of params) if (param !== null && typeof param !== 'string') return false;
  return true;
}

/**
 * Runs one statement the way `pglite.query(sql, params, { rowMode: 'object' })` does, with the same
 * rows, parsers and errors, in one call into the database instead of six.
 *
 * PGlite's `query` sends Parse, Describe (to learn each parameter's type), Bind, Describe, Execute
 * and Sync as six separate calls into PostgreSQL, so that it can serialise each JavaScript value by
 * its parameter's type. A text parameter is sent as it is whatever its type, and a null as a null
 * (one exception: PGlite refuses text for a bytea parameter, and this sends it as bytea's text form;
 * no column of the schema is bytea), so when every parameter is one of those the types are not
 * needed: the six messages go in one call, and PostgreSQL infers the parameter types from the
 * statement exactly as it does for PGlite's own Parse. Any other value (a number, a Date, an array,
 * an object) goes through `query`, which serialises it by type.
 *
 * An error answers the statement as `query` does: PostgreSQL skips to the Sync, which is in the same
 * call, and the session is ready for the next statement.
 */
export async function queryInOneCall(pglite: PGlite, sql: string, params: unknown[]): Promise<Results<unknown>> {
  if (!textParameters(params)) return pglite.query(sql, params, { rowMode: 'object' });
  return pglite.runExclusive(async () => {
    // The message's buffer is reused by the next call: PGlite copies it in before it first yields.
    const messages = await pglite.execProtocolStream(extendedQueryMessage(sql, params), { syncToFs: true });
    return parse.parseResults(messages, pglite.parsers, { rowMode: 'object' })[0]!;
  });
}
