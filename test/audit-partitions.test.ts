import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maintainAuditPartitions } from '../src/audit/audit-retention.js';
import { monthStart, partitionOf } from '../src/platform/month-partitions.js';
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
