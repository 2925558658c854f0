import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeChat, type FakeChat } from './support/fake-chat.js';
import { scoreBody } from './support/score-body.js';
import { adminToken, startTestApp, type TestApp } from './support/test-app.js';
import { fakeS3Credentials, startFakeS3, type FakeS3 } from './support/fake-s3.js';
import { readArtifactFolder } from '../src/registry/model-artifact.js';
import { defaultModelFolder } from '../src/registry/model-registry.js';
import { writeActiveVersion } from '../src/registry/model-version.repository.js';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stripeChargeEvent } from './support/psp-events.js';
import { merchantWithStripeFeed, sendStripeEvent } from './support/stripe-feed.js';

const passport = (name: string) => ['PASSPORT', `Full name: ${name}`, 'Date of birth: 01.02.1980', 'Date of expiry: 2031-01-01'].join('\n');

describe('a hung enrichment provider', () => {
  let sentra: TestApp;
  let fake: FakeChat;

  beforeAll(async () => {
    fake = await startFakeChat();
    // The provider accepts each call and answers nothing for a minute.
    fake.answer = () => ({ content: '{}', delayMs: 60_000 });
    sentra = await startTestApp('pglite', {
      SENTRA_ENRICHMENT_PROVIDER: 'openai',
      SENTRA_LLM_BASE_URL: fake.baseUrl,
      SENTRA_LLM_MODEL: 'fake-model-1',
      SENTRA_LLM_API_KEY: 'test-llm-key',
      SENTRA_LLM_TIMEOUT_MS: '50000',
      SENTRA_WORKER_POLL_MS: '20',
    });
  });
  afterAll(async () => {
    await fake.close();
    await sentra.close();
  });

  const score = (body: object) => sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers: { authorization: `Bearer ${adminToken}` }, payload: body });

  it('never holds up scoring: payments with and without documents are answered while its calls hang', async () => {
    const first = await score(scoreBody({ entities: { sender_entity_id: 'slow-0' }, kyc_refs: [{ entity_id: 'slow-0', text_blob: passport('Anna Slow') }] }));
    expect(first.statusCode, first.body).toBe(200);
    for (let attempt = 0; attempt < 500 && fake.requests.length === 0; attempt++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.requests.length, 'the worker called the provider').toBeGreaterThan(0);

    // The worker is now waiting on the provider. Scoring goes on, documents or not.
    for (let index = 1; index <= 40; index++) {
      const withDocument = index % 2 === 0;
      const response = await score(
        scoreBody({ entities: { sender_entity_id: `slow-${index}` }, ...(withDocument ? { kyc_refs: [{ entity_id: `slow-${index}`, text_blob: passport(`Person ${index}`) }] } : {}) }),
      );
      expect(response.statusCode, response.body).toBe(200);
      if (withDocument) expect(response.json().llm_status).toBe('pending');
    }
    // Not one provider call has come back while all of that was answered.
    const enrichment = await sentra.app.inject({ method: 'GET', url: '/v1/enrichment/slow-0', headers: { authorization: `Bearer ${adminToken}` } });
    expect(enrichment.body).not.toContain('"ready"');
  });
});

/**
 * Scaled mode with model artifacts in S3: another process activates a new version while the bucket
 * hangs. This process cannot load that version yet, so it goes on scoring with the model it has
 * (never waiting on S3 in a request), and serves the new version once the bucket answers again.
 */
