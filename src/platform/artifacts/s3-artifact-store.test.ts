import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SentraError } from '../../errors/errors.js';
import { fakeS3Credentials, startFakeS3, type FakeS3 } from '../../../test/support/fake-s3.js';
import { S3ArtifactStore, type S3ArtifactStoreOptions } from './s3-artifact-store.js';
import { sentraErrorOf } from '../../../test/support/sentra-error.js';

let fake: FakeS3;
const opened: S3ArtifactStore[] = [];

function storeWith(options: Partial<S3ArtifactStoreOptions> = {}): S3ArtifactStore {
  const store = new S3ArtifactStore({
    bucket: 'sentra-test',
    prefix: 'sentra/',
    region: 'us-east-1',
    endpoint: fake.endpoint,
    forcePathStyle: true,
    credentials: fakeS3Credentials,
    ...options,
  });
  opened.push(store);
  return store;
}

beforeAll(async () => {
  fake = await startFakeS3({ buckets: ['sentra-test'] });
});

afterEach(() => {
  fake.failNext(0, 500, 'InternalError');
  fake.requests.length = 0;
});

afterAll(async () => {
  for (const store of opened) store.close();
  await fake.close();
});

describe('S3ArtifactStore', () => {
  it('signs every request with SigV4 and the given credentials, path-style, under the prefix', async () => {
    const store = storeWith();
    await store.put('models/v1/model.json', '{}');
    await store.get('models/v1/model.json');
    expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'PUT /sentra-test/sentra/models/v1/model.json',
      'GET /sentra-test/sentra/models/v1/model.json',
    ]);
    for (const { headers } of fake.requests) {
      expect(headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=SENTRATESTACCESSKEY\/\d{8}\/us-east-1\/s3\/aws4_request, SignedHeaders=[^,]*\bhost\b[^,]*, Signature=[0-9a-f]{64}$/);
      expect(headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
      expect(headers['x-amz-content-sha256']).toMatch(/^[0-9a-f]{64}$/);
      expect(headers.host).toBe(new URL(fake.endpoint).host);
    }
    const stored = fake.objects.get('sentra-test/sentra/models/v1/model.json');
    expect(stored?.body.toString()).toBe('{}');
    expect(stored?.contentType).toBe('application/json');
  });

  it('adds the missing slash to a prefix, and an empty prefix means the bucket root', async () => {
    expect(storeWith({ prefix: 'team-a/sentra' }).uriOf('models/v1/model.json')).toBe('s3://sentra-test/team-a/sentra/models/v1/model.json');
    const atRoot = storeWith({ prefix: '' });
    await atRoot.put('models/v1/metadata.json', '{"name":"root"}');
    expect(fake.objects.has('sentra-test/models/v1/metadata.json')).toBe(true);
    expect(() => storeWith({ prefix: '../elsewhere/' })).toThrow(SentraError);
  });

  it('rides out a transient server error with the SDK retries', async () => {
    const store = storeWith();
    await store.put('models/v3/model.json', 'payload');
    fake.failNext(1, 503, 'SlowDown');
    expect((await store.get('models/v3/model.json')).toString()).toBe('payload');
    expect(fake.requests.filter((request) => request.method === 'GET')).toHaveLength(2);
  });

  it('reports a server that keeps failing as a retryable STORE_UNAVAILABLE naming bucket and key', async () => {
    const store = storeWith({ maxAttempts: 2 });
    fake.failNext(5, 500, 'InternalError');
    const error = await sentraErrorOf(store.put('models/v4/model.json', 'x'));
    expect(error.code).toBe('SENTRA_ERR_STORE_UNAVAILABLE');
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('s3://sentra-test/sentra/models/v4/model.json');
    expect(error.message).toContain('bucket sentra-test');
  });

  it('reports an unreachable endpoint as a retryable STORE_UNAVAILABLE naming bucket and key', async () => {
    const closed = await startFakeS3();
    const endpoint = closed.endpoint;
    await closed.close();
    const error = await sentraErrorOf(storeWith({ endpoint, maxAttempts: 1 }).get('models/v1/model.json'));
    expect(error.code).toBe('SENTRA_ERR_STORE_UNAVAILABLE');
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('s3://sentra-test/sentra/models/v1/model.json');
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('reports refused credentials as a configuration error, not retryable', async () => {
    const store = storeWith({ credentials: { accessKeyId: 'WRONGKEY', secretAccessKey: 'wrong' } });
    const error = await sentraErrorOf(store.get('models/v1/model.json'));
    expect(error.code).toBe('SENTRA_ERR_CONFIG');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('InvalidAccessKeyId');
    expect(error.message).toContain('s3://sentra-test/sentra/models/v1/model.json');
  });

  it('reports a missing bucket and a wrong region as configuration errors', async () => {
    const noBucket = await sentraErrorOf(storeWith({ bucket: 'no-such-bucket' }).put('models/v1/model.json', 'x'));
    expect(noBucket.code).toBe('SENTRA_ERR_CONFIG');
    expect(noBucket.message).toContain('bucket no-such-bucket');
    expect(noBucket.message).toContain('does not exist');
    const wrongRegion = await sentraErrorOf(storeWith({ region: 'eu-west-3' }).get('models/v1/model.json'));
    expect(wrongRegion.code).toBe('SENTRA_ERR_CONFIG');
    expect(wrongRegion.message).toContain('SENTRA_S3_REGION');
  });
});

describe('the fake S3 endpoint', () => {
  it('answers HeadObject like S3: the size of an object, 404 for a missing one', async () => {
    const { HeadObjectCommand, S3Client } = await import('@aws-sdk/client-s3');
    const client = new S3Client({ region: 'us-east-1', endpoint: fake.endpoint, forcePathStyle: true, credentials: fakeS3Credentials, maxAttempts: 1 });
    try {
      await storeWith().put('models/v5/model.json', 'twelve bytes');
      const head = await client.send(new HeadObjectCommand({ Bucket: 'sentra-test', Key: 'sentra/models/v5/model.json' }));
      expect(head.ContentLength).toBe(12);
      const missing = await client.send(new HeadObjectCommand({ Bucket: 'sentra-test', Key: 'sentra/models/none' })).then(
        () => undefined,
        (error: unknown) => error as { name: string; $metadata: { httpStatusCode?: number } },
      );
      expect(missing?.$metadata.httpStatusCode).toBe(404);
    } finally {
      client.destroy();
    }
  });

  it('refuses an unsigned request', async () => {
    const response = await fetch(`${fake.endpoint}/sentra-test/sentra/models/v1/model.json`);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('<Code>AccessDenied</Code>');
  });
});
