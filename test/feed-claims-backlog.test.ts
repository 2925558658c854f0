import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/platform/clock.js';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import type { MerchantCredentials } from './support/merchants.js';
import { merchantWithStripeFeed, sendStripeEvent } from './support/stripe-feed.js';
import { stripeChargeEvent } from './support/psp-events.js';
import { tableRowsRead } from './support/row-counts.js';

const secret = 'whsec_backlog_0123456789abcdefghijklmnop';
const reorderMs = 60_000;
const backlog = 3_000;
const claimLimit = 256;

/**
 * When scoring falls behind the inbox, thousands of settled events wait. Each claim must read about
 * what it takes, not the whole backlog: planned as a plain statement on an inbox without statistics,
 * the claim scanned every pending row and sorted them, on every pass, while acknowledgements waited
 * for the embedded database's one connection.
 */
describe.each(storeKinds)('feed claims with a backlog on %s', (store) => {
  let sentra: TestApp;
  let merchant: MerchantCredentials;
  const clock = new ManualClock(Date.UTC(2026, 11, 7, 9, 0, 0));

  beforeAll(async () => {
    sentra = await startTestApp(store, { SENTRA_FEED_REORDER_MS: String(reorderMs), ...(store === 'postgres' ? { SENTRA_FEED_KEY: 'd8'.repeat(32) } : {}) }, { clock });
    merchant = await merchantWithStripeFeed(sentra.app, adminToken, secret, { name: 'Backlog shop', mode: 'shadow' });
  }, 120_000);
  afterAll(async () => {
    await sentra.close();
  });

  const inboxRowsRead = () => tableRowsRead(sentra.runtime.database.db, 'feed_inbox');

  it('reads about the events a pass takes, not every pending event, and none while nothing has settled', async () => {
    const now = Math.floor(clock.now() / 1000);
    const sent = await sendStripeEvent(sentra.app, merchant.merchantId, stripeChargeEvent({ eventId: 'evt_backlog_0', chargeId: 'ch_backlog_0', createdSeconds: now - 3600, amount: 1500, customer: 'cus_backlog' }), secret, now);
    expect(sent.json()).toEqual({ received: 1, stored: 1, duplicates: 0 });
    // The backlog: copies of the stored payment, each its own event and payment, a second apart.
    await sql`insert into feed_inbox (id, tenant_id, merchant_id, psp, event_id, event_type, event_time, kind, tx_id, item, psp_verdict, status, received_at)
      select 'fev_backlog_' || lpad(g::text, 5, '0'), tenant_id, merchant_id, psp, 'evt_backlog_' || g, event_type, event_time + g * interval '1 second', kind, 'ch_backlog_' || g,
             jsonb_set(item, '{transaction,txId}', to_jsonb('ch_backlog_' || g)), psp_verdict, status, received_at
        from feed_inbox, generate_series(1, ${backlog}) as g where event_id = 'evt_backlog_0'`.execute(sentra.runtime.database.db);

    // One pass, measured alone: the background loop stops first.
    await sentra.feeds.processor.stop();
    // Nothing has settled yet: the claim passes over all 3,001 events inside the index, reading none
    // of them from the table (it read each to learn its receipt time).
    const beforeEmpty = await inboxRowsRead();
    expect(await sentra.feeds.processor.pass()).toBe(0);
    expect((await inboxRowsRead()) - beforeEmpty).toBe(0);

    clock.advance(reorderMs + 1_000);
    const before = await inboxRowsRead();
    expect(await sentra.feeds.processor.pass()).toBe(claimLimit);
    const read = (await inboxRowsRead()) - before;
    // The claim's walk and its update (two reads per event) and the outcomes (one). The plans this
    // replaces read all 3,001 pending rows for the claim and again for the outcomes.
    expect(read).toBeLessThanOrEqual(3 * claimLimit + 10);
    const processed = await sentra.runtime.database.db.selectFrom('feed_inbox').select((eb) => eb.fn.countAll<string>().as('n')).where('status', '=', 'processed').executeTakeFirstOrThrow();
    expect(Number(processed.n)).toBe(claimLimit);
  }, 120_000);
});
