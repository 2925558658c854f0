import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/platform/clock.js';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import type { MerchantCredentials } from './support/merchants.js';
import { stripeChargeEvent } from './support/psp-events.js';
import { merchantWithStripeFeed, sendStripeEvent } from './support/stripe-feed.js';
import { until } from './support/webhook-receiver.js';

const admin = { authorization: `Bearer ${adminToken}` };
const feedSecret = 'whsec_feed_for_webhook_targets_0123456';

/**
 * Outbound webhook targets under the default policy: a tenant's admin cannot make the server post to
 * its own loopback services, the cloud metadata address or the internal network, nor over plain
 * http. Literal addresses are refused at registration (400, the field path, nothing stored or
 * audited); a name that resolves to such an address is refused when the delivery is sent, before
 * any connection, and the delivery log says why.
 */
describe.each(storeKinds)('webhook targets on %s', (store) => {
  let sentra: TestApp;
  let merchant: MerchantCredentials;
  let listener: Server;
  const connections: Socket[] = [];
  const clock = new ManualClock(Date.UTC(2026, 10, 25, 9, 0, 0));
  const now = () => Math.floor(clock.now() / 1000);
  const register = (url: string, events = ['decision.created']) =>
    sentra.app.inject({ method: 'POST', url: `/v1/admin/merchants/${merchant.merchantId}/webhooks`, headers: admin, payload: { url, events } });
  const endpoints = async () => (await sentra.app.inject({ method: 'GET', url: `/v1/admin/merchants/${merchant.merchantId}/webhooks`, headers: admin })).json().items as { url: string }[];
  const createdEntries = async () =>
    (await sentra.app.inject({ method: 'GET', url: '/v1/audit/entries?action=webhook_endpoint.created', headers: admin })).json().items as { payload: { url: string } }[];

  beforeAll(async () => {
    listener = createServer((socket) => {
      connections.push(socket);
      socket.destroy();
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    sentra = await startTestApp(store, { SENTRA_FEED_REORDER_MS: '0', SENTRA_WORKER_POLL_MS: '50', ...(store === 'postgres' ? { SENTRA_FEED_KEY: 'e5'.repeat(32) } : {}) }, { clock });
    merchant = await merchantWithStripeFeed(sentra.app, adminToken, feedSecret, { name: 'Target shop', mode: 'live', thresholds: { challenge_at: 0, review_at: 60, deny_at: 90 } });
  }, 120_000);
  afterAll(async () => {
    await sentra.close();
    await new Promise<void>((resolve) => listener.close(() => resolve()));
  });

  it.each([
    ['http://hooks.example.com/sentra', 'insecure_url'],
    ['https://127.0.0.1/hook', 'private_address'],
    ['https://127.1.2.3:8443/hook', 'private_address'],
    // Loopback written as one decimal number and in hex: the URL parser reads both as 127.0.0.1.
    ['https://2130706433/hook', 'private_address'],
    ['https://0x7f.1/hook', 'private_address'],
    ['https://10.20.30.40/hook', 'private_address'],
    ['https://172.16.0.1/hook', 'private_address'],
    ['https://192.168.1.10/hook', 'private_address'],
    ['https://169.254.169.254/latest/meta-data', 'private_address'],
    ['https://100.64.0.1/hook', 'private_address'],
    ['https://0.0.0.0/hook', 'private_address'],
    ['https://[::1]/hook', 'private_address'],
    ['https://[::ffff:127.0.0.1]/hook', 'private_address'],
    ['https://[fd12:3456::1]/hook', 'private_address'],
    ['https://[fe80::1]/hook', 'private_address'],
    ['https://shop:hunter2@hooks.example.com/hook', 'credentials'],
  ])('refuses %s (%s) with the field path, storing and auditing nothing', async (url, code) => {
    const refused = await register(url);
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'SENTRA_ERR_VALIDATION', details: [{ code, path: '/url' }] });
    expect(refused.body).not.toContain('hunter2');
    expect((await endpoints()).map((endpoint) => endpoint.url)).not.toContain(url);
    expect((await createdEntries()).map((entry) => entry.payload.url)).not.toContain(url);
  });

  it('names the address a host written as a number stands for', async () => {
    const refused = await register('https://2130706433/hook');
    expect(refused.json().error.details[0].message).toMatch(/^127\.0\.0\.1 is not a public address/);
  });

  it('accepts https to a public address or a name', async () => {
    // Subscribed to case.resolved, which this test never causes: nothing is sent off the machine.
    for (const url of ['https://hooks.example.com/sentra', 'https://8.8.8.8/hook', 'https://[2606:4700::1111]/hook']) {
      const created = await register(url, ['case.resolved']);
      expect(created.statusCode, created.body).toBe(201);
    }
    expect((await endpoints()).map((endpoint) => endpoint.url).sort()).toEqual(['https://8.8.8.8/hook', 'https://[2606:4700::1111]/hook', 'https://hooks.example.com/sentra']);
  });

  it('refuses, before connecting, a name that resolves to loopback, and the delivery log says why', async () => {
    const port = (listener.address() as AddressInfo).port;
    const created = await register(`https://localhost:${port}/hook`);
    expect(created.statusCode, created.body).toBe(201);
    const endpointId = created.json().endpoint_id as string;
    const event = stripeChargeEvent({ eventId: 'evt_target_1', chargeId: 'ch_target_1', createdSeconds: now() - 30, amount: 4200 });
    const fed = await sendStripeEvent(sentra.app, merchant.merchantId, event, feedSecret, now());
    expect(fed.statusCode, fed.body).toBe(200);
    await sentra.feeds.processor.drain();
    type Delivery = { endpoint_id: string; status: string; attempts: number; last_status_code: number | null; last_error: string | null };
    const toLocalhost = async () =>
      ((await sentra.app.inject({ method: 'GET', url: `/v1/admin/merchants/${merchant.merchantId}/webhooks/deliveries`, headers: admin })).json().items as Delivery[]).find(
        (delivery) => delivery.endpoint_id === endpointId,
      );
    await until(async () => ((await toLocalhost())?.attempts ?? 0) >= 1, 'the first attempt to localhost');
    expect(await toLocalhost()).toMatchObject({ status: 'failed', last_status_code: null, last_error: expect.stringMatching(/^localhost resolves to (127\.0\.0\.1|::1), not a public address; not sent/) });
    expect(connections).toHaveLength(0);
  });
});
