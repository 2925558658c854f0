import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, type TestApp } from '../support/test-app.js';
import { createMerchant, type MerchantCredentials } from '../support/merchants.js';
import { stripeChargeEvent, stripeSignature } from '../support/psp-events.js';
import { browserAvailable, screenshot, servedToChromium } from '../support/browser.js';

const feedSecret = 'whsec_console_feed_0123456789abcdefghij';

describe.skipIf(!browserAvailable())("the console's merchant feeds, webhooks and shadow evaluation in headless Chromium", () => {
  let sentra: TestApp;
  let merchant: MerchantCredentials;
  let receiver: Server;
  let receiverUrl: string;
  const received: string[] = [];
  const auth = { authorization: `Bearer ${adminToken}` };
  const get = async (url: string) => (await sentra.app.inject({ method: 'GET', url, headers: auth })).json();
  const pay = async (chargeId: string) => {
    const now = Math.floor(Date.now() / 1000);
    const payload = JSON.stringify(stripeChargeEvent({ eventId: `evt_${chargeId}`, chargeId, createdSeconds: now - 60, amount: 4200, riskScore: 20 }));
    const response = await sentra.app.inject({ method: 'POST', url: `/v1/feeds/stripe/${merchant.merchantId}`, headers: { 'content-type': 'application/json', 'stripe-signature': stripeSignature(payload, feedSecret, now) }, payload });
    expect(response.statusCode, response.body).toBe(200);
    await sentra.feeds.processor.drain();
  };

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push(Buffer.concat(chunks).toString('utf8'));
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/sentra-events`;
    sentra = await startTestApp('pglite', { SENTRA_WEBHOOK_ALLOW_PRIVATE: 'true', SENTRA_FEED_REORDER_MS: '0', SENTRA_WORKER_POLL_MS: '50' });
    merchant = await createMerchant(sentra.app, adminToken, { name: 'Shadow shop', mode: 'shadow' });
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });
  const served = servedToChromium(() => sentra);

  it('sets up a feed whose secret is never shown again, evaluates the shadow payments, promotes after a confirmation, and redelivers a webhook', async () => {
    const page = await served.pages.signedIn(adminToken, `/admin/merchants/${merchant.merchantId}`);
    await page.getByRole('heading', { name: 'PSP feeds' }).waitFor();
    const feeds = page.getByRole('table', { name: 'PSP feeds' });
    await expect.poll(() => feeds.textContent()).toContain('not set up');

    // A secret too short for the API: refused with its field, nothing stored.
    await page.getByLabel('Secrets, one per line').fill('short');
    await page.getByRole('button', { name: 'Save stripe secrets' }).click();
    await expect.poll(() => page.locator('#feed-problems').textContent()).toContain('/secrets/0');
    expect((await get(`/v1/admin/merchants/${merchant.merchantId}/feeds`)).items).toEqual([]);

    await page.getByLabel('Secrets, one per line').fill(feedSecret);
    await page.getByRole('button', { name: 'Save stripe secrets' }).click();
    const webhookUrl = `${served.base}/v1/feeds/stripe/${merchant.merchantId}`;
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'secret stored' }).textContent()).toContain(webhookUrl);
    await expect.poll(() => feeds.textContent()).toContain(webhookUrl);
    expect(await page.getByLabel('Secrets, one per line').inputValue()).toBe('');
    expect(await page.content()).not.toContain(feedSecret);

    // Payments arrive through the feed while the merchant is in shadow: the evaluation counts them.
    await pay('ch_console_1');
    await pay('ch_console_2');
    await page.reload();
    const events = page.getByRole('table', { name: 'Latest feed events' });
    await expect.poll(() => events.textContent()).toContain('ch_console_2');
    expect(await events.textContent()).toContain('processed');
    const totals = page.getByRole('list', { name: 'Evaluation totals' });
    await expect.poll(() => totals.textContent()).toMatch(/Feed payments2Scored in shadow2/);
    expect(await page.getByRole('table', { name: 'Operating points' }).locator('tbody tr').count()).toBeGreaterThanOrEqual(3);
    await page.getByRole('img', { name: /Payments by risk score/ }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download evaluation HTML' }).click()]);
    expect(readFileSync((await download.path())!, 'utf8')).toContain('Shadow shop');
    await screenshot(page, 'admin-merchant-feeds');

    // Promotion asks first; declining changes nothing.
    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.getByRole('button', { name: 'Promote to live' }).click();
    expect((await get(`/v1/admin/merchants/${merchant.merchantId}`)).mode).toBe('shadow');
    let question = '';
    page.once('dialog', (dialog) => {
      question = dialog.message();
      void dialog.accept();
    });
    await page.getByRole('button', { name: 'Promote to live' }).click();
    await page.getByRole('button', { name: 'Demote to shadow' }).waitFor();
    expect(question).toContain('Promote “Shadow shop” to live?');
    expect((await get(`/v1/admin/merchants/${merchant.merchantId}`)).mode).toBe('live');
    const report = await get(`/v1/merchants/${merchant.merchantId}/evaluation`);
    expect(report.mode_changes.map((change: { mode: string }) => change.mode)).toEqual(['live']);
    await expect.poll(() => page.locator('#evaluation-title ~ p.muted').first().textContent()).toContain('Mode changes: live');

    // A webhook endpoint: its secret is shown once; the next live payment is delivered; redelivery sends it again.
    await page.getByLabel('Endpoint URL').fill(receiverUrl);
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const endpointSecret = (await page.getByLabel('Webhook signing secret').textContent())!;
    expect(endpointSecret).toMatch(/^whsec_/);
    expect(await page.getByRole('table', { name: 'Webhook endpoints' }).textContent()).toContain(receiverUrl);
    await pay('ch_console_live');
    await expect.poll(() => received.length, { timeout: 15_000 }).toBe(1);
    const deliveries = page.getByRole('table', { name: 'Webhook deliveries, newest first' });
    await expect.poll(() => deliveries.textContent(), { timeout: 15_000 }).toContain('delivered');
    const [delivery] = (await get(`/v1/admin/merchants/${merchant.merchantId}/webhooks/deliveries`)).items;
    await page.getByRole('button', { name: `Redeliver ${delivery.delivery_id}` }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'queued again' }).textContent()).toContain(delivery.delivery_id);
    await expect.poll(() => received.length, { timeout: 15_000 }).toBe(2);
    expect(JSON.parse(received[1]!).id).toBe(delivery.delivery_id);
    await page.reload();
    await page.getByRole('heading', { name: 'Webhooks' }).waitFor();
    expect(await page.getByLabel('Webhook signing secret').count()).toBe(0);
    expect(await page.content()).not.toContain(endpointSecret);
  });
});
