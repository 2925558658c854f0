import { SentraError } from '../errors/errors.js';
import type { S3ArtifactStore } from '../platform/artifacts/s3-artifact-store.js';

/** Where KYC documents may be read from, and how. */
export interface DocumentFetcherOptions {
  /** The only buckets a doc_s3_url may name. */
  readonly allowedBuckets: readonly string[];
  readonly endpoint: string | undefined;
  readonly region: string;
  readonly forcePathStyle: boolean;
  /** Longest read, in ms. */
  readonly timeoutMs: number;
}

const s3Url = /^s3:\/\/([^/]+)\/(.+)$/;

/** Largest document text read (plain text; larger objects are refused rather than truncated). */
const maxDocumentBytes = 2 * 1024 * 1024;

/**
 * Reads KYC documents (plain text) from S3, and only from the configured buckets: any other URL is
 * refused before a request is made, with an error that dead-letters the job (retrying cannot help).
 * One S3 client per allowed bucket, through the same store class as the model registry.
 */
export class DocumentFetcher {
  private readonly stores = new Map<string, S3ArtifactStore>();

  constructor(private readonly options: DocumentFetcherOptions) {}

  /** The document's text; SENTRA_ERR_VALIDATION for a refused URL, NOT_FOUND/CONFIG (permanent) or STORE_UNAVAILABLE (retried). */
  async fetchText(url: string): Promise<string> {
    const match = s3Url.exec(url);
    if (match === null) throw new SentraError('SENTRA_ERR_VALIDATION', `doc_s3_url ${JSON.stringify(url)} is not an s3://bucket/key URL; it was not fetched`);
    const [, bucket, key] = match as unknown as [string, string, string];
    if (!this.options.allowedBuckets.includes(bucket)) {
      throw new SentraError(
        'SENTRA_ERR_VALIDATION',
        `doc_s3_url names bucket "${bucket}", which is not in SENTRA_KYC_DOC_BUCKETS (${this.options.allowedBuckets.join(', ') || 'none configured'}); it was not fetched`,
      );
    }
    const bytes = await (await this.store(bucket)).get(key);
    if (bytes.length > maxDocumentBytes) throw new SentraError('SENTRA_ERR_VALIDATION', `document ${url} is larger than ${maxDocumentBytes} bytes`);
    return bytes.toString('utf8');
  }

  close(): void {
    for (const store of this.stores.values()) store.close();
  }

  private async store(bucket: string): Promise<S3ArtifactStore> {
    let store = this.stores.get(bucket);
    if (store === undefined) {
      // Imported on the first document read from S3: a server that reads none does not load the AWS SDK.
      const { S3ArtifactStore } = await import('../platform/artifacts/s3-artifact-store.js');
      store = this.stores.get(bucket);
      if (store !== undefined) return store;
      store = new S3ArtifactStore({
        bucket,
        prefix: '',
        region: this.options.region,
        endpoint: this.options.endpoint,
        forcePathStyle: this.options.forcePathStyle,
        requestTimeoutMs: this.options.timeoutMs,
      });
      this.stores.set(bucket, store);
    }
    return store;
  }
}
