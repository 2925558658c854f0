import { protocol } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { extendedQueryMessage } from './extended-query-message.js';

const { serialize } = protocol;

/** The same five messages as PGlite's own serialiser writes them. */
const pglites = (sql: string, params: (string | null)[]) =>
  Buffer.concat([serialize.parse({ text: sql }), serialize.bind({ values: params }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync()]);

describe('extendedQueryMessage', () => {
  const cases: Array<[string, string, (string | null)[]]> = [
    ['no parameters', 'select 1', []],
    ['a null and an empty string', 'select $1::text, $2::text', [null, '']],
    ['text beyond ASCII', `select $1::text as "caf\u00e9"`, ['caf\u00e9 \u2013 \ud83d\ude00', 'x']],
    ['a lone surrogate (written as U+FFFD, as PGlite writes it)', 'select $1::text', ['a\ud800b']],
    ['many parameters', `select ${Array.from({ length: 40 }, (_, index) => `$${index + 1}::text`).join(', ')}`, Array.from({ length: 40 }, (_, index) => (index % 3 === 0 ? null : `v${index}`))],
    ['a document larger than the kept buffer', 'select $1::jsonb', [JSON.stringify({ a: 'x'.repeat(200_000) })]],
    ['a document larger than any buffer kept', 'select $1::jsonb', [JSON.stringify({ a: '\u00e9'.repeat(600_000) })]],
  ];
  for (const [name, sql, params] of cases) {
    it(`writes the bytes PGlite's serialiser writes: ${name}`, () => {
      expect(Buffer.compare(extendedQueryMessage(sql, params), pglites(sql, params))).toBe(0);
    });
  }

  it('answers each call right when its buffer is reused, from a long statement to a short one', () => {
    const long = extendedQueryMessage('select $1::text', ['y'.repeat(30_000)]);
    expect(Buffer.compare(long, pglites('select $1::text', ['y'.repeat(30_000)]))).toBe(0);
    const short = extendedQueryMessage('select $1::int', ['7']);
    expect(Buffer.compare(short, pglites('select $1::int', ['7']))).toBe(0);
  });
});