describe.skipIf(process.env.DATABASE_URL === undefined)('a hung S3 artifact store', () => {
  let fake: FakeS3;
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    fake = await startFakeS3({ buckets: ['sentra-models'] });
    process.env.AWS_ACCESS_KEY_ID = fakeS3Credentials.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = fakeS3Credentials.secretAccessKey;
    const s3 = { SENTRA_ARTIFACT_STORE: 's3', SENTRA_S3_BUCKET: 'sentra-models', SENTRA_S3_ENDPOINT: fake.endpoint, SENTRA_S3_FORCE_PATH_STYLE: 'true', SENTRA_S3_TIMEOUT_MS: '1000' };
    first = await startTestApp('postgres', s3);
    second = await startTestApp('postgres', {
      ...s3,
      DATABASE_URL: first.runtime.config.databaseUrl!,
      ...(first.runtime.config.redisUrl === undefined ? {} : { SENTRA_REDIS_PREFIX: first.runtime.config.redisKeyPrefix }),
    });
  });
  afterAll(async () => {
    fake.hang = false;
    await second?.close();
    await first?.close();
    await fake?.close();
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
  });

  const modelOf = async (app: TestApp) => {
    const response = await app.app.inject({ method: 'POST', url: '/v1/risk/score', headers: { authorization: `Bearer ${adminToken}` }, payload: scoreBody() });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().model_version as string;
  };

  it('keeps scoring with the model it has, then serves the new version once the bucket answers', async () => {
    const before = await modelOf(second);
    const artifact = await readArtifactFolder(defaultModelFolder);
    const candidate = { ...artifact, modelJson: artifact.modelJson.replace('"attributes":{}', '"attributes":{"candidate":"s3"}'), metadata: { ...artifact.metadata, name: 'candidate' } };
    const version = await first.runtime.models.register('default', candidate, 'test');
    fake.hang = true;
    // Another process (one that has the files, or `sentra models activate`) points the tenant at the
    // new version; this process's pointer refresh (every 2 s) sees it while the files cannot be read.
    await writeActiveVersion(first.runtime.database.db, 'default', version, 'test', new Date());
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    for (let index = 0; index < 10; index++) expect(await modelOf(second)).toBe(before);

    fake.hang = false;
    let served = before;
    for (let attempt = 0; attempt < 100 && served !== version; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      served = await modelOf(second);
    }
    expect(served, 'the new version once it could be loaded').toBe(version);
  }, 60_000);
});

/**
 * A live merchant's webhook endpoint accepts each delivery and never answers. Deliveries run on the
 * job runner behind the decisions: the merchant's feed payments are still scored, and payments
 * scored through the API are answered, while every delivery hangs.
 */
describe('a hung outbound webhook receiver', () => {
  let sentra: TestApp;
  let hung: Server;
  const pending: IncomingMessage[] = [];
  const feedSecret = 'whsec_feed_slow_receiver_0123456789';

  beforeAll(async () => {
    hung = createServer((request) => void pending.push(request));
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    sentra = await startTestApp('pglite', { SENTRA_WEBHOOK_ALLOW_PRIVATE: 'true', SENTRA_FEED_REORDER_MS: '0', SENTRA_WORKER_POLL_MS: '20' });
  });
  afterAll(async () => {
    await sentra.close();
    hung.closeAllConnections();
    await new Promise<void>((resolve) => hung.close(() => resolve()));
  });

  it('never holds up scoring: feed payments and API payments are decided while every delivery hangs', async () => {
    const admin = { authorization: `Bearer ${adminToken}` };
    const merchant = await merchantWithStripeFeed(sentra.app, adminToken, feedSecret, { name: 'Slow endpoint shop', mode: 'live' });
    const endpoint = await sentra.app.inject({ method: 'POST', url: `/v1/admin/merchants/${merchant.merchantId}/webhooks`, headers: admin, payload: { url: `http://127.0.0.1:${(hung.address() as AddressInfo).port}/events`, events: ['decision.created'] } });
    expect(endpoint.statusCode, endpoint.body).toBe(201);

    const now = Math.floor(Date.now() / 1000);
    for (let index = 0; index < 10; index++) {
      const event = stripeChargeEvent({ eventId: `evt_slow_${index}`, chargeId: `ch_slow_${index}`, createdSeconds: now - 60 + index, amount: 2_500 + index });
      const received = await sendStripeEvent(sentra.app, merchant.merchantId, event, feedSecret, now);
      expect(received.statusCode, received.body).toBe(200);
    }
    await sentra.feeds.processor.drain();
    for (let attempt = 0; attempt < 500 && pending.length === 0; attempt++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(pending.length, 'a delivery reached the endpoint and hangs there').toBeGreaterThan(0);

    // Every delivery so far hangs; the feed's payments were all decided, and the API goes on answering.
    const decided = await sentra.runtime.database.db.selectFrom('risk_scores').select('tx_id').where('tx_id', 'like', 'ch_slow_%').execute();
    expect(decided).toHaveLength(10);
    for (let index = 0; index < 40; index++) {
      const response = await sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers: admin, payload: scoreBody() });
      expect(response.statusCode, response.body).toBe(200);
    }
    const deliveries = (await sentra.app.inject({ method: 'GET', url: `/v1/admin/merchants/${merchant.merchantId}/webhooks/deliveries`, headers: admin })).json().items as { status: string }[];
    expect(deliveries.some((delivery) => delivery.status === 'delivered'), 'nothing was delivered: the endpoint never answered').toBe(false);
  }, 60_000);
});
