import { assertNever } from '../../errors/errors.js';
import type { ArtifactStoreConfig } from '../config.js';
import { LocalArtifactStore, type ArtifactStore } from './artifact-store.js';
import type { S3Credentials } from './s3-artifact-store.js';

/** Embedding and test hooks of {@link createArtifactStore}; production passes none. */
export interface ArtifactStoreOverrides {
  /** Static S3 credentials instead of the standard AWS credential chain. */
  readonly credentials?: S3Credentials;
}

/**
 * The artifact store the configuration names (`SENTRA_ARTIFACT_STORE`): a local folder, or an
 * S3-compatible bucket. The AWS SDK is imported only for an S3 store (it adds ~0.3 s to a start).
 */
export async function createArtifactStore(config: { readonly artifactStore: ArtifactStoreConfig }, overrides: ArtifactStoreOverrides = {}): Promise<ArtifactStore> {
  const settings = config.artifactStore;
  switch (settings.kind) {
    case 'local':
      return new LocalArtifactStore(settings.directory);
    case 's3': {
      const { S3ArtifactStore } = await import('./s3-artifact-store.js');
      return new S3ArtifactStore({
        bucket: settings.bucket,
        prefix: settings.prefix,
        region: settings.region,
        endpoint: settings.endpoint,
        forcePathStyle: settings.forcePathStyle,
        requestTimeoutMs: settings.requestTimeoutMs,
        credentials: overrides.credentials,
      });
    }
    default:
      return assertNever(settings, 'artifact store');
  }
}
