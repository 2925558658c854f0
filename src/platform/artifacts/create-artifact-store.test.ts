import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../config.js';
import { fakeS3Credentials, startFakeS3 } from '../../../test/support/fake-s3.js';
import { LocalArtifactStore } from './artifact-store.js';
import { createArtifactStore } from './create-artifact-store.js';
import { S3ArtifactStore } from './s3-artifact-store.js';

describe('createArtifactStore', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('opens the local folder by default', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sentra-store-'));
    try {
      const store = await createArtifactStore(loadConfig({ SENTRA_DATA_DIR: dataDir }));
      expect(store).toBeInstanceOf(LocalArtifactStore);
      expect(store.uriOf('models/v1/model.json')).toBe(`file://${dataDir}/artifacts/models/v1/model.json`);
      store.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('opens the configured bucket and prefix when SENTRA_ARTIFACT_STORE is s3', async () => {
    const config = loadConfig({ SENTRA_ARTIFACT_STORE: 's3', SENTRA_S3_BUCKET: 'risk-models', SENTRA_S3_ENDPOINT: 'http://127.0.0.1:9', SENTRA_S3_FORCE_PATH_STYLE: 'true' });
    const store = await createArtifactStore(config, { credentials: { accessKeyId: 'unused', secretAccessKey: 'unused' } });
    expect(store).toBeInstanceOf(S3ArtifactStore);
    expect(store.uriOf('models/v1/model.json')).toBe('s3://risk-models/sentra/models/v1/model.json');
    store.close();
  });

  it('takes S3 credentials from the standard AWS environment variables when none are given', async () => {
    const fake = await startFakeS3({ buckets: ['risk-models'] });
    vi.stubEnv('AWS_ACCESS_KEY_ID', fakeS3Credentials.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', fakeS3Credentials.secretAccessKey);
    // Nothing else of the machine's AWS setup may take part, and never the EC2 metadata service.
    vi.stubEnv('AWS_PROFILE', undefined);
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(tmpdir(), 'sentra-no-aws-credentials'));
    vi.stubEnv('AWS_CONFIG_FILE', join(tmpdir(), 'sentra-no-aws-config'));
    vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
    const config = loadConfig({ SENTRA_ARTIFACT_STORE: 's3', SENTRA_S3_BUCKET: 'risk-models', SENTRA_S3_ENDPOINT: fake.endpoint, SENTRA_S3_FORCE_PATH_STYLE: 'true' });
    const store = await createArtifactStore(config);
    try {
      await store.put('models/v1/metadata.json', '{"name":"env"}');
      expect((await store.get('models/v1/metadata.json')).toString()).toBe('{"name":"env"}');
      expect(fake.requests.every((request) => request.headers.authorization?.includes(`Credential=${fakeS3Credentials.accessKeyId}/`))).toBe(true);
    } finally {
      store.close();
      await fake.close();
    }
  });
});
