import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import type { MerchantCredentials } from './support/merchants.js';
import { merchantWithStripeFeed, sendStripeEvent } from './support/stripe-feed.js';
import { stripeChargeEvent } from './support/psp-events.js';
import { seriesValue } from './support/metrics-page.js';

const secret = 'whsec_claims_0123456789abcdefghijklmnopqr';
/** The processor's poll interval when nothing is due (FeedProcessor's default). */
const pollMs = 250;
/** Long enough that the deliveries below all arrive inside it. */
const reorderMs = 4000;

async function claims(sentra: TestApp): Promise<{ empty: number; events: number }> {
  const body = (await sentra.app.inject({ method: 'GET', url: '/metrics' })).body;
  expect(body).toContain('# TYPE sentra_feed_claims_total counter');
  return { empty: seriesValue(body, 'sentra_feed_claims_total{result="empty"}') ?? 0, events: seriesValue(body, 'sentra_feed_claims_total{result="events"}') ?? 0 };
}

/**
 * A claim that finds fewer events than its limit reads every pending event still inside the reorder
 * window. Deliveries arriving one after another must not each make the processor claim: it waits
 * until the earliest of them settles (or polls), and then takes them.
 */
describe.each(storeKinds)('feed processor claims on %s', (store) => {
  let sentra: TestApp;
  let merchant: MerchantCredentials;
  const send = (index: number) => {
    const now = Math.floor(Date.now() / 1000);
    const event = stripeChargeEvent({ eventId: `evt_claims_${index}`, chargeId: `ch_claims_${index}`, createdSeconds: now - 60 + index, amount: 1000 + index, customer: `cus_claims_${index % 3}` });
    return sendStripeEvent(sentra.app, merchant.merchantId, event, secret, now);
  };

  beforeAll(async () => {
    sentra = await startTestApp(store, { SENTRA_FEED_REORDER_MS: String(reorderMs), ...(store === 'postgres' ? { SENTRA_FEED_KEY: 'c7'.repeat(32) } : {}) });
    merchant = await merchantWithStripeFeed(sentra.app, adminToken, secret, { name: 'Claims shop', mode: 'shadow' });
  }, 120_000);
  afterAll(async () => {
    await sentra.close();
  });

  it('claims at most once a poll while deliveries arrive inside the reorder window, then takes them all once they settle', async () => {
    const before = await claims(sentra);
    const started = performance.now();
    const deliveries = 40;
    for (let index = 0; index < deliveries; index++) expect((await send(index)).json()).toEqual({ received: 1, stored: 1, duplicates: 0 });
    const elapsed = performance.now() - started;
    const during = await claims(sentra);
    const claimed = during.empty + during.events - before.empty - before.events;
    // One claim per poll interval at most, and one more at either end; never one per delivery.
    expect(elapsed).toBeLessThan(reorderMs);
    expect(claimed).toBeLessThanOrEqual(Math.ceil(elapsed / pollMs) + 2);
    expect(during.events).toBe(before.events);

    // Once the first delivery has settled, the processor takes them, without a delivery to wake it.
    let scored = 0;
    const deadline = performance.now() + 20_000;
    while (scored < deliveries && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const body = (await sentra.app.inject({ method: 'GET', url: '/metrics' })).body;
      scored = seriesValue(body, 'sentra_feed_events_processed_total{psp="stripe",kind="transaction",outcome="processed"}') ?? 0;
    }
    expect(scored).toBe(deliveries);
    expect((await claims(sentra)).events).toBeGreaterThan(before.events);
  }, 60_000);
});
