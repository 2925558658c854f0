import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { ConnectionLane, SerializedPGliteDialect } from './serialized-pglite-dialect.js';

describe('the embedded connection lane', () => {
  const pglite = new PGlite();
  const lane = new ConnectionLane();
  const normal = new Kysely<never>({ dialect: new SerializedPGliteDialect({ pglite, lane }) });
  const urgent = new Kysely<never>({ dialect: new SerializedPGliteDialect({ pglite, lane, urgent: true }) });
  afterAll(() => normal.destroy());

  it('lets an urgent caller go before the normal caller waiting, never into an open transaction', async () => {
    const order: string[] = [];
    let finish!: () => void;
    const holding = new Promise<void>((resolve) => (finish = resolve));
    let began!: () => void;
    const begun = new Promise<void>((resolve) => (began = resolve));
    // A transaction of another caller holds the connection (a scoring commit, say).
    const other = new Kysely<never>({ dialect: new SerializedPGliteDialect({ pglite, lane }) });
    const transaction = other.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx);
      began();
      await holding;
      await sql`select 2`.execute(trx);
      order.push('transaction');
    });
    await begun;
    const waitingNormal = sql`select 3`.execute(normal).then(() => order.push('normal'));
    const waitingUrgent = sql`select 4`.execute(urgent).then(() => order.push('urgent'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order, 'nobody ran inside the open transaction').toEqual([]);
    finish();
    await Promise.all([transaction, waitingNormal, waitingUrgent]);
    expect(order).toEqual(['transaction', 'urgent', 'normal']);
  });
});
