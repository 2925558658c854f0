import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The credentials a fake S3 accepts; tests hand them to the SDK so it never looks for others. */
export const fakeS3Credentials = { accessKeyId: 'SENTRATESTACCESSKEY', secretAccessKey: 'sentra-test-secret-access-key' } as const;

/** One object in the fake's memory. */
export interface FakeS3Object {
  readonly body: Buffer;
  readonly contentType: string;
  readonly etag: string;
  /** The CRC32 checksum the client sent, returned when it asks for checksums. */
  readonly checksumCrc32: string | undefined;
}

/** One request the fake received, as the SDK sent it. */
export interface FakeS3Request {
  readonly method: string;
  /** The decoded path: `/bucket/key`. */
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
}

/** A running fake S3 endpoint on 127.0.0.1. */
export interface FakeS3 {
  /** The endpoint URL to configure (`http://127.0.0.1:port`). */
  readonly endpoint: string;
  /** Objects by `bucket/key`. */
  readonly objects: Map<string, FakeS3Object>;
  /** Every request received, oldest first. */
  readonly requests: FakeS3Request[];
  /** Answers the next `count` requests with this status and S3 error code (e.g. 503 SlowDown). */
  failNext(count: number, status: number, code: string): void;
  /** While true, every request is accepted and never answered (a hung endpoint); false answers again (new requests). */
  hang: boolean;
  close(): Promise<void>;
}

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (character) => `&#${character.charCodeAt(0)};`);

function sendError(response: ServerResponse, method: string, status: number, code: string, message: string, resource: string): void {
  response.statusCode = status;
  response.setHeader('x-amz-request-id', 'FAKE');
  if (method === 'HEAD') {
    response.end();
    return;
  }
  response.setHeader('content-type', 'application/xml');
  response.end(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message><Resource>${escapeXml(resource)}</Resource><RequestId>FAKE</RequestId></Error>`,
  );
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Problems with a request's SigV4 signature headers, or undefined when they are all there and
 * scoped to the accepted access key, the region and the s3 service. (The signature itself is not
 * recomputed: the point is that the SDK signs, with the credentials it was given.)
 */
function signatureProblem(request: IncomingMessage, region: string): { code: string; message: string } | undefined {
  const authorization = request.headers.authorization ?? '';
  const match = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=[0-9a-f]{64}$/.exec(authorization);
  if (match === null) return { code: 'AccessDenied', message: `not a SigV4 authorization header: "${authorization}"` };
  const [, accessKeyId, , scopeRegion, signedHeaders] = match;
  if (accessKeyId !== fakeS3Credentials.accessKeyId) return { code: 'InvalidAccessKeyId', message: 'The AWS Access Key Id you provided does not exist in our records.' };
  if (scopeRegion !== region) return { code: 'AuthorizationHeaderMalformed', message: `the region '${scopeRegion}' is wrong; expecting '${region}'` };
  const signed = (signedHeaders ?? '').split(';');
  for (const header of ['host', 'x-amz-date', 'x-amz-content-sha256']) {
    if (!signed.includes(header) || request.headers[header] === undefined) return { code: 'AccessDenied', message: `${header} is not signed` };
  }
  return undefined;
}

async function handle(fake: Pick<FakeS3, 'objects' | 'requests'>, buckets: ReadonlySet<string>, region: string, request: IncomingMessage, response: ServerResponse, failures: { count: number; status: number; code: string }): Promise<void> {
  const method = request.method ?? 'GET';
  const path = decodeURIComponent(new URL(request.url ?? '/', 'http://fake').pathname);
  fake.requests.push({ method, path, headers: request.headers });
  const body = await readBody(request);
  if (failures.count > 0) {
    failures.count -= 1;
    sendError(response, method, failures.status, failures.code, 'injected failure', path);
    return;
  }
  const problem = signatureProblem(request, region);
  if (problem !== undefined) {
    sendError(response, method, problem.code === 'AuthorizationHeaderMalformed' ? 400 : 403, problem.code, problem.message, path);
    return;
  }
  const [, bucket = '', ...keyParts] = path.split('/');
  const key = keyParts.join('/');
  if (!buckets.has(bucket)) {
    sendError(response, method, 404, 'NoSuchBucket', 'The specified bucket does not exist', path);
    return;
  }
  if (key === '') {
    sendError(response, method, 501, 'NotImplemented', 'only object operations are implemented', path);
    return;
  }
  const id = `${bucket}/${key}`;
  if (method === 'PUT') {
    if (request.headers['content-encoding']?.includes('aws-chunked') === true) {
      sendError(response, method, 501, 'NotImplemented', 'aws-chunked uploads are not implemented', path);
      return;
    }
    const declared = request.headers['x-amz-content-sha256'];
    if (declared !== 'UNSIGNED-PAYLOAD' && declared !== createHash('sha256').update(body).digest('hex')) {
      sendError(response, method, 400, 'XAmzContentSHA256Mismatch', 'The provided x-amz-content-sha256 header does not match what was computed.', path);
      return;
    }
    const etag = `"${createHash('md5').update(body).digest('hex')}"`;
    const checksum = request.headers['x-amz-checksum-crc32'];
    fake.objects.set(id, {
      body,
      contentType: request.headers['content-type'] ?? 'binary/octet-stream',
      etag,
      checksumCrc32: typeof checksum === 'string' ? checksum : undefined,
    });
    response.setHeader('etag', etag);
    response.end();
    return;
  }
  if (method === 'GET' || method === 'HEAD') {
    const object = fake.objects.get(id);
    if (object === undefined) {
      sendError(response, method, 404, 'NoSuchKey', 'The specified key does not exist.', path);
      return;
    }
    response.setHeader('content-length', object.body.length);
    response.setHeader('content-type', object.contentType);
    response.setHeader('etag', object.etag);
    response.setHeader('last-modified', new Date(0).toUTCString());
    if (request.headers['x-amz-checksum-mode'] === 'ENABLED' && object.checksumCrc32 !== undefined) {
      response.setHeader('x-amz-checksum-crc32', object.checksumCrc32);
      response.setHeader('x-amz-checksum-type', 'FULL_OBJECT');
    }
    response.end(method === 'GET' ? object.body : undefined);
    return;
  }
  sendError(response, method, 405, 'MethodNotAllowed', `${method} is not implemented by the fake`, path);
}

/**
 * An in-process S3 endpoint for tests: PutObject, GetObject and HeadObject, path-style
 * (`/bucket/key`), on an in-memory map, bound to 127.0.0.1. It answers like S3 (XML errors:
 * NoSuchKey, NoSuchBucket, InvalidAccessKeyId…), refuses unsigned requests and requests signed
 * with other credentials than {@link fakeS3Credentials}, and checks the payload hash of uploads.
 */
export async function startFakeS3(options: { buckets?: readonly string[]; region?: string } = {}): Promise<FakeS3> {
  const buckets = new Set(options.buckets ?? ['sentra-test']);
  const region = options.region ?? 'us-east-1';
  const failures = { count: 0, status: 500, code: 'InternalError' };
  const state: Pick<FakeS3, 'objects' | 'requests'> = { objects: new Map(), requests: [] };
  const control = { hang: false };
  const server: Server = createServer((request, response) => {
    if (control.hang) return;
    handle(state, buckets, region, request, response, failures).catch((error: unknown) => {
      sendError(response, request.method ?? 'GET', 500, 'InternalError', String(error), request.url ?? '');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    ...state,
    failNext(count, status, code) {
      Object.assign(failures, { count, status, code });
    },
    get hang() {
      return control.hang;
    },
    set hang(value: boolean) {
      control.hang = value;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
}
