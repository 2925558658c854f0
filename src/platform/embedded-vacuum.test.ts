import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { openDatabase, type DatabaseHandle } from './database.js';
import type { Database } from './database-schema.js';
import { maintainTable, tablesNeedingMaintenance } from './embedded-vacuum.js';

/**
 * The sweep's choice follows autovacuum's rule on PostgreSQL's own counters: dead tuples past
 * 50 + 0.2 × rows → vacuum, inserts past 1000 + 0.2 × rows → vacuum, changes since analyze past
 * 50 + 0.1 × rows → analyze; the most urgent table first.
 */
describe('tablesNeedingMaintenance', () => {
  let database: DatabaseHandle;
  let db: Kysely<Database>;
  beforeAll(async () => {
    database = await openDatabase({ databaseUrl: undefined, dataDir: '', timeoutMs: 5_000, inMemory: true });
    db = database.db;
    await sql`create table t_small (id int primary key, v int)`.execute(db);
    await sql`create table t_appended (id int primary key, v int)`.execute(db);
    await sql`create table t_churned (id int primary key, v int)`.execute(db);
  });
  afterAll(() => database.close());

  const needOf = async (table: string) => (await tablesNeedingMaintenance(db)).find((need) => need.table === table);

  it('asks nothing of a table below every threshold, an analyze past 50 changed rows, a vacuum past 1,000 inserted rows', async () => {
    await sql`insert into t_small select i, 0 from generate_series(1, 40) as i`.execute(db);
    expect(await needOf('t_small')).toBeUndefined();

    await sql`insert into t_small select i, 0 from generate_series(41, 60) as i`.execute(db);
    expect(await needOf('t_small')).toMatchObject({ vacuum: false, analyze: true, modifiedSinceAnalyze: 60, deadTuples: 0 });
    expect((await maintainTable(db, (await needOf('t_small'))!)).operation).toBe('analyze');
    expect(await needOf('t_small')).toBeUndefined();

    await sql`insert into t_appended select i, 0 from generate_series(1, 1001) as i`.execute(db);
    expect(await needOf('t_appended')).toMatchObject({ vacuum: true, analyze: true, insertedSinceVacuum: 1001, deadTuples: 0 });
    const pass = await maintainTable(db, (await needOf('t_appended'))!);
    expect(pass).toMatchObject({ table: 't_appended', operation: 'vacuum+analyze' });
    expect(pass.pauseSeconds).toBeLessThanOrEqual(pass.seconds);
    expect(await needOf('t_appended')).toBeUndefined();
  });

  it('vacuums once dead tuples pass 50 + 0.2 × the rows it knows, and puts the most urgent table first', async () => {
    await sql`insert into t_churned select i, 0 from generate_series(1, 500) as i`.execute(db);
    await maintainTable(db, (await needOf('t_churned'))!);
    expect(await needOf('t_churned')).toBeUndefined();

    // 500 rows known: the vacuum threshold is 150 dead tuples, the analyze threshold 100 changes.
    await sql`update t_churned set v = 1 where id <= 90`.execute(db);
    expect(await needOf('t_churned')).toBeUndefined();
    await sql`update t_churned set v = 1 where id between 91 and 120`.execute(db);
    expect(await needOf('t_churned')).toMatchObject({ vacuum: false, analyze: true, deadTuples: 120, rows: 500 });
    await sql`update t_churned set v = 2 where id <= 40`.execute(db);
    expect(await needOf('t_churned')).toMatchObject({ vacuum: true, analyze: true, deadTuples: 160 });

    await sql`update t_small set v = v + 1`.execute(db);
    const needs = await tablesNeedingMaintenance(db);
    // t_small: 60 changed of a 56-change threshold; t_churned: 160 dead of 150 and 160 changed of 100.
    expect(needs.map((need) => need.table)).toEqual(['t_churned', 't_small']);

    await maintainTable(db, needs[0]!);
    expect(await needOf('t_churned')).toBeUndefined();
    await sql`select pg_stat_force_next_flush()`.execute(db);
    const dead = await sql<{ dead: number }>`select n_dead_tup as dead from pg_stat_user_tables where relname = 't_churned'`.execute(db);
    expect(Number(dead.rows[0]!.dead)).toBe(0);
  });
});
