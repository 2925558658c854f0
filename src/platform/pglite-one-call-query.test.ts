import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryInOneCall } from './pglite-one-call-query.js';

describe('queryInOneCall answers as pglite.query does', () => {
  let pglite: PGlite;
  beforeAll(async () => {
    pglite = await PGlite.create({ parsers: { 20: (value: string) => Number(value) } });
    await pglite.exec(`create table items (id int8 primary key, label text, doc jsonb, at timestamptz, flag boolean, tags text[])`);
  });
  afterAll(async () => {
    await pglite.close();
  });

  const both = async (sql: string, params: unknown[]) => {
    const ours = await queryInOneCall(pglite, sql, params);
    const theirs = await pglite.query(sql, params, { rowMode: 'object' });
    return { ours, theirs };
  };

  it('gives the same rows, types and counts for text and null parameters', async () => {
    const insert = `insert into items (id, label, doc, at, flag, tags) values ($1, $2, $3::jsonb, $4, $5, $6) on conflict (id) do update set label = excluded.label returning *`;
    const params = ['9007199254740', 'caf\u00e9 \u2013 \ud83d\ude00', '{"a": [1, 2.5, null], "b": "x"}', '2026-12-06T10:15:00.123Z', 't', '{one,"two three"}'];
    const { ours, theirs } = await both(insert, params);
    expect(ours.rows).toEqual(theirs.rows);
    expect(ours.fields).toEqual(theirs.fields);
    expect(ours.affectedRows).toBe(1);
    expect(ours.rows[0]).toEqual({ id: 9007199254740, label: 'caf\u00e9 \u2013 \ud83d\ude00', doc: { a: [1, 2.5, null], b: 'x' }, at: new Date('2026-12-06T10:15:00.123Z'), flag: true, tags: ['one', 'two three'] });
    const select = await both(`select id, label, doc, at, flag, tags, $1::text is null as missing from items where label = $2`, [null, params[1]]);
    expect(select.ours.rows).toEqual(select.theirs.rows);
    expect(select.ours.rows).toHaveLength(1);
    expect(select.ours.rows[0]).toMatchObject({ missing: true });
  });

  it('counts the rows an update or delete touched, and answers no rows for a statement without any', async () => {
    await queryInOneCall(pglite, `insert into items (id, label) values ($1, $2), ($3, $4)`, ['1', 'a', '2', 'b']);
    const update = await queryInOneCall(pglite, `update items set label = label || $1 where id in (1, 2)`, ['!']);
    expect(update.affectedRows).toBe(2);
    expect(update.rows).toEqual([]);
    const remove = await queryInOneCall(pglite, `delete from items where id = $1`, ['2']);
    expect(remove.affectedRows).toBe(1);
    expect((await queryInOneCall(pglite, `select label from items where id = 1`, [])).rows).toEqual([{ label: 'a!' }]);
  });

  it('fails a statement with PostgreSQL error fields, and the session takes the next one', async () => {
    const failing = queryInOneCall(pglite, `insert into items (id, label) values ($1, $2)`, ['1', 'duplicate']);
    await expect(failing).rejects.toMatchObject({ code: '23505', constraint: 'items_pkey' });
    await expect(queryInOneCall(pglite, `select $1::int as n`, ['abc'])).rejects.toMatchObject({ code: '22P02' });
    expect((await queryInOneCall(pglite, `select label from items where id = 1`, [])).rows).toEqual([{ label: 'a!' }]);
  });

  it('keeps a transaction across statements and rolls it back', async () => {
    await queryInOneCall(pglite, 'begin', []);
    await queryInOneCall(pglite, `insert into items (id, label) values ($1, $2)`, ['3', 'inside']);
    expect((await queryInOneCall(pglite, `select label from items where id = 3`, [])).rows).toEqual([{ label: 'inside' }]);
    await queryInOneCall(pglite, 'rollback', []);
    expect((await queryInOneCall(pglite, `select count(*) as n from items where id = 3`, [])).rows).toEqual([{ n: 0 }]);
  });

  it('serialises any other value by its parameter type, as pglite.query does', async () => {
    const at = new Date('2026-01-02T03:04:05.678Z');
    const { ours, theirs } = await both(`select $1::timestamptz as at, $2::int8 + 1 as next, $3::jsonb as doc, $4::boolean as flag, $5::text[] as tags`, [at, 41, { a: 1 }, false, ['x', 'y z']]);
    expect(ours.rows).toEqual(theirs.rows);
    expect(ours.rows[0]).toEqual({ at, next: 42, doc: { a: 1 }, flag: false, tags: ['x', 'y z'] });
  });

  it('runs concurrent statements one at a time, each with its own answer', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, index) => queryInOneCall(pglite, `select $1::int * 2 as n`, [String(index)])));
    expect(answers.map((answer) => answer.rows[0])).toEqual(Array.from({ length: 20 }, (_, index) => ({ n: index * 2 })));
  });
});

describe('queryInOneCall on two databases at once', () => {
  it('answers each its own statement while both run side by side (the message buffer is shared)', async () => {
    const [first, second] = await Promise.all([PGlite.create(), PGlite.create()]);
    try {
      const runs = Array.from({ length: 40 }, (_, index) => {
        const pglite = index % 2 === 0 ? first : second;
        const text = `${index % 2 === 0 ? 'first' : 'second'}-${index}-${'z'.repeat(index * 500)}`;
        return queryInOneCall(pglite, 'select $1::text as echoed, length($1::text) as size', [text]).then((result) => ({ result, text }));
      });
      for (const { result, text } of await Promise.all(runs)) expect(result.rows).toEqual([{ echoed: text, size: text.length }]);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});
