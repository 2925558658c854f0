import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import type { MerchantCredentials } from './support/merchants.js';
import { stripeChargeEvent } from './support/psp-events.js';
import { merchantWithStripeFeed, sendStripeEvent } from './support/stripe-feed.js';

const admin = { authorization: `Bearer ${adminToken}` };
const feedSecret = 'whsec_country_feed_0123456789abcdef';

/** A merchant's country: set through the admin PATCH (validated, audited), the receiver country of its feed payments unless the payload names one. */
describe.each(storeKinds)("the merchant's country on %s", (store) => {
  let sentra: TestApp;
  let merchant: MerchantCredentials;
  const patch = (payload: object) => sentra.app.inject({ method: 'PATCH', url: `/v1/admin/merchants/${merchant.merchantId}`, headers: admin, payload });
  const auditActions = async () => (await sentra.runtime.database.db.selectFrom('audit_log').select(['action', 'payload']).where('subject', '=', merchant.merchantId).orderBy('seq').execute()).map((row) => ({ action: row.action, payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload }));
  /** The receiver country stored for a feed payment, read from its case (every payment escalates at these thresholds). */
  const receiverCountryOf = async (txId: string) => {
    const cases = await sentra.app.inject({ method: 'GET', url: `/v1/cases?merchant_id=${merchant.merchantId}&limit=200`, headers: admin });
    const found = (cases.json().items as { case_id: string; tx_id: string }[]).find((item) => item.tx_id === txId);
    expect(found, cases.body).toBeDefined();
    const detail = await sentra.app.inject({ method: 'GET', url: `/v1/cases/${found!.case_id}`, headers: admin });
    return detail.json().transaction.receiver_country as string;
  };
  const payByStripe = async (chargeId: string) => {
    const now = Math.floor(Date.now() / 1000);
    const event = stripeChargeEvent({ eventId: `evt_${chargeId}`, chargeId, createdSeconds: now - 30, amount: 1999, country: 'US' });
    const response = await sendStripeEvent(sentra.app, merchant.merchantId, event, feedSecret, now);
    expect(response.statusCode, response.body).toBe(200);
    await sentra.feeds.processor.drain();
  };

  beforeAll(async () => {
    sentra = await startTestApp(store, { SENTRA_FEED_REORDER_MS: '0', ...(store === 'postgres' ? { SENTRA_FEED_KEY: 'e5'.repeat(32) } : {}) });
    merchant = await merchantWithStripeFeed(sentra.app, adminToken, feedSecret, { name: 'Berlin shop', thresholds: { challenge_at: 0, review_at: 60, deny_at: 90 } });
  });
  afterAll(async () => {
    await sentra.close();
  });

  it('has no country until one is set; refuses what is not an assigned ISO 3166-1 alpha-2 code with the field path, writing nothing', async () => {
    const read = await sentra.app.inject({ method: 'GET', url: `/v1/admin/merchants/${merchant.merchantId}`, headers: admin });
    expect(read.json().country).toBeNull();
    const before = await auditActions();
    for (const country of ['de', 'DEU', 'XX', 'ZZ', 'EU', 7]) {
      const refused = await patch({ country });
      expect(refused.statusCode, `${country}: ${refused.body}`).toBe(400);
      expect(refused.json().error.details.map((detail: { path: string }) => detail.path)).toContain('/country');
    }
    expect((await sentra.app.inject({ method: 'GET', url: `/v1/admin/merchants/${merchant.merchantId}`, headers: admin })).json().country).toBeNull();
    expect(await auditActions()).toEqual(before);
    const created = await sentra.app.inject({ method: 'POST', url: '/v1/admin/merchants', headers: admin, payload: { name: 'Nowhere shop', country: 'QQ' } });
    expect(created.statusCode).toBe(400);
    expect(created.json().error.details[0]).toMatchObject({ code: 'enum', path: '/country' });
  });

  it("puts the merchant's country as the receiver country of its PSP payments (ZZ before it is set), set and cleared through PATCH, audited", async () => {
    await payByStripe('ch_country_before');
    expect(await receiverCountryOf('ch_country_before')).toBe('ZZ');

    const set = await patch({ country: 'DE' });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ merchant_id: merchant.merchantId, country: 'DE' });
    expect((await auditActions()).at(-1)).toEqual({ action: 'merchant.updated', payload: { country: 'DE' } });
    await payByStripe('ch_country_after');
    expect(await receiverCountryOf('ch_country_after')).toBe('DE');
    // The payer's own country still comes from the payload.
    const cases = (await sentra.app.inject({ method: 'GET', url: `/v1/cases?merchant_id=${merchant.merchantId}`, headers: admin })).json().items as { case_id: string; tx_id: string }[];
    const detail = await sentra.app.inject({ method: 'GET', url: `/v1/cases/${cases.find((item) => item.tx_id === 'ch_country_after')!.case_id}`, headers: admin });
    expect(detail.json().transaction.sender_country).toBe('US');

    const cleared = await patch({ country: null });
    expect(cleared.json().country).toBeNull();
    expect((await auditActions()).at(-1)).toEqual({ action: 'merchant.updated', payload: { country: null } });
  });

  it('keeps the receiver country a payload names (the generic feed) over the merchant country', async () => {
    expect((await patch({ country: 'DE' })).statusCode).toBe(200);
    const headers = { ...merchant.headers, 'content-type': 'application/x-ndjson' };
    const line = { type: 'transaction', tx_id: 'gen-country-1', created_at: new Date(Date.now() - 60_000).toISOString(), amount: 42.5, currency: 'EUR', direction: 'pay_in', channel: 'card', psp: 'partner', route_id: 'r1', status: 'approved', status_reason: 'approved', fee_total: 0, sender_entity_id: 'payer-1', receiver_entity_id: 'shop', sender_country: 'AT', receiver_country: 'FR' };
    const response = await sentra.app.inject({ method: 'POST', url: `/v1/feeds/${merchant.merchantId}/events`, headers, payload: `${JSON.stringify(line)}\n` });
    expect(response.statusCode, response.body).toBe(200);
    await sentra.feeds.processor.drain();
    expect(await receiverCountryOf('gen-country-1')).toBe('FR');
  });
});
