import { Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkerPGlite } from './pglite-worker-client.js';
import { SerializedPGliteDialect } from './serialized-pglite-dialect.js';

describe('WorkerPGlite', () => {
  let database: WorkerPGlite;
  beforeAll(async () => {
    database = await WorkerPGlite.open({ dataPath: undefined, templatePath: undefined });
  });
  afterAll(async () => {
    await database.close();
  });

  const echo = async (text: string) => (await database.query<{ value: string }>('select $1::text as value', [text])).rows[0]!.value;

  it('passes large text parameters intact, ASCII and multi-byte alike', async () => {
    const ascii = 'decision-batch '.repeat(10_000);
    const multiByte = 'Zahlung über 250 € — 決済 🧾 '.repeat(5_000);
    expect(await echo(ascii)).toBe(ascii);
    expect(await echo(multiByte)).toBe(multiByte);
    expect(await echo('short')).toBe('short');
  });

  it('keeps concurrent large parameters apart (only one query at a time may use shared memory)', async () => {
    const texts = Array.from({ length: 6 }, (_, index) => `${index}:`.padEnd(40_000 + index, String.fromCharCode(97 + index)));
    expect(await Promise.all(texts.map(echo))).toEqual(texts);
  });

  it('reports a failing query with its SQLSTATE', async () => {
    await expect(database.query('select $1::int', ['x'.repeat(20_000)])).rejects.toMatchObject({ code: '22P02' });
  });

  it('fails a transaction begun after the worker stopped instead of holding the connection forever', async () => {
    const doomed = await WorkerPGlite.open({ dataPath: undefined, templatePath: undefined }, 64);
    const db = new Kysely<never>({ dialect: new SerializedPGliteDialect({ pglite: doomed }) });
    await expect(sql`select generate_series(1, 20000000) as n`.execute(db)).rejects.toThrow(/database worker stopped/);
    const settled = <T>(work: Promise<T>) =>
      Promise.race([work.then(() => 'resolved', () => 'rejected'), new Promise((resolve) => setTimeout(() => resolve('still waiting after 5 s'), 5_000))]);
    expect(await settled(db.transaction().execute((trx) => sql`select 1`.execute(trx)))).toBe('rejected');
    // The connection was given back: the next caller is answered (with the error) too.
    expect(await settled(sql`select 1`.execute(db))).toBe('rejected');
  }, 60_000);
});
