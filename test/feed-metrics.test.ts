import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/platform/clock.js';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import type { MerchantCredentials } from './support/merchants.js';
import { stripeChargeEvent, stripeDisputeEvent } from './support/psp-events.js';
import { merchantWithStripeFeed, sendStripeEvent } from './support/stripe-feed.js';

const secret = 'whsec_metrics_0123456789abcdefghijklmnopqr';
const reorderMs = 60_000;

/** Every sample of /metrics whose name starts with `sentra_feed_`, by its full series (name and labels). */
async function feedSamples(sentra: TestApp): Promise<Map<string, number>> {
  const body = (await sentra.app.inject({ method: 'GET', url: '/metrics' })).body;
  return new Map([...body.matchAll(/^(sentra_feed_\S+) (\S+)$/gm)].map(([, series, value]) => [series!, Number(value)]));
}

/**
 * What an operator watches of the PSP feeds: events acknowledged (stored or a PSP's retry), what the
 * processor did with them per kind, how long they sat in the inbox, and how many are still to do.
 * Events rest in the inbox for SENTRA_FEED_REORDER_MS on a manual clock, so every figure is exact.
 */
describe.each(storeKinds)('feed metrics on %s', (store) => {
  let sentra: TestApp;
  let merchant: MerchantCredentials;
  const clock = new ManualClock(Date.UTC(2026, 10, 24, 9, 0, 0));
  const nowSeconds = () => Math.floor(clock.now() / 1000);

  beforeAll(async () => {
    sentra = await startTestApp(store, { SENTRA_FEED_REORDER_MS: String(reorderMs), ...(store === 'postgres' ? { SENTRA_FEED_KEY: 'b2'.repeat(32) } : {}) }, { clock });
    merchant = await merchantWithStripeFeed(sentra.app, adminToken, secret, { name: 'Metrics shop' });
  }, 120_000);
  afterAll(async () => {
    await sentra.close();
  });

  const send = (event: object, signingSecret = secret) => sendStripeEvent(sentra.app, merchant.merchantId, event, signingSecret, nowSeconds());

  it('counts acknowledged and duplicate events, what processing did per kind, the time in the inbox and the events still to do', async () => {
    const base = nowSeconds() - 600;
    const charge = stripeChargeEvent({ eventId: 'evt_m_charge', chargeId: 'ch_m', createdSeconds: base, amount: 2500, customer: 'cus_m' });
    expect((await send(charge)).json()).toEqual({ received: 1, stored: 1, duplicates: 0 });
    // The PSP's retry of the same event, and another event of the same payment.
    expect((await send(charge)).json()).toEqual({ received: 1, stored: 0, duplicates: 1 });
    expect((await send(stripeChargeEvent({ eventId: 'evt_m_captured', chargeId: 'ch_m', createdSeconds: base + 5, amount: 2500, type: 'charge.captured' }))).statusCode).toBe(200);
    expect((await send(stripeDisputeEvent({ eventId: 'evt_m_dispute', chargeId: 'ch_m', createdSeconds: base + 60, amount: 2500 }))).statusCode).toBe(200);
    // A dispute of a payment the feed never delivered waits for it.
    expect((await send(stripeDisputeEvent({ eventId: 'evt_m_orphan', chargeId: 'ch_m_missing', createdSeconds: base + 90, amount: 700 }))).statusCode).toBe(200);
    // A delivery under a wrong secret is refused and counted by the HTTP metric only.
    expect((await send(stripeChargeEvent({ eventId: 'evt_m_forged', chargeId: 'ch_m_forged', createdSeconds: base, amount: 1 }), 'whsec_wrong_0123456789abcdefghijklmnopqrs')).statusCode).toBe(401);

    const received = await feedSamples(sentra);
    expect(received.get('sentra_feed_events_received_total{psp="stripe",outcome="stored"}')).toBe(4);
    expect(received.get('sentra_feed_events_received_total{psp="stripe",outcome="duplicate"}')).toBe(1);
    // Still inside the reorder window: all four wait to be processed, nothing was taken.
    expect(received.get('sentra_feed_inbox_open{status="pending"}')).toBe(4);
    expect(received.get('sentra_feed_inbox_open{status="waiting"}')).toBe(0);
    expect([...received.keys()].filter((series) => series.startsWith('sentra_feed_events_processed_total'))).toEqual([]);

    clock.advance(reorderMs + 1_000);
    await sentra.feeds.processor.drain();
    const processed = await feedSamples(sentra);
    expect(processed.get('sentra_feed_events_processed_total{psp="stripe",kind="transaction",outcome="processed"}')).toBe(1);
    expect(processed.get('sentra_feed_events_processed_total{psp="stripe",kind="transaction",outcome="duplicate"}')).toBe(1);
    expect(processed.get('sentra_feed_events_processed_total{psp="stripe",kind="label",outcome="processed"}')).toBe(1);
    expect(processed.get('sentra_feed_events_processed_total{psp="stripe",kind="label",outcome="waiting"}')).toBe(1);
    expect(processed.get('sentra_feed_inbox_open{status="pending"}')).toBe(0);
    expect(processed.get('sentra_feed_inbox_open{status="waiting"}')).toBe(1);
    // Three final statuses, each 61 s after its receipt on the manual clock; the waiting label is not final.
    expect(processed.get('sentra_feed_inbox_seconds_count{kind="transaction"}')).toBe(2);
    expect(processed.get('sentra_feed_inbox_seconds_sum{kind="transaction"}')).toBeCloseTo(2 * 61, 6);
    expect(processed.get('sentra_feed_inbox_seconds_count{kind="label"}')).toBe(1);
    expect(processed.get('sentra_feed_inbox_seconds_bucket{le="30",kind="label"}')).toBe(0);
    expect(processed.get('sentra_feed_inbox_seconds_bucket{le="60",kind="label"}')).toBe(0);
    expect(processed.get('sentra_feed_inbox_seconds_bucket{le="300",kind="label"}')).toBe(1);

    // The missing payment arrives: it is scored and wakes its label, which then takes it.
    expect((await send(stripeChargeEvent({ eventId: 'evt_m_late', chargeId: 'ch_m_missing', createdSeconds: base + 30, amount: 700 }))).statusCode).toBe(200);
    clock.advance(reorderMs + 1_000);
    await sentra.feeds.processor.drain();
    const settled = await feedSamples(sentra);
    expect(settled.get('sentra_feed_events_processed_total{psp="stripe",kind="transaction",outcome="processed"}')).toBe(2);
    expect(settled.get('sentra_feed_events_processed_total{psp="stripe",kind="label",outcome="processed"}')).toBe(2);
    expect(settled.get('sentra_feed_inbox_open{status="waiting"}')).toBe(0);
    expect(settled.get('sentra_feed_inbox_open{status="pending"}')).toBe(0);
    // The label waited two reorder windows in all.
    expect(settled.get('sentra_feed_inbox_seconds_sum{kind="label"}')).toBeCloseTo(61 + 122, 6);
  });
});
