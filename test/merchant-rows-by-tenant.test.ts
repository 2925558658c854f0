import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import { createMerchant, type MerchantCredentials } from './support/merchants.js';
import { merchantWithStripeFeed, sendStripeEvent } from './support/stripe-feed.js';
import { stripeChargeEvent } from './support/psp-events.js';

/** The rows a merchant call or a feed event writes (migration 0085), and the columns of each that a copy must change to be unique. */
const perCallTables = [
  { table: 'merchant_usage', id: 'id', unique: ['id'] },
  { table: 'merchant_events', id: 'event_id', unique: ['event_id'] },
  { table: 'feed_inbox', id: 'id', unique: ['id', 'event_id'] },
] as const;

/**
 * A usage line, an event API row and a feed inbox row name their tenant and their merchant, and the
 * database holds them to a merchant of that tenant (one foreign key on the pair, migration 0085):
 * a copy of a stored row moved to another tenant is refused and nothing is written, while the same
 * copy under its own tenant is stored.
 */
describe.each(storeKinds)("per-call rows and their merchant's tenant on %s", (store) => {
  let sentra: TestApp;
  let merchant: MerchantCredentials;
  const secret = 'whsec_rows_by_tenant';

  beforeAll(async () => {
    // A scaled deployment stores feed secrets only with its key (docs/security.md).
    sentra = await startTestApp(store, store === 'postgres' ? { SENTRA_FEED_KEY: 'c7'.repeat(32) } : {});
    await sentra.runtime.features.networkReady;
    merchant = await createMerchant(sentra.app, adminToken, {}, '100');
    await sentra.addTenant('other-tenant');
    const event = await sentra.app.inject({
      method: 'POST',
      url: '/api/v1/Events',
      headers: merchant.headers,
      payload: { userId: 'user-1', eventType: 'login_attempt', sessionId: 'session-1', ipAddress: '46.114.1.1', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/141.0', channel: 'Web' },
    });
    expect(event.statusCode, event.body).toBe(200);
    const fed = await merchantWithStripeFeed(sentra.app, adminToken, secret);
    const delivery = await sendStripeEvent(sentra.app, fed.merchantId, stripeChargeEvent({ eventId: 'evt_rows_1', chargeId: 'ch_rows_1', createdSeconds: Math.floor(Date.now() / 1000), amount: 1250 }), secret, Math.floor(Date.now() / 1000));
    expect(delivery.statusCode, delivery.body).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await sentra.close();
  });

  /** Inserts a copy of the table's first row, its unique columns prefixed `copy-`, under `tenantId` (null: the row's own tenant). */
  const copyRow = (table: string, id: string, unique: readonly string[], tenantId: string | null) => {
    const changes = unique.map((column) => sql`jsonb_build_object(${column}::text, 'copy-' || (t.${sql.ref(column)}))`);
    if (tenantId !== null) changes.push(sql`jsonb_build_object('tenant_id', ${tenantId}::text)`);
    return sql`insert into ${sql.table(table)}
        select (jsonb_populate_record(null::${sql.table(table)}, to_jsonb(t) || ${sql.join(changes, sql` || `)})).*
          from ${sql.table(table)} as t order by t.${sql.ref(id)} limit 1`.execute(sentra.runtime.database.db);
  };
  const count = async (table: string) => Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(sentra.runtime.database.db)).rows[0]!.n);

  for (const { table, id, unique } of perCallTables) {
    it(`refuses a ${table} row whose merchant is another tenant's, and stores one of the merchant's own tenant`, async () => {
      const before = await count(table);
      expect(before, table).toBeGreaterThan(0);
      const refused = await copyRow(table, id, unique, 'other-tenant').then(
        () => undefined,
        (error: unknown) => error as { code?: string },
      );
      expect(refused?.code, table).toBe('23503');
      expect(await count(table), table).toBe(before);
      await copyRow(table, id, unique, null);
      expect(await count(table), table).toBe(before + 1);
    });
  }
});
