import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/platform/clock.js';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import { createMerchant, type MerchantCredentials } from './support/merchants.js';
import {
  adyenItem,
  adyenNotification,
  checkoutPaymentEvent,
  checkoutSignature,
  stripeChargeEvent,
  stripeDisputeEvent,
  stripeEarlyFraudWarningEvent,
  stripeSignature,
} from './support/psp-events.js';

const admin = { authorization: `Bearer ${adminToken}` };
const oldSecret = 'whsec_old_0123456789abcdefghijklmnopqrstuv';
const newSecret = 'whsec_new_0123456789abcdefghijklmnopqrstuv';
const adyenKey = '44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056';
const checkoutKey = 'cko_webhook_signature_key_0123456789';

interface InboxEvent {
  event_id: string;
  kind: string;
  tx_id: string | null;
  status: string;
  decision_id: string | null;
  amount: number | null;
  currency: string | null;
  psp_verdict: { score: number | null; level: string | null; flagged: boolean } | null;
  error: string | null;
}

/** PSP feed receivers: secrets, signatures on raw bytes, the idempotent inbox, mapping, scoring behind it. */
describe.each(storeKinds)('PSP feed receivers on %s', (store) => {
  let sentra: TestApp;
  let merchant: MerchantCredentials;
  const clock = new ManualClock(Date.UTC(2026, 10, 20, 12, 0, 0));
  const nowSeconds = () => Math.floor(clock.now() / 1000);

  beforeAll(async () => {
    // Scaled deployments take the feed key from the environment; embedded ones keep it in the data folder.
    sentra = await startTestApp(store, { SENTRA_FEED_REORDER_MS: '0', ...(store === 'postgres' ? { SENTRA_FEED_KEY: 'a1'.repeat(32) } : {}) }, { clock });
    merchant = await createMerchant(sentra.app, adminToken, { name: 'Feed shop' });
  }, 120_000);
  afterAll(async () => {
    await sentra.close();
  });

  const putSecrets = (psp: string, secrets: unknown, merchantId = merchant.merchantId) =>
    sentra.app.inject({ method: 'PUT', url: `/v1/admin/merchants/${merchantId}/feeds/${psp}`, headers: admin, payload: { secrets } });
  const inbox = async (query = '') => {
    const response = await sentra.app.inject({ method: 'GET', url: `/v1/admin/merchants/${merchant.merchantId}/feeds/events${query}`, headers: admin });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { items: InboxEvent[] }).items;
  };
  const sendStripe = (payload: string, signature: string | undefined, merchantId = merchant.merchantId) =>
    sentra.app.inject({ method: 'POST', url: `/v1/feeds/stripe/${merchantId}`, headers: { 'content-type': 'application/json', ...(signature === undefined ? {} : { 'stripe-signature': signature }) }, payload });

  it('stores several secrets sealed, answers their number only, and refuses bad bodies without writing', async () => {
    const stored = await putSecrets('stripe', [oldSecret]);
    expect(stored.statusCode, stored.body).toBe(200);
    expect(stored.json()).toMatchObject({ merchant_id: merchant.merchantId, psp: 'stripe', secret_count: 1, receiver_path: `/v1/feeds/stripe/${merchant.merchantId}` });
    expect(stored.body).not.toContain(oldSecret);
    if (store === 'pglite') expect(statSync(join(sentra.dataDir, 'feed-secrets.key')).mode & 0o777).toBe(0o600);
    const row = await sentra.runtime.database.db.selectFrom('feed_secrets').select('secrets_sealed').where('merchant_id', '=', merchant.merchantId).executeTakeFirstOrThrow();
    expect(row.secrets_sealed).not.toContain('whsec');

    const empty = await putSecrets('adyen', []);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details.map((detail: { path: string }) => detail.path)).toContain('/secrets');
    const unknownPsp = await putSecrets('paypal', [oldSecret]);
    expect(unknownPsp.statusCode).toBe(400);
    const unknownMerchant = await putSecrets('stripe', [oldSecret], 'mer_unknown');
    expect(unknownMerchant.statusCode).toBe(404);
    const rows = await sentra.runtime.database.db.selectFrom('feed_secrets').select(['psp']).execute();
    expect(rows.map((r) => r.psp)).toEqual(['stripe']);

    // The merchant's feeds as listed: the configured PSP, its receiver and secret count, never a secret.
    const listed = await sentra.app.inject({ method: 'GET', url: `/v1/admin/merchants/${merchant.merchantId}/feeds`, headers: admin });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json()).toEqual({ items: [{ merchant_id: merchant.merchantId, psp: 'stripe', secret_count: 1, updated_at: stored.json().updated_at, receiver_path: `/v1/feeds/stripe/${merchant.merchantId}` }] });
    expect(listed.body).not.toContain(oldSecret);
    expect((await sentra.app.inject({ method: 'GET', url: '/v1/admin/merchants/mer_unknown/feeds', headers: admin })).statusCode).toBe(404);
  });

  it("accepts a Stripe event signed by Stripe's library, once: the same event again changes nothing", async () => {
    const payload = JSON.stringify(stripeChargeEvent({ eventId: 'evt_1NG8Du2eZvKYlo2CUI79vXWy', chargeId: 'ch_3MmlLrLkdIwHu7ix0snN0B15', createdSeconds: nowSeconds() - 60, amount: 1999, customer: 'cus_NffrFeUfNV2Hib', riskScore: 12 }));
    const first = await sendStripe(payload, stripeSignature(payload, oldSecret, nowSeconds()));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ received: 1, stored: 1, duplicates: 0 });
    const again = await sendStripe(payload, stripeSignature(payload, oldSecret, nowSeconds()));
    expect(again.json()).toEqual({ received: 1, stored: 0, duplicates: 1 });
    const events = await inbox();
    expect(events.filter((event) => event.event_id === 'evt_1NG8Du2eZvKYlo2CUI79vXWy')).toHaveLength(1);
  });

  it('refuses a wrong secret, a stale timestamp, a tampered body, a missing header and an unknown merchant with 401, storing nothing', async () => {
    const before = (await inbox()).length;
    const payload = JSON.stringify(stripeChargeEvent({ eventId: 'evt_refused', chargeId: 'ch_refused', createdSeconds: nowSeconds() - 60, amount: 500 }));
    const wrong = await sendStripe(payload, stripeSignature(payload, 'whsec_somebody_else_entirely_000000', nowSeconds()));
    const stale = await sendStripe(payload, stripeSignature(payload, oldSecret, nowSeconds() - 301));
    const future = await sendStripe(payload, stripeSignature(payload, oldSecret, nowSeconds() + 301));
    const tampered = await sendStripe(payload.replace('"amount":500', '"amount":5'), stripeSignature(payload, oldSecret, nowSeconds()));
    const missing = await sendStripe(payload, undefined);
    const unknown = await sendStripe(payload, stripeSignature(payload, oldSecret, nowSeconds()), 'mer_unknown');
    for (const response of [wrong, stale, future, tampered, missing, unknown]) {
      expect(response.statusCode, response.body).toBe(401);
      expect(response.json().error.code).toBe('SENTRA_ERR_UNAUTHENTICATED');
    }
    expect((await inbox()).length).toBe(before);
  });

  it('verifies against every live secret during a rotation, and stops accepting the old one once it is removed', async () => {
    expect((await putSecrets('stripe', [newSecret, oldSecret])).statusCode).toBe(200);
    const signedOld = JSON.stringify(stripeChargeEvent({ eventId: 'evt_rotation_old', chargeId: 'ch_rotation_old', createdSeconds: nowSeconds() - 30, amount: 700 }));
    const signedNew = JSON.stringify(stripeChargeEvent({ eventId: 'evt_rotation_new', chargeId: 'ch_rotation_new', createdSeconds: nowSeconds() - 30, amount: 800 }));
    expect((await sendStripe(signedOld, stripeSignature(signedOld, oldSecret, nowSeconds()))).statusCode).toBe(200);
    expect((await sendStripe(signedNew, stripeSignature(signedNew, newSecret, nowSeconds()))).statusCode).toBe(200);
    expect((await putSecrets('stripe', [newSecret])).statusCode).toBe(200);
    const late = JSON.stringify(stripeChargeEvent({ eventId: 'evt_rotation_late', chargeId: 'ch_rotation_late', createdSeconds: nowSeconds() - 30, amount: 900 }));
    expect((await sendStripe(late, stripeSignature(late, oldSecret, nowSeconds()))).statusCode).toBe(401);
    expect((await sendStripe(late, stripeSignature(late, newSecret, nowSeconds()))).statusCode).toBe(200);
  });

  it('scores transactions behind the inbox, maps minor units by currency, keeps the PSP verdict and labels disputes at their event time, waiting for late payments', async () => {
    const base = nowSeconds() - 3_600;
    const events = [
      // The dispute arrives before its payment: it waits, then labels the payment once it is scored.
      stripeDisputeEvent({ eventId: 'evt_dispute_yen', chargeId: 'ch_yen', createdSeconds: base + 600, amount: 5000, currency: 'jpy' }),
      stripeChargeEvent({ eventId: 'evt_charge_yen', chargeId: 'ch_yen', createdSeconds: base, amount: 5000, currency: 'jpy', riskScore: 81, riskLevel: 'elevated', customer: 'cus_yen' }),
      stripeChargeEvent({ eventId: 'evt_charge_kwd', chargeId: 'ch_kwd', createdSeconds: base + 10, amount: 12_340, currency: 'kwd' }),
      stripeChargeEvent({ eventId: 'evt_charge_usd', chargeId: 'ch_usd', createdSeconds: base + 20, amount: 1999, currency: 'usd' }),
      // The same payment seen again under another event id is not scored twice.
      stripeChargeEvent({ eventId: 'evt_captured_usd', chargeId: 'ch_usd', createdSeconds: base + 30, amount: 1999, currency: 'usd', type: 'charge.captured' }),
      stripeEarlyFraudWarningEvent({ eventId: 'evt_efw_kwd', chargeId: 'ch_kwd', createdSeconds: base + 900 }),
      stripeDisputeEvent({ eventId: 'evt_dispute_usd', chargeId: 'ch_usd', createdSeconds: base + 1200, amount: 1999, reason: 'product_not_received' }),
    ];
    const first = JSON.stringify(events[0]);
    expect((await sendStripe(first, stripeSignature(first, newSecret, nowSeconds()))).statusCode).toBe(200);
    await sentra.feeds.processor.drain();
    expect((await inbox('?tx_id=ch_yen'))[0]).toMatchObject({ kind: 'label', status: 'waiting' });
    for (const event of events.slice(1)) {
      const payload = JSON.stringify(event);
      expect((await sendStripe(payload, stripeSignature(payload, newSecret, nowSeconds()))).statusCode).toBe(200);
    }
    await sentra.feeds.processor.drain();
    const byId = new Map((await inbox()).map((event) => [event.event_id, event]));
    expect(byId.get('evt_charge_yen')).toMatchObject({ kind: 'transaction', status: 'processed', amount: 5000, currency: 'JPY', psp_verdict: { score: 81, level: 'elevated', flagged: true } });
    expect(byId.get('evt_charge_kwd')).toMatchObject({ status: 'processed', amount: 12.34, currency: 'KWD' });
    expect(byId.get('evt_charge_usd')).toMatchObject({ status: 'processed', amount: 19.99, currency: 'USD', psp_verdict: { score: 32, level: 'normal', flagged: false } });
    expect(byId.get('evt_captured_usd')).toMatchObject({ status: 'duplicate', decision_id: null });
    expect(byId.get('evt_dispute_yen')).toMatchObject({ kind: 'label', status: 'processed', amount: 5000, currency: 'JPY' });
    expect(byId.get('evt_efw_kwd')).toMatchObject({ kind: 'label', status: 'processed' });
    expect(byId.get('evt_dispute_usd')).toMatchObject({ kind: 'other', status: 'processed' });

    const decision = await sentra.app.inject({ method: 'GET', url: `/v1/decisions/${byId.get('evt_charge_yen')!.decision_id}`, headers: admin });
    expect(decision.statusCode, decision.body).toBe(200);
    const labels = await sentra.runtime.database.db.selectFrom('labels').select(['tx_id', 'source', 'label', 'labeled_at']).where('tx_id', 'in', ['ch_yen', 'ch_kwd', 'ch_usd']).orderBy('tx_id').execute();
    expect(labels.map((label) => [label.tx_id, label.source, label.label, label.labeled_at.getTime()])).toEqual([
      ['ch_kwd', 'early_fraud_warning', 'fraud', (base + 900) * 1000],
      ['ch_yen', 'chargeback', 'fraud', (base + 600) * 1000],
    ]);
  });

  it('accepts an Adyen notification signed per item with the HMAC validator, answers [accepted], and refuses the whole delivery when one item does not verify', async () => {
    expect((await putSecrets('adyen', [adyenKey])).statusCode).toBe(200);
    const eventDate = new Date(clock.now() - 120_000).toISOString();
    const authorisation = adyenItem(adyenKey, { eventCode: 'AUTHORISATION', pspReference: '7914073381342284', value: 10_000, currency: 'EUR', eventDate, additionalData: { shopperReference: 'shopper-1', shopperCountry: 'NL', fraudResultType: 'AMBER', totalFraudScore: '55' } });
    const chargeback = adyenItem(adyenKey, { eventCode: 'CHARGEBACK', pspReference: '9915555555555555', originalReference: '7914073381342284', value: 10_000, currency: 'EUR', eventDate: new Date(clock.now() - 60_000).toISOString(), reason: 'Fraud', additionalData: { chargebackReasonCode: '10.4' } });
    const clp = adyenItem(adyenKey, { eventCode: 'AUTHORISATION', pspReference: '8815555555555556', value: 1_234_500, currency: 'CLP', eventDate });
    const send = (body: object) => sentra.app.inject({ method: 'POST', url: `/v1/feeds/adyen/${merchant.merchantId}`, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    const tamperedItem = { ...clp, amount: { currency: 'CLP', value: 1 } };
    const refused = await send(adyenNotification([authorisation, tamperedItem]));
    expect(refused.statusCode).toBe(401);
    expect(await inbox('?tx_id=7914073381342284')).toHaveLength(0);
    const otherKey = adyenItem('00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF', { eventCode: 'AUTHORISATION', pspReference: '1111', value: 1, currency: 'EUR', eventDate });
    expect((await send(adyenNotification([otherKey]))).statusCode).toBe(401);

    const accepted = await send(adyenNotification([authorisation, chargeback, clp]));
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.body).toBe('[accepted]');
    expect((await send(adyenNotification([authorisation]))).body).toBe('[accepted]');
    await sentra.feeds.processor.drain();
    const events = await inbox('?tx_id=7914073381342284');
    expect(events.map((event) => [event.kind, event.status]).sort()).toEqual([
      ['label', 'processed'],
      ['transaction', 'processed'],
    ]);
    expect(events.find((event) => event.kind === 'transaction')).toMatchObject({ amount: 100, currency: 'EUR', psp_verdict: { score: 55, level: 'AMBER', flagged: true } });
    // Adyen counts CLP in hundredths (its currency table), unlike ISO 4217.
    expect((await inbox('?tx_id=8815555555555556'))[0]).toMatchObject({ amount: 12_345, currency: 'CLP' });
  });

  it('accepts a Checkout.com event with its Cko-Signature and refuses a wrong one', async () => {
    expect((await putSecrets('checkout', [checkoutKey])).statusCode).toBe(200);
    const payload = JSON.stringify(checkoutPaymentEvent({ eventId: 'evt_az5sblvku4ge3dwpztvyizgcau', paymentId: 'pay_mbabizu24mvu3mela5njyhpit4', createdOn: new Date(clock.now() - 60_000).toISOString(), amount: 6540, currency: 'GBP', flagged: true }));
    const send = (signature: string) => sentra.app.inject({ method: 'POST', url: `/v1/feeds/checkout/${merchant.merchantId}`, headers: { 'content-type': 'application/json', 'cko-signature': signature }, payload });
    expect((await send(checkoutSignature(payload, 'not-the-key-at-all'))).statusCode).toBe(401);
    const accepted = await send(checkoutSignature(payload, checkoutKey));
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toEqual({ received: 1, stored: 1, duplicates: 0 });
    await sentra.feeds.processor.drain();
    expect((await inbox('?tx_id=pay_mbabizu24mvu3mela5njyhpit4'))[0]).toMatchObject({ status: 'processed', amount: 65.4, currency: 'GBP', psp_verdict: { flagged: true } });
  });

  it('takes generic JSONL batches with the merchant key, lists every bad line by path and stores nothing of a bad batch', async () => {
    const key = await sentra.app.inject({ method: 'POST', url: `/v1/admin/merchants/${merchant.merchantId}/keys`, headers: admin, payload: { name: 'feed' } });
    const headers = { 'x-api-key': key.json().api_key as string, 'x-merchant-id': merchant.merchantId, 'content-type': 'application/x-ndjson' };
    const created = new Date(clock.now() - 3_600_000).toISOString();
    const transaction = { type: 'transaction', tx_id: 'gen-1', created_at: created, amount: 42.5, currency: 'EUR', direction: 'pay_in', channel: 'card', psp: 'partner', route_id: 'r1', status: 'approved', status_reason: 'approved', fee_total: 0, sender_entity_id: 'payer-1', receiver_entity_id: 'shop', sender_country: 'DE', receiver_country: 'DE' };
    const label = { type: 'label', tx_id: 'gen-1', label: 'fraud', labeled_at: new Date(clock.now() - 600_000).toISOString(), source: 'partner', reason: 'partner report' };
    const bad = await sentra.app.inject({ method: 'POST', url: `/v1/feeds/${merchant.merchantId}/events`, headers, payload: `${JSON.stringify(transaction)}\n${JSON.stringify({ ...transaction, tx_id: 'gen-2', amount: -1, channel: 'telepathy' })}\nnot json\n` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((detail: { path: string }) => detail.path).sort()).toEqual(['/2/amount', '/2/channel', '/3']);
    expect(await inbox('?tx_id=gen-1')).toHaveLength(0);
    const unauthenticated = await sentra.app.inject({ method: 'POST', url: `/v1/feeds/${merchant.merchantId}/events`, headers: { 'content-type': 'application/x-ndjson' }, payload: JSON.stringify(transaction) });
    expect(unauthenticated.statusCode).toBe(401);
    const batch = `${JSON.stringify(transaction)}\n${JSON.stringify(label)}\n`;
    const good = await sentra.app.inject({ method: 'POST', url: `/v1/feeds/${merchant.merchantId}/events`, headers, payload: batch });
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toEqual({ received: 2, stored: 2, duplicates: 0 });
    expect((await sentra.app.inject({ method: 'POST', url: `/v1/feeds/${merchant.merchantId}/events`, headers, payload: batch })).json()).toEqual({ received: 2, stored: 0, duplicates: 2 });
    await sentra.feeds.processor.drain();
    expect((await inbox('?tx_id=gen-1')).map((event) => [event.kind, event.status]).sort()).toEqual([
      ['label', 'processed'],
      ['transaction', 'processed'],
    ]);
  });
  it('stores a burst of concurrent deliveries in group commits, each event once even when both copies share a commit, and scores each payment once', async () => {
    const burst = await createMerchant(sentra.app, adminToken, { name: 'Burst shop' });
    expect((await putSecrets('stripe', [newSecret], burst.merchantId)).statusCode).toBe(200);
    const payloads = Array.from({ length: 60 }, (_, index) => JSON.stringify(stripeChargeEvent({ eventId: `evt_burst_${index}`, chargeId: `ch_burst_${index}`, createdSeconds: nowSeconds() - 120 + index, amount: 1000 + index })));
    const answers = await Promise.all([...payloads, ...payloads].map((payload) => sendStripe(payload, stripeSignature(payload, newSecret, nowSeconds()), burst.merchantId)));
    expect(answers.map((answer) => answer.statusCode)).toEqual(answers.map(() => 200));
    const acks = answers.map((answer) => answer.json() as { stored: number; duplicates: number });
    expect(acks.reduce((sum, ack) => sum + ack.stored, 0)).toBe(60);
    expect(acks.reduce((sum, ack) => sum + ack.duplicates, 0)).toBe(60);
    await sentra.feeds.processor.drain();
    const listed = await sentra.app.inject({ method: 'GET', url: `/v1/admin/merchants/${burst.merchantId}/feeds/events?limit=1000`, headers: admin });
    const events = (listed.json() as { items: InboxEvent[] }).items;
    expect(events).toHaveLength(60);
    expect(new Set(events.map((event) => event.event_id)).size).toBe(60);
    expect(events.every((event) => event.status === 'processed' && event.decision_id !== null && event.error === null)).toBe(true);
    expect(new Set(events.map((event) => event.decision_id)).size).toBe(60);
  });
});
