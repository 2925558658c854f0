import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ManualClock } from '../src/platform/clock.js';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import { createMerchant, type MerchantCredentials } from './support/merchants.js';
import { stripeChargeEvent, stripeSignature } from './support/psp-events.js';
import { startWebhookReceiver, until, type WebhookReceiver } from './support/webhook-receiver.js';

const admin = { authorization: `Bearer ${adminToken}` };
const feedSecret = 'whsec_feed_for_outbox_0123456789abcdef';

/**
 * A live merchant's `decision.created` delivery commits in the decision's own transaction: with the
 * delivery write made to fail, neither the decision nor its delivery is stored (never a decision
 * whose event is lost); once it works again, both are stored and the event is sent.
 */
describe.each(storeKinds)('decision.created in the decision transaction on %s', (store) => {
  let sentra: TestApp;
  let merchant: MerchantCredentials;
  let receiver: WebhookReceiver;
  const clock = new ManualClock(Date.UTC(2026, 11, 1, 9, 0, 0));
  const now = () => Math.floor(clock.now() / 1000);
  const pay = async (chargeId: string) => {
    const payload = JSON.stringify(stripeChargeEvent({ eventId: `evt_${chargeId}`, chargeId, createdSeconds: now() - 30, amount: 4200 }));
    const response = await sentra.app.inject({ method: 'POST', url: `/v1/feeds/stripe/${merchant.merchantId}`, headers: { 'content-type': 'application/json', 'stripe-signature': stripeSignature(payload, feedSecret, now()) }, payload });
    expect(response.statusCode, response.body).toBe(200);
    await sentra.feeds.processor.drain();
  };
  /** The merchant's feed decisions and the decision ids its decision.created deliveries announce. */
  const stored = async () => {
    const db = sentra.runtime.database.db;
    const decisions = await db.selectFrom('risk_scores as s').innerJoin('transactions as t', (join) => join.onRef('t.tenant_id', '=', 's.tenant_id').onRef('t.tx_id', '=', 's.tx_id')).select(['s.id', 's.tx_id']).where('t.merchant_id', '=', merchant.merchantId).orderBy('s.tx_id').execute();
    const deliveries = await db.selectFrom('webhook_deliveries').select('payload').where('merchant_id', '=', merchant.merchantId).where('event_type', '=', 'decision.created').execute();
    const announced = deliveries.map((row) => ((typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as { data: { decision_id: string } }).data.decision_id);
    return { decisions, announced: announced.sort() };
  };

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    sentra = await startTestApp(store, { SENTRA_FEED_REORDER_MS: '0', SENTRA_WORKER_POLL_MS: '50', ...(store === 'postgres' ? { SENTRA_FEED_KEY: 'c4'.repeat(32) } : {}) }, { clock });
    merchant = await createMerchant(sentra.app, adminToken, { name: 'Outbox shop', mode: 'live', thresholds: { challenge_at: 0, review_at: 60, deny_at: 90 } });
    expect((await sentra.app.inject({ method: 'PUT', url: `/v1/admin/merchants/${merchant.merchantId}/feeds/stripe`, headers: admin, payload: { secrets: [feedSecret] } })).statusCode).toBe(200);
    const created = await sentra.app.inject({ method: 'POST', url: `/v1/admin/merchants/${merchant.merchantId}/webhooks`, headers: admin, payload: { url: receiver.url, events: ['decision.created'] } });
    expect(created.statusCode, created.body).toBe(201);
  }, 120_000);
  afterAll(async () => {
    await sentra.close();
    await receiver.close();
  });

  it('stores neither the decision nor its delivery when the delivery cannot be written', async () => {
    const db = sentra.runtime.database.db;
    await sql`CREATE FUNCTION test_refuse_delivery() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'delivery write refused'; END $$`.execute(db);
    await sql`CREATE TRIGGER test_refuse_delivery BEFORE INSERT ON webhook_deliveries FOR EACH ROW EXECUTE FUNCTION test_refuse_delivery()`.execute(db);
    try {
      await pay('ch_outbox_fault');
    } finally {
      await sql`DROP TRIGGER test_refuse_delivery ON webhook_deliveries`.execute(db);
    }
    const { decisions, announced } = await stored();
    expect(decisions).toEqual([]);
    expect(announced).toEqual([]);
    const event = await db.selectFrom('feed_inbox').select(['status', 'error']).where('merchant_id', '=', merchant.merchantId).executeTakeFirstOrThrow();
    expect(event.error).toContain('delivery write refused');
  });

  it('stores the decision and its delivery together once the write works, and sends it', async () => {
    await pay('ch_outbox_ok');
    const { decisions, announced } = await stored();
    expect(decisions.map((decision) => decision.tx_id)).toEqual(['ch_outbox_ok']);
    expect(announced).toEqual(decisions.map((decision) => decision.id));
    await until(() => receiver.received.length === 1, 'the delivery');
    expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({ type: 'decision.created', data: { decision_id: decisions[0]!.id, tx_id: 'ch_outbox_ok', merchant_id: merchant.merchantId, psp: 'stripe' } });
  });
});
