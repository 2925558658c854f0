import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { insertTenant } from '../src/tenants/tenant.repository.js';
import { startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import { databaseFingerprint, resetFingerprintTables } from './support/route-harness.js';

/**
 * The fingerprint the route tests compare before and after a rejected request: it must change with
 * every committed row written, whichever connection wrote it, and with nothing else, although it
 * reads the row counts again only when the database's snapshot moved.
 */
describe.each(storeKinds)('the database fingerprint of the route tests on %s', (store) => {
  let sentra: TestApp;
  beforeAll(async () => {
    resetFingerprintTables();
    sentra = await startTestApp(store, { SENTRA_WORKER: 'off' });
  }, 120_000);
  afterAll(async () => {
    await sentra.close();
    resetFingerprintTables();
  });

  it('changes with each committed insert and delete, and not with reads or a rolled-back write', async () => {
    const db = sentra.runtime.database.db;
    const first = await databaseFingerprint(db);
    expect(await databaseFingerprint(db)).toBe(first);
    await sql`select count(*) from tenants`.execute(db);
    expect(await databaseFingerprint(db)).toBe(first);

    await db
      .transaction()
      .execute(async (trx) => {
        await insertTenant(trx, 'fingerprint-rolled-back', 'Rolled back');
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await databaseFingerprint(db)).toBe(first);

    await insertTenant(db, 'fingerprint-a', 'A');
    const second = await databaseFingerprint(db);
    expect(second).not.toBe(first);
    expect(await databaseFingerprint(db)).toBe(second);

    await db.deleteFrom('tenants').where('id', '=', 'fingerprint-a').execute();
    const third = await databaseFingerprint(db);
    expect(third).toBe(first);
  });

  it.runIf(store === 'postgres')('sees a row committed by a transaction that began before the last read and ended after it', async () => {
    const db = sentra.runtime.database.db;
    await databaseFingerprint(db);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started: () => void = () => undefined;
    const begun = new Promise<void>((resolve) => (started = resolve));
    // A transaction takes its id and writes, then waits while the fingerprint is read, then commits.
    const writer = db.transaction().execute(async (trx) => {
      await insertTenant(trx, 'fingerprint-slow', 'Slow');
      started();
      await held;
    });
    await begun;
    const during = await databaseFingerprint(db);
    release();
    await writer;
    expect(await databaseFingerprint(db)).not.toBe(during);
  });
});
