import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/platform/clock.js';
import { adminToken, startTestApp, type TestApp } from './support/test-app.js';
import { sentryMinimalRequest, type MerchantCredentials } from './support/merchants.js';
import { stripeChargeEvent } from './support/psp-events.js';
import { merchantWithStripeFeed, sendStripeEvent } from './support/stripe-feed.js';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.js';
import { tableRowsRead } from './support/row-counts.js';

const admin = { authorization: `Bearer ${adminToken}` };
const feedSecret = 'whsec_feed_for_lookups_0123456789abc';

/**
 * A merchant's fee and a live feed payment's outbound webhook look the merchant up by its id inside
 * the decision writer's functions, whose plans are kept. Planned while the tenant had one merchant,
 * those lookups went through the index on the tenant and read every merchant of the tenant for each
 * call once it had thousands (until the next ANALYZE). Here the plans are made first, the table then
 * grows, and the rows of `merchants` the next calls read are counted.
 */
describe('merchant lookups of the decision writer', () => {
  let sentra: TestApp;
  let merchant: MerchantCredentials;
  let receiver: WebhookReceiver;
  const clock = new ManualClock(Date.UTC(2026, 10, 25, 9, 0, 0));
  const now = () => Math.floor(clock.now() / 1000);

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    sentra = await startTestApp('pglite', { SENTRA_WEBHOOK_ALLOW_PRIVATE: 'true', SENTRA_FEED_REORDER_MS: '0', SENTRA_WORKER_POLL_MS: '50' }, { clock });
    merchant = await merchantWithStripeFeed(sentra.app, adminToken, feedSecret, { name: 'Growing tenant shop', mode: 'live' }, '100');
    const endpoint = await sentra.app.inject({ method: 'POST', url: `/v1/admin/merchants/${merchant.merchantId}/webhooks`, headers: admin, payload: { url: receiver.url, events: ['decision.created'] } });
    expect(endpoint.statusCode, endpoint.body).toBe(201);
  }, 120_000);
  afterAll(async () => {
    await sentra.close();
    await receiver.close();
  });

  const confidenceCall = async (transactionId: string) => {
    const response = await sentra.app.inject({ method: 'POST', url: '/api/v1/sentry', headers: merchant.headers, payload: { ...sentryMinimalRequest(), event: { type: 'PURCHASE', transactionId, timestamp: new Date(clock.now()).toISOString() } } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().billing.fee).not.toBe('0.0000');
  };
  const feedPayment = async (chargeId: string) => {
    const event = stripeChargeEvent({ eventId: `evt_${chargeId}`, chargeId, createdSeconds: now() - 30, amount: 4200 });
    const response = await sendStripeEvent(sentra.app, merchant.merchantId, event, feedSecret, now());
    expect(response.statusCode, response.body).toBe(200);
    await sentra.feeds.processor.drain();
  };
  const merchantRowsRead = () => tableRowsRead(sentra.runtime.database.db, 'merchants');

  it('reads the merchant by its key for a fee and for a webhook, however many merchants the tenant gained since the plans were made', async () => {
    // Past the five calls after which PostgreSQL keeps a statement's generic plan.
    for (let index = 0; index < 8; index++) {
      await confidenceCall(`early-${index}`);
      await feedPayment(`ch_early_${index}`);
    }
    const deliveriesBefore = await sentra.runtime.database.db.selectFrom('webhook_deliveries').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(deliveriesBefore.n)).toBe(8);
    // The tenant gains 5,000 merchants between two ANALYZE passes.
    const { tenant_id: tenantId } = await sentra.runtime.database.db.selectFrom('merchants').select('tenant_id').where('id', '=', merchant.merchantId).executeTakeFirstOrThrow();
    await sql`insert into merchants (id, tenant_id, name, mode, currency, balance_units, overdraft_units, fees, created_at, updated_at)
      select 'mer_grown_' || g, ${tenantId}, 'Grown', 'live', 'USD', 0, 0, '{}'::jsonb, now(), now() from generate_series(1, 5000) g`.execute(sentra.runtime.database.db);

    const beforeCall = await merchantRowsRead();
    await confidenceCall('after-growth');
    const byCall = (await merchantRowsRead()) - beforeCall;
    const beforePayment = await merchantRowsRead();
    await feedPayment('ch_after_growth');
    const byPayment = (await merchantRowsRead()) - beforePayment;
    // A few reads of the one merchant, not the tenant's 5,001: plans kept from when the tenant had
    // one merchant read 5,002 rows for the call (the tenant's index) and 5,009 for the payment (a scan).
    expect(byCall).toBeLessThanOrEqual(5);
    expect(byPayment).toBeLessThanOrEqual(5);
    const deliveriesAfter = await sentra.runtime.database.db.selectFrom('webhook_deliveries').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(deliveriesAfter.n)).toBe(9);
  });
});
