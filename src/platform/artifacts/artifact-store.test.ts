import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SentraError } from '../../errors/errors.js';
import { fakeS3Credentials, startFakeS3, type FakeS3 } from '../../../test/support/fake-s3.js';
import { LocalArtifactStore, type ArtifactStore } from './artifact-store.js';
import { S3ArtifactStore } from './s3-artifact-store.js';
import { sentraErrorOf } from '../../../test/support/sentra-error.js';

/** One backend under the shared contract: how to open it and what its URIs look like. */
interface Backend {
  name: string;
  open(): Promise<ArtifactStore>;
  /** The URI the store must give the key `models/v1/model.json`. */
  expectedUri(): string;
  close(): Promise<void>;
}

function localBackend(): Backend {
  let root = '';
  return {
    name: 'LocalArtifactStore',
    open: () => {
      root = mkdtempSync(join(tmpdir(), 'sentra-artifacts-'));
      return Promise.resolve(new LocalArtifactStore(root));
    },
    expectedUri: () => `file://${root}/models/v1/model.json`,
    close: () => Promise.resolve(rmSync(root, { recursive: true, force: true })),
  };
}

function s3Backend(): Backend {
  let fake: FakeS3 | undefined;
  return {
    name: 'S3ArtifactStore',
    open: async () => {
      fake = await startFakeS3({ buckets: ['sentra-test'] });
      return new S3ArtifactStore({ bucket: 'sentra-test', prefix: 'sentra/', region: 'us-east-1', endpoint: fake.endpoint, forcePathStyle: true, credentials: fakeS3Credentials });
    },
    expectedUri: () => 's3://sentra-test/sentra/models/v1/model.json',
    close: async () => fake?.close(),
  };
}

describe.each([localBackend(), s3Backend()])('ArtifactStore contract: $name', (backend) => {
  let store: ArtifactStore;

  beforeAll(async () => {
    store = await backend.open();
  });

  afterAll(async () => {
    store.close();
    await backend.close();
  });

  it('gives back what was put, and put returns the uri of the object', async () => {
    const uri = await store.put('models/v1/model.json', '{"learner":{}}');
    expect(uri).toBe(backend.expectedUri());
    expect(store.uriOf('models/v1/model.json')).toBe(uri);
    expect((await store.get('models/v1/model.json')).toString('utf8')).toBe('{"learner":{}}');
  });

  it('is binary safe: every byte value, and strings as UTF-8', async () => {
    const bytes = Buffer.alloc(70_000);
    for (let index = 0; index < bytes.length; index += 1) bytes[index] = (index * 7919) % 256;
    await store.put('blobs/all-bytes.bin', bytes);
    expect((await store.get('blobs/all-bytes.bin')).equals(bytes)).toBe(true);
    await store.put('blobs/text.json', '{"city":"Zürich","amount":"12 €","emoji":"💳"}\r\n');
    expect((await store.get('blobs/text.json')).toString('utf8')).toBe('{"city":"Zürich","amount":"12 €","emoji":"💳"}\r\n');
    await store.put('blobs/empty', Buffer.alloc(0));
    expect((await store.get('blobs/empty')).length).toBe(0);
  });

  it('replaces an object that is put again', async () => {
    await store.put('models/v2/metadata.json', 'first');
    await store.put('models/v2/metadata.json', 'second');
    expect((await store.get('models/v2/metadata.json')).toString()).toBe('second');
  });

  it('keeps keys with spaces and symbols apart and intact', async () => {
    await store.put('models/name with space+plus/x=1&y.json', 'a');
    await store.put('models/name with space plus/x=1&y.json', 'b');
    expect((await store.get('models/name with space+plus/x=1&y.json')).toString()).toBe('a');
    expect((await store.get('models/name with space plus/x=1&y.json')).toString()).toBe('b');
  });

  it('answers SENTRA_ERR_NOT_FOUND for a missing key, naming it', async () => {
    const error = await sentraErrorOf(store.get('models/missing/model.json'));
    expect(error.code).toBe('SENTRA_ERR_NOT_FOUND');
    expect(error.message).toContain('models/missing/model.json');
    expect(error.retryable).toBe(false);
  });

  it.each(['../outside.json', 'models/../../outside.json', '/etc/passwd', 'models//model.json', 'models/./model.json', '', 'models\\..\\x', 'models/\u0000'])(
    'refuses the key %j on put, get and uriOf',
    async (key) => {
      expect((await sentraErrorOf(store.put(key, 'x'))).code).toBe('SENTRA_ERR_VALIDATION');
      expect((await sentraErrorOf(store.get(key))).code).toBe('SENTRA_ERR_VALIDATION');
      expect(() => store.uriOf(key)).toThrow(SentraError);
    },
  );
});
