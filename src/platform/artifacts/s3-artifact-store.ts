import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SentraError } from '../../errors/errors.js';
import { checkArtifactKey, tooLarge, type ArtifactStore } from './artifact-store.js';

/** Static credentials; without them the standard AWS chain is used (environment, shared files, SSO, web identity, ECS/EC2 roles). */
export interface S3Credentials {
  /** Access key id (`AWS_ACCESS_KEY_ID` in the standard chain). */
  readonly accessKeyId: string;
  /** Secret access key. */
  readonly secretAccessKey: string;
  /** Session token of temporary credentials. */
  readonly sessionToken?: string;
}

/** Where and how an {@link S3ArtifactStore} reaches its bucket. */
export interface S3ArtifactStoreOptions {
  /** Bucket name. */
  readonly bucket: string;
  /** Prefix of every object key (`sentra/`); a missing trailing slash is added, empty means the bucket root. */
  readonly prefix: string;
  /** Signing region (`us-east-1`; R2 accepts `auto`). */
  readonly region: string;
  /** Endpoint URL of an S3-compatible server (MinIO, Ceph, R2…); absent means AWS S3. */
  readonly endpoint?: string | undefined;
  /** Path-style addressing (`endpoint/bucket/key`) instead of a bucket host name; most self-hosted servers need it. */
  readonly forcePathStyle?: boolean;
  /** Explicit credentials; absent means the standard AWS credential chain. */
  readonly credentials?: S3Credentials | undefined;
  /** Attempts per request, the first included (default 3: the SDK retries throttling, 5xx and network errors). */
  readonly maxAttempts?: number;
  /** Longest wait for a connection in ms (default 5000). */
  readonly connectionTimeoutMs?: number;
  /** Longest duration of one request and its response in ms (default 60000). */
  readonly requestTimeoutMs?: number;
}

/** What a failed S3 call became: the catalogue code and the reason given to the operator. */
interface FailureKind {
  code: 'SENTRA_ERR_NOT_FOUND' | 'SENTRA_ERR_CONFIG' | 'SENTRA_ERR_STORE_UNAVAILABLE';
  reason: string;
}

const accessErrors = new Set(['AccessDenied', 'InvalidAccessKeyId', 'SignatureDoesNotMatch', 'ExpiredToken', 'InvalidToken', 'CredentialsProviderError']);

/** Sorts an SDK error: a missing object, a problem only the operator can fix, or a transient one worth retrying. */
function classify(error: unknown): FailureKind {
  const failure = error as { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const name = failure.name ?? 'Error';
  const status = failure.$metadata?.httpStatusCode;
  const detail = `${failure.code ?? name}${failure.message ? `: ${failure.message}` : ''}`;
  if (name === 'NoSuchBucket') return { code: 'SENTRA_ERR_CONFIG', reason: `the bucket does not exist (${detail})` };
  if (name === 'NoSuchKey' || name === 'NotFound' || status === 404) return { code: 'SENTRA_ERR_NOT_FOUND', reason: 'no such object' };
  if (accessErrors.has(name) || status === 403) {
    return { code: 'SENTRA_ERR_CONFIG', reason: `access refused (${detail}); check the credentials (AWS_ACCESS_KEY_ID, AWS_PROFILE, role) and the bucket policy; S3 also answers 403 for a missing object when the credentials may not list the bucket` };
  }
  // A 3xx or another 4xx is a wrong region, endpoint or addressing style: retrying will not help.
  if (status !== undefined && status >= 300 && status < 500 && status !== 408 && status !== 429) {
    return { code: 'SENTRA_ERR_CONFIG', reason: `the server refused the request (HTTP ${status}, ${detail}); check SENTRA_S3_REGION, SENTRA_S3_ENDPOINT and SENTRA_S3_FORCE_PATH_STYLE` };
  }
  return { code: 'SENTRA_ERR_STORE_UNAVAILABLE', reason: `the object store is unreachable or failing (${status === undefined ? '' : `HTTP ${status}, `}${detail}); retry later` };
}

/**
 * Artifacts as objects in an S3-compatible bucket under a key prefix, through the official AWS SDK
 * (SigV4). A put is atomic (an object appears whole or not at all), so a reader never sees half
 * an artifact. Failures become SentraErrors naming the bucket and key: `SENTRA_ERR_NOT_FOUND` for a
 * missing object, `SENTRA_ERR_CONFIG` for refused access or a wrong bucket/region/endpoint, and the
 * retryable `SENTRA_ERR_STORE_UNAVAILABLE` for network failures and server errors (after the SDK's
 * own retries).
 */
export class S3ArtifactStore implements ArtifactStore {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;

  constructor(options: S3ArtifactStoreOptions) {
    this.bucket = options.bucket;
    this.prefix = options.prefix === '' || options.prefix.endsWith('/') ? options.prefix : `${options.prefix}/`;
    if (this.prefix !== '') checkArtifactKey(this.prefix.slice(0, -1));
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle ?? false,
      credentials: options.credentials,
      maxAttempts: options.maxAttempts ?? 3,
      requestHandler: {
        connectionTimeout: options.connectionTimeoutMs ?? 5_000,
        requestTimeout: options.requestTimeoutMs ?? 60_000,
        throwOnRequestTimeout: true,
      },
    });
  }

  private objectKey(key: string): string {
    return `${this.prefix}${checkArtifactKey(key)}`;
  }

  uriOf(key: string): string {
    return `s3://${this.bucket}/${this.objectKey(key)}`;
  }

  async put(key: string, bytes: Buffer | string): Promise<string> {
    const objectKey = this.objectKey(key);
    const body = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: objectKey,
          Body: body,
          ContentLength: body.length,
          ContentType: key.endsWith('.json') ? 'application/json' : 'application/octet-stream',
        }),
      );
    } catch (error) {
      throw this.failure('write', key, error);
    }
    return this.uriOf(key);
  }

  async get(key: string, maxBytes = Number.POSITIVE_INFINITY): Promise<Buffer> {
    const objectKey = this.objectKey(key);
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: objectKey }));
      if (response.Body === undefined) return Buffer.alloc(0);
      // The length is known before the body is read: an oversized object is refused unread.
      if ((response.ContentLength ?? 0) > maxBytes) {
        (response.Body as { destroy?: () => void }).destroy?.();
        throw tooLarge(key, response.ContentLength!, maxBytes);
      }
      const bytes = await response.Body.transformToByteArray();
      if (bytes.byteLength > maxBytes) throw tooLarge(key, bytes.byteLength, maxBytes);
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (error) {
      throw this.failure('read', key, error);
    }
  }

  close(): void {
    this.client.destroy();
  }

  private failure(action: 'read' | 'write', key: string, error: unknown): SentraError {
    if (error instanceof SentraError) return error;
    const { code, reason } = classify(error);
    const uri = this.uriOf(key);
    const message =
      code === 'SENTRA_ERR_NOT_FOUND'
        ? `Artifact ${key} is not in the store: ${uri} does not exist in bucket ${this.bucket}`
        : `Cannot ${action} artifact ${key} at ${uri} (bucket ${this.bucket}): ${reason}`;
    return new SentraError(code, message, { cause: error });
  }
}
