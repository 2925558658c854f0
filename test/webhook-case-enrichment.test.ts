import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import type { MerchantCredentials } from './support/merchants.js';
import { stripeChargeEvent } from './support/psp-events.js';
import { merchantWithStripeFeed, sendStripeEvent } from './support/stripe-feed.js';
import { scoreBody } from './support/score-body.js';
import { importSampleList } from './support/enrichment.js';
import { startWebhookReceiver, until, verifySentraSignature, type WebhookReceiver } from './support/webhook-receiver.js';

const admin = { authorization: `Bearer ${adminToken}` };
const feedSecret = 'whsec_feed_case_enrichment_0123456789';
const passport = ['REPUBLIC OF EXAMPLE - PASSPORT', 'Full name: Viktor A. Kolesnikov', 'Date of birth: 12.04.1968', 'Nationality: RU', 'Date of expiry: 2020-01-04'].join('\n');

interface Shop {
  merchant: MerchantCredentials;
  receiver: WebhookReceiver;
  secret: string;
}

interface Delivery {
  delivery_id: string;
  event_type: string;
  status: string;
  payload: { id: string; type: string; created: number; data: Record<string, unknown> };
}

/** case.resolved and enrichment.ready: written with what caused them, sent signed to a live merchant's endpoint on loopback, never for a shadow one. */
describe.each(storeKinds)('case.resolved and enrichment.ready webhooks on %s', (store) => {
  let sentra: TestApp;
  let live: Shop;
  let shadow: Shop;

  const nowSeconds = () => Math.floor(Date.now() / 1000);
  const deliveries = async (shop: Shop) => (await sentra.app.inject({ method: 'GET', url: `/v1/admin/merchants/${shop.merchant.merchantId}/webhooks/deliveries`, headers: admin })).json().items as Delivery[];
  const openShop = async (name: string, mode: 'live' | 'shadow'): Promise<Shop> => {
    const merchant = await merchantWithStripeFeed(sentra.app, adminToken, feedSecret, { name, mode, thresholds: { challenge_at: 0, review_at: 60, deny_at: 90 } });
    const receiver = await startWebhookReceiver();
    const created = await sentra.app.inject({ method: 'POST', url: `/v1/admin/merchants/${merchant.merchantId}/webhooks`, headers: admin, payload: { url: receiver.url, events: ['case.resolved', 'enrichment.ready'] } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().events).toEqual(['case.resolved', 'enrichment.ready']);
    return { merchant, receiver, secret: created.json().secret as string };
  };
  /** A feed payment of the shop, scored; answers its case (every payment escalates at these thresholds). */
  const payAndOpenCase = async (shop: Shop, chargeId: string) => {
    const event = stripeChargeEvent({ eventId: `evt_${chargeId}`, chargeId, createdSeconds: nowSeconds() - 30, amount: 7300 });
    const response = await sendStripeEvent(sentra.app, shop.merchant.merchantId, event, feedSecret, nowSeconds());
    expect(response.statusCode, response.body).toBe(200);
    await sentra.feeds.processor.drain();
    const cases = await sentra.app.inject({ method: 'GET', url: `/v1/cases?merchant_id=${shop.merchant.merchantId}&shadow=${shop === shadow}&limit=200`, headers: admin });
    const found = (cases.json().items as { case_id: string; tx_id: string; version: number; latest_score_id: string; decision: string; risk_score: number }[]).find((item) => item.tx_id === chargeId);
    expect(found, cases.body).toBeDefined();
    return found!;
  };
  const resolve = (caseId: string, version: number, label = 'fraud') => sentra.app.inject({ method: 'POST', url: `/v1/cases/${caseId}/resolve`, headers: admin, payload: { version, label, reason: 'card testing pattern confirmed' } });

  beforeAll(async () => {
    sentra = await startTestApp(store, { SENTRA_WEBHOOK_ALLOW_PRIVATE: 'true', SENTRA_FEED_REORDER_MS: '0', SENTRA_WORKER_POLL_MS: '50', ...(store === 'postgres' ? { SENTRA_FEED_KEY: 'd4'.repeat(32) } : {}) });
    await importSampleList(sentra);
    live = await openShop('Live shop', 'live');
    shadow = await openShop('Shadow shop', 'shadow');
  }, 120_000);
  afterAll(async () => {
    await sentra.close();
    await live.receiver.close();
    await shadow.receiver.close();
  });

  it("sends a live merchant's resolved case, signed, to its endpoint; a stale resolution writes nothing", async () => {
    const opened = await payAndOpenCase(live, 'ch_resolve_live');
    const stale = await resolve(opened.case_id, opened.version + 1);
    expect(stale.statusCode).toBe(409);
    expect(await deliveries(live)).toEqual([]);

    const resolved = await resolve(opened.case_id, opened.version);
    expect(resolved.statusCode, resolved.body).toBe(200);
    await until(() => live.receiver.received.length === 1, 'the case.resolved delivery');
    const [request] = live.receiver.received;
    expect(verifySentraSignature(String(request!.headers['sentra-signature']), request!.body, live.secret, nowSeconds())).toBe(true);
    expect(verifySentraSignature(String(request!.headers['sentra-signature']), request!.body, shadow.secret)).toBe(false);
    const body = JSON.parse(request!.body);
    expect(body).toEqual({
      id: request!.headers['sentra-delivery'],
      type: 'case.resolved',
      created: expect.any(Number),
      data: {
        case_id: opened.case_id,
        tx_id: 'ch_resolve_live',
        merchant_id: live.merchant.merchantId,
        resolution: 'fraud',
        reason: 'card testing pattern confirmed',
        resolved_at: resolved.json().resolved_at,
        decision_id: opened.latest_score_id,
        decision: opened.decision,
        risk_score: opened.risk_score,
      },
    });
    await until(async () => (await deliveries(live))[0]?.status === 'delivered', 'the log to say delivered');
    expect((await deliveries(live)).map((delivery) => delivery.event_type)).toEqual(['case.resolved']);
  });

  it('only sends the event types an endpoint subscribed to: a decision.created endpoint gets no case.resolved', async () => {
    const other = await startWebhookReceiver();
    try {
      const created = await sentra.app.inject({ method: 'POST', url: `/v1/admin/merchants/${live.merchant.merchantId}/webhooks`, headers: admin, payload: { url: other.url, events: ['decision.created'] } });
      expect(created.statusCode).toBe(201);
      const before = live.receiver.received.length;
      const opened = await payAndOpenCase(live, 'ch_resolve_live_2');
      expect((await resolve(opened.case_id, opened.version, 'legit')).statusCode).toBe(200);
      await until(() => live.receiver.received.length === before + 1 && other.received.length === 1, 'both deliveries');
      expect(JSON.parse(live.receiver.received.at(-1)!.body)).toMatchObject({ type: 'case.resolved', data: { tx_id: 'ch_resolve_live_2', resolution: 'legit' } });
      expect(JSON.parse(other.received[0]!.body)).toMatchObject({ type: 'decision.created', data: { tx_id: 'ch_resolve_live_2' } });
    } finally {
      await other.close();
    }
  });

  it("sends nothing when a shadow merchant's case is resolved, nor for that shadow case after promotion", async () => {
    const opened = await payAndOpenCase(shadow, 'ch_resolve_shadow');
    expect((await resolve(opened.case_id, opened.version)).statusCode).toBe(200);
    const later = await payAndOpenCase(shadow, 'ch_resolve_shadow_2');
    expect((await sentra.app.inject({ method: 'POST', url: `/v1/merchants/${shadow.merchant.merchantId}/promote`, headers: admin })).statusCode).toBe(200);
    expect((await resolve(later.case_id, later.version)).statusCode).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await deliveries(shadow)).toEqual([]);
    expect(shadow.receiver.received).toEqual([]);
    expect((await sentra.app.inject({ method: 'POST', url: `/v1/merchants/${shadow.merchant.merchantId}/demote`, headers: admin })).statusCode).toBe(200);
  });

  it("sends enrichment.ready once a live merchant's payment's document is analysed, and nothing for a shadow merchant's", async () => {
    const sent = new Map<string, string>();
    const scoreFor = (shop: Shop, entityId: string) => {
      const payload = scoreBody({ entities: { merchant_id: shop.merchant.merchantId, sender_entity_id: entityId, sender_country: 'US' }, kyc_refs: [{ entity_id: entityId, text_blob: `${passport}\nRef: ${entityId}` }] });
      sent.set(entityId, payload.transaction.tx_id);
      return sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers: admin, payload });
    };
    const shadowScore = await scoreFor(shadow, 'cust-kyc-shadow');
    expect(shadowScore.json().llm_status).toBe('pending');
    const liveScore = await scoreFor(live, 'cust-kyc-live');
    expect(liveScore.statusCode, liveScore.body).toBe(200);
    const before = live.receiver.received.length;
    await until(() => live.receiver.received.length === before + 1, 'the enrichment.ready delivery');
    const request = live.receiver.received.at(-1)!;
    expect(verifySentraSignature(String(request.headers['sentra-signature']), request.body, live.secret, nowSeconds())).toBe(true);
    const body = JSON.parse(request.body);
    expect(body).toMatchObject({
      type: 'enrichment.ready',
      data: { entity_id: 'cust-kyc-live', tx_id: sent.get('cust-kyc-live'), decision_id: liveScore.json().request_id, merchant_id: live.merchant.merchantId, provider: 'builtin', llm_version: 'builtin:rules-1' },
    });
    expect(body.data.flags).toEqual(expect.arrayContaining(['sanctions_match', 'document_expired']));
    // The signals the event announces are there to read.
    const signals = await sentra.app.inject({ method: 'GET', url: '/v1/enrichment/cust-kyc-live', headers: admin });
    expect(signals.json().status).toBe('ready');
    // The shadow merchant's document was analysed too (its job is done), and nothing was sent for it.
    // (A job is marked done just after its result is stored, so the mark is waited for.)
    const shadowJob = async () => ((await sentra.app.inject({ method: 'GET', url: '/v1/admin/jobs', headers: admin })).json().jobs as { status: string; payload: { entity_id?: string } }[]).find((job) => job.payload.entity_id === 'cust-kyc-shadow');
    await until(async () => (await shadowJob())?.status === 'done', "the shadow merchant's job to be done");
    expect(shadow.receiver.received).toEqual([]);
    expect((await deliveries(shadow)).filter((delivery) => delivery.event_type === 'enrichment.ready')).toEqual([]);
  });
});
