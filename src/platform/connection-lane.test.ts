import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { ConnectionLane, SerializedPGliteDialect } from './serialized-pglite-dialect.js';
import { WorkerPGlite } from './pglite-worker-client.js';

/**
 * Another caller's transaction (a scoring commit, say) that holds the connection; resolves once it
 * holds it. `finish()` lets it run one more statement and end; `done` settles when it has.
 */
async function holdConnection(pglite: PGlite, lane: ConnectionLane): Promise<{ finish: () => void; done: Promise<void> }> {
  let finish!: () => void;
  const holding = new Promise<void>((resolve) => (finish = resolve));
  let began!: () => void;
  const begun = new Promise<void>((resolve) => (began = resolve));
  const other = new Kysely<never>({ dialect: new SerializedPGliteDialect({ pglite, lane }) });
  const done = other.transaction().execute(async (trx) => {
    await sql`select 1`.execute(trx);
    began();
    await holding;
    await sql`select 2`.execute(trx);
  });
  await begun;
  return { finish, done };
}

describe('the embedded connection lane', () => {
  const pglite = new PGlite();
  const lane = new ConnectionLane();
  const normal = new Kysely<never>({ dialect: new SerializedPGliteDialect({ pglite, lane }) });
  const urgent = new Kysely<never>({ dialect: new SerializedPGliteDialect({ pglite, lane, priority: 'urgent' }) });
  afterAll(() => normal.destroy());

  it('lets an urgent caller go before the normal caller waiting, never into an open transaction', async () => {
    const order: string[] = [];
    const other = await holdConnection(pglite, lane);
    const transaction = other.done.then(() => order.push('transaction'));
    const waitingNormal = sql`select 3`.execute(normal).then(() => order.push('normal'));
    const waitingUrgent = sql`select 4`.execute(urgent).then(() => order.push('urgent'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order, 'nobody ran inside the open transaction').toEqual([]);
    other.finish();
    await Promise.all([transaction, waitingNormal, waitingUrgent]);
    expect(order).toEqual(['transaction', 'urgent', 'normal']);
  });
});

describe('background callers of the embedded connection', () => {
  it('go after normal callers waiting, and keep to their share while the foreground is active', async () => {
    const pglite = new PGlite();
    const lane = new ConnectionLane({ backgroundShare: 0.1 });
    const normal = new Kysely<never>({ dialect: new SerializedPGliteDialect({ pglite, lane }) });
    const background = new Kysely<never>({ dialect: new SerializedPGliteDialect({ pglite, lane, priority: 'background' }) });
    try {
      const order: string[] = [];
      const other = await holdConnection(pglite, lane);
      const waitingBackground = sql`select 2`.execute(background).then(() => order.push('background'));
      await new Promise((resolve) => setTimeout(resolve, 5));
      const waitingNormal = sql`select 3`.execute(normal).then(() => order.push('normal'));
      other.finish();
      await Promise.all([other.done, waitingBackground, waitingNormal]);
      expect(order, 'the normal caller went first although it came later').toEqual(['normal', 'background']);

      // The foreground is active: it held the connection 40 ms just now (more than 2% of a second).
      await normal.transaction().execute(async (trx) => {
        await sql`select 4`.execute(trx);
        await new Promise((resolve) => setTimeout(resolve, 40));
      });
      // A background transaction that holds the connection 30 ms while the foreground is active
      // owes 20 ms past its 10 ms burst: at a 10% share its next statement waits about 200 ms.
      await background.transaction().execute(async (trx) => {
        await sql`select 4`.execute(trx);
        await new Promise((resolve) => setTimeout(resolve, 30));
      });
      await sql`select 5`.execute(normal);
      const started = performance.now();
      await sql`select 6`.execute(background);
      expect(performance.now() - started).toBeGreaterThan(150);
    } finally {
      await normal.destroy();
    }
  });

  it('are not starved by a steady stream of foreground callers', async () => {
    const pglite = new PGlite();
    const lane = new ConnectionLane();
    const normal = new Kysely<never>({ dialect: new SerializedPGliteDialect({ pglite, lane }) });
    const background = new Kysely<never>({ dialect: new SerializedPGliteDialect({ pglite, lane, priority: 'background' }) });
    try {
      // Foreground transactions back to back, each holding the connection 20 ms, always one waiting:
      // at most `streamLength` of them (6 s and more), so a starved caller would wait for them all.
      // The turn is counted in foreground transactions rather than in ms, so a slow machine (longer
      // transactions) cannot make the test fail: about 250 ms is a dozen of them.
      const streamLength = 300;
      // The database is up first: its start-up (seconds on a busy machine) is no part of the wait.
      await sql`select 0`.execute(normal);
      let finished = 0;
      let stop = false;
      const stream = (async () => {
        while (!stop && finished < streamLength) {
          await normal.transaction().execute(async (trx) => {
            await sql`select 1`.execute(trx);
            await new Promise((resolve) => setTimeout(resolve, 20));
          });
          finished += 1;
        }
      })();
      // Statements back to back from two other foreground instances (Kysely queues an instance's own
      // callers before the lane), so when one foreground caller releases, another is always waiting.
      const others = [1, 2].map(() => new Kysely<never>({ dialect: new SerializedPGliteDialect({ pglite, lane }) }));
      const second = Promise.all(
        others.map(async (other) => {
          while (!stop && finished < streamLength) await sql`select 2`.execute(other);
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      const started = performance.now();
      const finishedBefore = finished;
      await sql`select 3`.execute(background);
      const waited = performance.now() - started;
      const finishedWhileWaiting = finished - finishedBefore;
      stop = true;
      await Promise.all([stream, second]);
      expect(finishedWhileWaiting, 'the background caller got its turn after about a dozen foreground transactions, not after the stream').toBeLessThan(60);
      expect(waited).toBeGreaterThan(200);
    } finally {
      await normal.destroy();
    }
  });

  it('commit without waiting for a flush on the worker-thread database, and leave the other callers flushing', async () => {
    const pglite = await WorkerPGlite.open({ dataPath: undefined, templatePath: undefined });
    const lane = new ConnectionLane();
    const normal = new Kysely<never>({ dialect: new SerializedPGliteDialect({ pglite, lane }) });
    const background = new Kysely<never>({ dialect: new SerializedPGliteDialect({ pglite, lane, priority: 'background' }) });
    const setting = async (db: Kysely<never>) => (await sql<{ synchronous_commit: string }>`show synchronous_commit`.execute(db)).rows[0]!.synchronous_commit;
    try {
      expect(await setting(background)).toBe('off');
      expect(await setting(normal)).toBe('on');
      expect(await setting(background)).toBe('off');
      await background.transaction().execute(async (trx) => expect(await setting(trx as never)).toBe('off'));
      expect(await setting(normal)).toBe('on');
      // A normal caller whose commit a flushed one always follows (a merchant's fee) may skip its own flush.
      const flushedLater = new Kysely<never>({ dialect: new SerializedPGliteDialect({ pglite, lane, synchronousCommit: false }) });
      expect(await setting(flushedLater)).toBe('off');
      expect(await setting(normal)).toBe('on');
    } finally {
      await normal.destroy();
    }
  });
});
