import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maintainAuditPartitions } from '../src/audit/audit-retention.js';
import { monthStart, partitionOf } from '../src/platform/month-partitions.js';
import { ManualClock } from '../src/platform/clock.js';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import { scoreBody } from './support/score-body.js';

const auth = { authorization: `Bearer ${adminToken}` };

/**
 * The audit log is partitioned by month of its entries (migration 0071); retention drops old months,
 * each with a signed anchor per tenant, and the chain kept still verifies.
 */
describe.each(storeKinds)('monthly audit partitions and their retention (%s)', (store) => {
  let sentra: TestApp;
  beforeAll(async () => {
    sentra = await startTestApp(store);
  });
  afterAll(async () => {
    await sentra?.close();
  });

  const scoreSome = async (count: number) => {
    for (let index = 0; index < count; index++) {
      const response = await sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers: auth, payload: scoreBody() });
      expect(response.statusCode, response.body).toBe(200);
    }
  };
  const verify = async () => (await sentra.app.inject({ method: 'GET', url: '/v1/audit/verify', headers: auth })).json<{ ok: boolean; entries: number; head: { seq: number } | null; problem: { kind: string } | null }>();
  const signer = () => sentra.runtime.audit.signer;

  it('drops the months past the retention with a signed anchor, and the chain kept and its continuation verify', async () => {
    const db = sentra.runtime.database.db;
    const now = new Date(sentra.runtime.clock.now());
    // This month's partition exists (the migration and the sweep create it ahead).
    await maintainAuditPartitions(db, signer, now, 0);
    await scoreSome(4);
    const partitions = await sql<{ part: string }>`select distinct tableoid::regclass::text as part from audit_log where tenant_id = 'default'`.execute(db);
    expect(partitions.rows.map((row) => row.part)).toEqual([partitionOf('audit_log', monthStart(now))]);
    const before = await verify();
    expect(before.ok).toBe(true);

    // Five months on, with three months kept: this month and the next are dropped.
    const sweep = await maintainAuditPartitions(db, signer, monthStart(now, 5), 3);
    expect(sweep.dropped).toEqual([partitionOf('audit_log', monthStart(now)), partitionOf('audit_log', monthStart(now, 1))]);
    expect(sweep.anchors).toBe(1);
    const anchored = await verify();
    expect(anchored).toMatchObject({ ok: true, entries: 0, head: { seq: before.head!.seq } });
    expect(await db.selectFrom('audit_log').select('seq').where('tenant_id', '=', 'default').execute()).toEqual([]);

    // The chain goes on after the anchor (these entries land in the default partition: their month is gone).
    await scoreSome(3);
    const continued = await verify();
    expect(continued).toMatchObject({ ok: true, entries: 3, head: { seq: before.head!.seq + 3 } });

    // A month dropped without the key's anchor (an anchor someone else signed) is reported.
    await db
      .insertInto('audit_anchors')
      .values({ tenant_id: 'default', seq: before.head!.seq + 2, hash: 'forged', dropped_before: monthStart(now, 6), at: new Date(), key_id: signer().keyId, signature: 'bm90IGEgc2lnbmF0dXJl' })
      .execute();
    expect((await verify()).problem?.kind).toBe('checkpoint_signature');
  });
});

/** A database migrated months ago gets this month's partitions at start, before anything is written. */
describe.each(storeKinds)('partitions of the current month at start (%s)', (store) => {
  let sentra: TestApp;
  beforeAll(async () => {
    // No worker sweep, and a clock far past the months the migration created.
    sentra = await startTestApp(store, { SENTRA_WORKER: 'off' }, { clock: new ManualClock(Date.parse('2031-08-15T12:00:00Z')) });
  });
  afterAll(async () => {
    await sentra?.close();
  });

  it("writes the first decision and its audit entry to this month's partitions, not the default ones", async () => {
    const response = await sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers: auth, payload: scoreBody({ transaction: { created_at: '2031-08-15T11:00:00Z' } }) });
    expect(response.statusCode, response.body).toBe(200);
    const db = sentra.runtime.database.db;
    const id = response.json<{ request_id: string }>().request_id;
    const decision = await sql<{ part: string }>`select tableoid::regclass::text as part from risk_scores where id = ${id}`.execute(db);
    expect(decision.rows[0]?.part).toBe('risk_scores_p2031_08');
    const entry = await sql<{ part: string }>`select tableoid::regclass::text as part from audit_log where subject = ${id}`.execute(db);
    expect(entry.rows[0]?.part).toBe('audit_log_p2031_08');
  });
});
