import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ManualClock } from '../src/platform/clock.js';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import type { MerchantCredentials } from './support/merchants.js';
import { stripeChargeEvent } from './support/psp-events.js';
import { merchantWithStripeFeed, sendStripeEvent } from './support/stripe-feed.js';
import { startWebhookReceiver, until, verifySentraSignature as verify, type WebhookReceiver } from './support/webhook-receiver.js';

const admin = { authorization: `Bearer ${adminToken}` };
const feedSecret = 'whsec_feed_for_webhooks_0123456789abc';

/**
 * Outbound webhooks: shadow sends nothing; promote → the next feed payment is a live case and a
 * signed delivery; retries and redelivery; a decision and its delivery commit together or not at all.
 */
describe.each(storeKinds)('outbound webhooks on %s', (store) => {
  let sentra: TestApp;
  let merchant: MerchantCredentials;
  let receiver: WebhookReceiver;
  let endpointSecret: string;
  const clock = new ManualClock(Date.UTC(2026, 10, 25, 9, 0, 0));
  const now = () => Math.floor(clock.now() / 1000);
  const deliveries = async () => (await sentra.app.inject({ method: 'GET', url: `/v1/admin/merchants/${merchant.merchantId}/webhooks/deliveries`, headers: admin })).json().items as { delivery_id: string; status: string; attempts: number; last_status_code: number | null; payload: { id: string; type: string; data: { tx_id: string; decision_id?: string } } }[];
  const pay = async (chargeId: string) => {
    const event = stripeChargeEvent({ eventId: `evt_${chargeId}`, chargeId, createdSeconds: now() - 30, amount: 4200 });
    const response = await sendStripeEvent(sentra.app, merchant.merchantId, event, feedSecret, now());
    expect(response.statusCode, response.body).toBe(200);
    await sentra.feeds.processor.drain();
  };

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    sentra = await startTestApp(store, { SENTRA_WEBHOOK_ALLOW_PRIVATE: 'true', SENTRA_FEED_REORDER_MS: '0', SENTRA_WORKER_POLL_MS: '50', ...(store === 'postgres' ? { SENTRA_FEED_KEY: 'c3'.repeat(32) } : {}) }, { clock });
    merchant = await merchantWithStripeFeed(sentra.app, adminToken, feedSecret, { name: 'Webhook shop', mode: 'shadow', thresholds: { challenge_at: 0, review_at: 60, deny_at: 90 } });
    const created = await sentra.app.inject({ method: 'POST', url: `/v1/admin/merchants/${merchant.merchantId}/webhooks`, headers: admin, payload: { url: receiver.url, events: ['decision.created'] } });
    expect(created.statusCode, created.body).toBe(201);
    endpointSecret = created.json().secret as string;
    expect(endpointSecret).toMatch(/^whsec_/);
  }, 120_000);
  afterAll(async () => {
    await sentra.close();
    await receiver.close();
  });

  it('lists the endpoint without its secret and refuses a bad one with the field path, storing nothing', async () => {
    const listed = await sentra.app.inject({ method: 'GET', url: `/v1/admin/merchants/${merchant.merchantId}/webhooks`, headers: admin });
    expect(listed.json().items).toEqual([expect.objectContaining({ url: receiver.url, events: ['decision.created'] })]);
    expect(listed.body).not.toContain(endpointSecret);
    const bad = await sentra.app.inject({ method: 'POST', url: `/v1/admin/merchants/${merchant.merchantId}/webhooks`, headers: admin, payload: { url: 'ftp://example.com', events: ['decision.deleted'] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((detail: { path: string }) => detail.path).sort()).toEqual(['/events/0', '/url']);
    expect((await sentra.app.inject({ method: 'GET', url: `/v1/admin/merchants/${merchant.merchantId}/webhooks`, headers: admin })).json().items).toHaveLength(1);
  });

  it('sends nothing for a shadow merchant', async () => {
    await pay('ch_shadow_1');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await deliveries()).toEqual([]);
    expect(receiver.received).toEqual([]);
  });

  it('after promotion, the next payment opens a live case and reaches the local receiver as a signed decision.created', async () => {
    expect((await sentra.app.inject({ method: 'POST', url: `/v1/merchants/${merchant.merchantId}/promote`, headers: admin })).statusCode).toBe(200);
    await pay('ch_live_1');
    await until(() => receiver.received.length === 1, 'the delivery');
    const [request] = receiver.received;
    expect(verify(String(request!.headers['sentra-signature']), request!.body, endpointSecret)).toBe(true);
    expect(verify(String(request!.headers['sentra-signature']), request!.body, 'whsec_not_the_secret')).toBe(false);
    const body = JSON.parse(request!.body);
    expect(body).toMatchObject({ type: 'decision.created', data: { tx_id: 'ch_live_1', merchant_id: merchant.merchantId, decision: 'REVIEW' } });
    expect(request!.headers['sentra-delivery']).toBe(body.id);
    const cases = await sentra.app.inject({ method: 'GET', url: `/v1/cases?merchant_id=${merchant.merchantId}`, headers: admin });
    expect(cases.json().items.map((item: { tx_id: string }) => item.tx_id)).toEqual(['ch_live_1']);
    await until(async () => (await deliveries())[0]?.status === 'delivered', 'the log to say delivered');
    expect((await deliveries())[0]).toMatchObject({ attempts: 1, last_status_code: 200 });
  });

  it('retries a refused delivery with backoff from the outbox, and redelivers on request', async () => {
    receiver.answer(500);
    await pay('ch_live_2');
    await until(async () => (await deliveries()).find((delivery) => delivery.payload.data.tx_id === 'ch_live_2')?.status === 'failed', 'a failed attempt');
    const failed = (await deliveries()).find((delivery) => delivery.payload.data.tx_id === 'ch_live_2')!;
    expect(failed).toMatchObject({ attempts: 1, last_status_code: 500 });
    receiver.answer(200);
    // The retry waits for its backoff: it is due once the clock passes it.
    clock.advance(3_600_000);
    await until(async () => (await deliveries()).find((delivery) => delivery.delivery_id === failed.delivery_id)?.status === 'delivered', 'the retry');
    expect((await deliveries()).find((delivery) => delivery.delivery_id === failed.delivery_id)).toMatchObject({ attempts: 2, last_status_code: 200 });

    const before = receiver.received.length;
    const again = await sentra.app.inject({ method: 'POST', url: `/v1/admin/merchants/${merchant.merchantId}/webhooks/deliveries/${failed.delivery_id}/redeliver`, headers: admin });
    expect(again.statusCode, again.body).toBe(202);
    await until(() => receiver.received.length === before + 1, 'the redelivery');
    const resent = receiver.received.at(-1)!;
    expect(JSON.parse(resent.body).id).toBe(failed.delivery_id);
    expect(verify(String(resent.headers['sentra-signature']), resent.body, endpointSecret)).toBe(true);
    const missing = await sentra.app.inject({ method: 'POST', url: `/v1/admin/merchants/${merchant.merchantId}/webhooks/deliveries/whd_unknown/redeliver`, headers: admin });
    expect(missing.statusCode).toBe(404);
  });

  /** The decision of a payment, if stored, and the decision ids its decision.created deliveries announce. */
  const storedWith = async (chargeId: string) => {
    const db = sentra.runtime.database.db;
    const decision = await db.selectFrom('risk_scores').select('id').where('tx_id', '=', chargeId).executeTakeFirst();
    const announced = (await deliveries()).filter((delivery) => delivery.payload.type === 'decision.created' && delivery.payload.data.tx_id === chargeId).map((delivery) => delivery.payload.data.decision_id);
    return { decision: decision?.id, announced };
  };

  it('stores neither a live decision nor its decision.created delivery when the delivery cannot be written: one transaction', async () => {
    const db = sentra.runtime.database.db;
    await sql`CREATE FUNCTION test_refuse_delivery() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'delivery write refused'; END $$`.execute(db);
    await sql`CREATE TRIGGER test_refuse_delivery BEFORE INSERT ON webhook_deliveries FOR EACH ROW EXECUTE FUNCTION test_refuse_delivery()`.execute(db);
    try {
      await pay('ch_outbox_fault');
    } finally {
      await sql`DROP TRIGGER test_refuse_delivery ON webhook_deliveries`.execute(db);
    }
    expect(await storedWith('ch_outbox_fault')).toEqual({ decision: undefined, announced: [] });
    const event = await db.selectFrom('feed_inbox').select('error').where('merchant_id', '=', merchant.merchantId).where('event_id', '=', 'evt_ch_outbox_fault').executeTakeFirstOrThrow();
    expect(event.error).toContain('delivery write refused');

    const before = receiver.received.length;
    await pay('ch_outbox_ok');
    const { decision, announced } = await storedWith('ch_outbox_ok');
    expect(announced).toEqual([decision]);
    await until(() => receiver.received.length === before + 1, 'the delivery');
    expect(JSON.parse(receiver.received.at(-1)!.body)).toMatchObject({ type: 'decision.created', data: { decision_id: decision, tx_id: 'ch_outbox_ok', psp: 'stripe' } });
  });
});
