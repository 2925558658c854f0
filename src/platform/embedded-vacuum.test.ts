import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { openDatabase, type DatabaseHandle } from './database.js';
import type { Database } from './database-schema.js';
import { EmbeddedVacuum, insertOnlyDeferralMs, maintainTable, tablesNeedingMaintenance, type VacuumPass } from './embedded-vacuum.js';
import type { Logger } from './logger.js';

/** A logger that keeps nothing, for the sweeps built here. */
const quiet = { info: () => undefined, warn: () => undefined } as unknown as Logger;

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

  it('analyzes with a statistics target of 10 (a 3,000-row sample, ten histogram buckets), so a pass holds the one connection briefly', async () => {
    expect((await sql<{ default_statistics_target: string }>`show default_statistics_target`.execute(db)).rows[0]!.default_statistics_target).toBe('10');
    await sql`create table t_sampled (id int primary key, v int)`.execute(db);
    await sql`insert into t_sampled select i, i from generate_series(1, 20000) as i`.execute(db);
    await maintainTable(db, (await needOf('t_sampled'))!);
    const stats = await sql<{ bounds: number }>`select array_length(histogram_bounds, 1) as bounds from pg_stats where tablename = 't_sampled' and attname = 'v'`.execute(db);
    // PostgreSQL's default target (100) gives 101 bounds.
    expect(stats.rows[0]!.bounds).toBe(11);
    expect(await needOf('t_sampled')).toBeUndefined();
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

/** While the API keeps the one connection busy, a vacuum asked only by inserts waits; dead tuples do not. */
describe('the sweep while the API is busy', () => {
  let database: DatabaseHandle;
  let db: Kysely<Database>;
  let busy = true;
  let clock = 0;
  const passes: VacuumPass[] = [];
  let sweep: EmbeddedVacuum;
  beforeAll(async () => {
    database = await openDatabase({ databaseUrl: undefined, dataDir: '', timeoutMs: 5_000, inMemory: true });
    db = database.db;
    sweep = new EmbeddedVacuum({ db, logger: quiet, intervalMs: 0, metrics: { recordPass: (pass) => passes.push(pass), recordCheckpoint: () => undefined }, foregroundActive: () => busy, now: () => clock });
    await sql`create table t_log (id int primary key, v int)`.execute(db);
    await sql`create table t_balance (id int primary key, v int)`.execute(db);
    await sql`insert into t_balance values (1, 0)`.execute(db);
    await sweep.runOnce();
    passes.length = 0;
  });
  afterAll(() => database.close());

  it('leaves an appended table for later (but analyzes it), vacuums a churned one, and the appended one once quiet or after waiting its longest', async () => {
    // Appended: 1,500 inserts of a 1,000 threshold. Churned: 60 dead tuples of a 50 threshold.
    await sql`insert into t_log select i, 0 from generate_series(1, 1500) as i`.execute(db);
    for (let round = 0; round < 60; round++) await sql`update t_balance set v = v + 1 where id = 1`.execute(db);
    const first = await sweep.runOnce();
    expect(first.pass).toMatchObject({ table: 't_log', operation: 'analyze' });
    expect((await sweep.runOnce()).pass).toMatchObject({ table: 't_balance', operation: 'vacuum+analyze' });
    expect((await sweep.runOnce()).pass).toBeUndefined();
    expect((await tablesNeedingMaintenance(db)).find((need) => need.table === 't_log')).toMatchObject({ vacuum: true, insertedSinceVacuum: 1500 });
    // Quiet: the waiting vacuum runs.
    busy = false;
    expect((await sweep.runOnce()).pass).toMatchObject({ table: 't_log', operation: 'vacuum' });
    // Busy again with 2,500 more inserts (past 1,000 + 0.2 × the 4,000 rows the analyze finds): it waits, but not longer than its longest.
    busy = true;
    await sql`insert into t_log select i, 0 from generate_series(1501, 4000) as i`.execute(db);
    expect((await sweep.runOnce()).pass).toMatchObject({ table: 't_log', operation: 'analyze' });
    clock += insertOnlyDeferralMs - 1;
    expect((await sweep.runOnce()).pass).toBeUndefined();
    clock += 1;
    expect((await sweep.runOnce()).pass).toMatchObject({ table: 't_log', operation: 'vacuum' });
  });
});

/**
 * A table churned on every commit is due again right after its pass. It waits for the next interval,
 * as autovacuum visits a table once a naptime: otherwise the catch-up passes (a second apart) never end
 * and the one connection pauses every second.
 */
describe('the sweep visits a table once an interval', () => {
  let database: DatabaseHandle;
  let db: Kysely<Database>;
  let clock = 0;
  const passes: VacuumPass[] = [];
  let sweep: EmbeddedVacuum;
  const churn = async (table: string) => {
    for (let round = 0; round < 60; round++) await sql`update ${sql.table(table)} set v = v + 1 where id = 1`.execute(db);
  };
  beforeAll(async () => {
    database = await openDatabase({ databaseUrl: undefined, dataDir: '', timeoutMs: 5_000, inMemory: true });
    db = database.db;
    sweep = new EmbeddedVacuum({ db, logger: quiet, intervalMs: 60_000, metrics: { recordPass: (pass) => passes.push(pass), recordCheckpoint: () => undefined }, now: () => clock });
    for (const table of ['t_head', 't_other']) {
      await sql`create table ${sql.table(table)} (id int primary key, v int)`.execute(db);
      await sql`insert into ${sql.table(table)} values (1, 0)`.execute(db);
    }
    while ((await sweep.runOnce()).pass !== undefined) clock += 1_000;
    passes.length = 0;
    clock += 60_000;
  });
  afterAll(() => database.close());

  it('leaves a table maintained less than an interval ago for the next one, and says no more tables wait', async () => {
    await churn('t_head');
    await churn('t_other');
    const first = await sweep.runOnce();
    const second = await sweep.runOnce();
    expect([first.pass?.table, second.pass?.table].sort()).toEqual(['t_head', 't_other']);
    expect(first.more).toBe(true);
    expect(second.more).toBe(false);
    // Churned again a second later: due by the rule, but both had their turn this interval.
    clock += 1_000;
    await churn('t_head');
    expect((await tablesNeedingMaintenance(db)).map((need) => need.table)).toContain('t_head');
    expect(await sweep.runOnce()).toMatchObject({ pass: undefined, more: false });
    clock += 60_000 - 1_000 - 1;
    expect((await sweep.runOnce()).pass).toBeUndefined();
    clock += 1;
    expect((await sweep.runOnce()).pass).toMatchObject({ table: 't_head' });
    expect(passes.map((pass) => pass.table)).toHaveLength(3);
  });
});
