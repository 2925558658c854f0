import { resolve } from 'node:path';
import { SentraError, type ProblemDetail } from '../errors/errors.js';
import { enrichmentConfig, type EnrichmentConfig } from './enrichment-config.js';
import { parseClusterNodes, type RedisClusterTarget, type RedisTarget } from './redis-target.js';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
/** A pino log level. */
export type LogLevel = (typeof logLevels)[number];

/** Sentra's configuration, read from the environment once at start, validated and frozen. */
export interface Config {
  /** TCP port of the HTTP server (`PORT`, default 8080). */
  readonly port: number;
  /** Interface to bind (`HOST`, default 0.0.0.0). */
  readonly host: string;
  /** Folder for the embedded database and model artifacts (`SENTRA_DATA_DIR`, default ./data). */
  readonly dataDir: string;
  /** PostgreSQL connection string; when absent the embedded PGlite database in dataDir is used. */
  readonly databaseUrl: string | undefined;
  /** Redis connection string for the shared profile store; when absent profiles live in memory. */
  readonly redisUrl: string | undefined;
  /** A Redis Cluster in place of `REDIS_URL` (`REDIS_CLUSTER_NODES`, seed nodes `host:port,host:port`). */
  readonly redisCluster: RedisClusterTarget | undefined;
  /** Prefix of every Redis key Sentra writes (`SENTRA_REDIS_PREFIX`, default `sentra:profile`). */
  readonly redisKeyPrefix: string;
  /** If set on first start, an admin token with this value is created (`SENTRA_BOOTSTRAP_TOKEN`). */
  readonly bootstrapToken: string | undefined;
  /** Log level (`LOG_LEVEL`, default info). */
  readonly logLevel: LogLevel;
  /** Largest accepted request body in bytes (`SENTRA_BODY_LIMIT`, default 1 MiB). */
  readonly bodyLimitBytes: number;
  /** How long a request may wait for the database before it gets 503 (`SENTRA_DB_TIMEOUT_MS`, default 2000). */
  readonly databaseTimeoutMs: number;
  /**
   * Months of decisions kept (`SENTRA_DECISION_RETENTION_MONTHS`, default 0: kept forever): the sweep drops
   * the monthly decision partitions older than this many months before the current one (by payment time).
   */
  readonly decisionRetentionMonths: number;
  /**
   * Months of audit entries kept (`SENTRA_AUDIT_RETENTION_MONTHS`, default 0: kept forever): the sweep drops
   * the monthly audit partitions older than this, each with a signed anchor per tenant so the chain kept verifies.
   */
  readonly auditRetentionMonths: number;
  /** Most decisions that may wait to be written; one more is refused at once with 503 (`SENTRA_WRITE_BACKLOG`, default 1024). */
  readonly writeBacklog: number;
  /**
   * Milliseconds a decision that finds the writer idle waits for others to share its commit, when the
   * decision before it came less than this long ago (`SENTRA_COMMIT_DELAY_MS`, default 0).
   */
  readonly commitDelayMs: number;
  /** Heap limit in MB of the embedded database's worker thread (`SENTRA_DB_WORKER_HEAP_MB`, default unset: Node's own). */
  readonly databaseWorkerHeapMb: number | undefined;
  /** PostgreSQL `shared_buffers` of the embedded database in MB (`SENTRA_DB_SHARED_BUFFERS_MB`, default 16). */
  readonly databaseSharedBuffersMb: number;
  /**
   * Whether the embedded database flushes every commit to stable storage (`SENTRA_DB_FSYNC`, default
   * true). Off, an answered decision survives a crash of Sentra but not a power loss: only for
   * throwaway data.
   */
  readonly databaseFsync: boolean;
  /**
   * Seconds between the embedded database's maintenance passes, each a VACUUM and/or ANALYZE of the
   * one table that needs it most by autovacuum's rule (`SENTRA_DB_VACUUM_INTERVAL_SECONDS`, default
   * 60; 0 turns them off). Unused with PostgreSQL, whose autovacuum does this.
   */
  readonly databaseVacuumIntervalSeconds: number;
  /**
   * MB of WAL written since the embedded database's last checkpoint that make its maintenance pass
   * take one (`SENTRA_DB_CHECKPOINT_WAL_MB`, default 256); a checkpoint older than five minutes is
   * renewed too once 1 MB was written. Unused with PostgreSQL, whose checkpointer does this.
   */
  readonly databaseCheckpointWalMb: number;
  /** How far in the future a payment's `created_at` may lie, in ms (`SENTRA_CLOCK_SKEW_SECONDS`, default 300). */
  readonly clockSkewMs: number;
  /** Folder of the local artifact store (`SENTRA_ARTIFACT_DIR`, default dataDir/artifacts). */
  readonly artifactDir: string;
  /** Where model artifacts are stored (`SENTRA_ARTIFACT_STORE`, default `local`: the artifactDir folder). */
  readonly artifactStore: ArtifactStoreConfig;
  /** Largest model artifact file read or registered, in bytes (`SENTRA_MODEL_MAX_BYTES`, default 64 MiB). */
  readonly modelMaxBytes: number;
  /** Failed authentications a client address may make per minute before it gets 429 (`SENTRA_AUTH_FAILURE_LIMIT`, default 30). */
  readonly authFailureLimit: number;
  /** Requests per second each bearer token may make in one process (`SENTRA_TOKEN_RATE_LIMIT`, default 10000). */
  readonly tokenRateLimit: number;
  /** Requests per second each merchant API key may make unless its merchant sets its own (`SENTRA_MERCHANT_RATE_LIMIT`, default 2000). */
  readonly merchantRateLimit: number;
  /** Longest time a client may take to send a whole request (`SENTRA_REQUEST_TIMEOUT_MS`, default 30000). */
  readonly requestTimeoutMs: number;
  /** Longest a connection may stay silent before it is closed (`SENTRA_CONNECTION_TIMEOUT_MS`, default 60000). */
  readonly connectionTimeoutMs: number;
  /** Age of the oldest decision request in flight past which new ones get 503 (`SENTRA_SHED_AFTER_MS`, default 250; 0 = never shed). */
  readonly shedAfterMs: number;
  /** Decision requests always admitted whatever their age (`SENTRA_SHED_MIN_IN_FLIGHT`, default 64). */
  readonly shedMinInFlight: number;
  /** Longest `serve` drains in-flight requests and writes after SIGTERM before it exits anyway (`SENTRA_SHUTDOWN_TIMEOUT_MS`, default 30000). */
  readonly shutdownTimeoutMs: number;
  /** Buckets a `doc_s3_url` may name (`SENTRA_KYC_DOC_BUCKETS`, comma-separated, default `sentra-kyc-docs`). */
  readonly kycDocumentBuckets: readonly string[];
  /** KYC/KYB enrichment: job runner, provider, allowed buckets, jurisdictions, text retention. */
  readonly enrichment: EnrichmentConfig;
  /** Minutes to a case's SLA due time per decision level (`SENTRA_CASE_SLA_<BLOCK|HOLD|REVIEW|PASS>_MINUTES`, defaults 60/240/1440/2880). */
  readonly caseSlaMinutes: Readonly<Record<'BLOCK' | 'HOLD' | 'REVIEW' | 'PASS', number>>;
  /** The audit trail's signing key and checkpoints. */
  readonly audit: AuditConfig;
  /** The key that seals PSP feed secrets at rest. */
  readonly feedKey: FeedKeyConfig;
  /**
   * Whether outbound webhook endpoints may use plain http and loopback, private, link-local or other
   * non-public addresses (`SENTRA_WEBHOOK_ALLOW_PRIVATE`, default false: https to public addresses only).
   */
  readonly webhookAllowPrivate: boolean;
  /** How long a feed event rests in the inbox before it is processed, so deliveries out of order within it are processed in event-time order (`SENTRA_FEED_REORDER_MS`, default 2000). */
  readonly feedReorderMs: number;
}

/**
 * Where the installation's feed key (AES-256, sealing the PSP webhook secrets) comes from:
 * `SENTRA_FEED_KEY` (64 hex characters or 32 bytes in base64) when set, which scaled deployments
 * must use so every process shares it; otherwise, embedded, a key file in the data folder created
 * on first use. Scaled without the variable, feeds cannot be configured.
 */
export interface FeedKeyConfig {
  readonly value: Buffer | undefined;
  /** dataDir/feed-secrets.key in embedded mode; undefined in scaled mode. */
  readonly file: string | undefined;
}

function feedKey(env: Env, dataDir: string, scaled: boolean, problems: ProblemDetail[]): FeedKeyConfig {
  const raw = env.SENTRA_FEED_KEY;
  let value: Buffer | undefined;
  if (raw !== undefined && raw !== '') {
    value = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : /^[A-Za-z0-9+/_-]{43}=?$/.test(raw) ? Buffer.from(raw, 'base64') : undefined;
    if (value?.length !== 32) {
      problems.push({ code: 'format', path: 'SENTRA_FEED_KEY', message: 'SENTRA_FEED_KEY must be 32 bytes: 64 hex characters or 44 base64 characters (openssl rand -hex 32)' });
      value = undefined;
    }
  }
  return Object.freeze({ value, file: scaled ? undefined : resolve(dataDir, 'feed-secrets.key') });
}

/** Where the audit trail's signing key and checkpoint file live, and how often heads are checkpointed. */
export interface AuditConfig {
  /** Ed25519 private key (PKCS#8 PEM) signing checkpoints and exports (`SENTRA_AUDIT_KEY_FILE`, default dataDir/audit-signing-key.pem; created on first use). */
  readonly keyFile: string;
  /** Append-only file of signed checkpoints, outside the database (`SENTRA_AUDIT_CHECKPOINT_FILE`, default dataDir/audit-checkpoints.jsonl; empty turns it off). */
  readonly checkpointFile: string | undefined;
  /** Seconds between checkpoints of the heads that moved (`SENTRA_AUDIT_CHECKPOINT_SECONDS`, default 300; 0 turns the timer off). */
  readonly checkpointSeconds: number;
}

const artifactStoreKinds = ['local', 's3'] as const;
/** The kinds of artifact store: a local folder, or an S3-compatible object store. */
export type ArtifactStoreKind = (typeof artifactStoreKinds)[number];

/** The artifact store as configured: the local folder, or an S3-compatible bucket. */
export type ArtifactStoreConfig = { readonly kind: 'local'; readonly directory: string } | S3StoreConfig;

/** An S3-compatible artifact store (AWS S3, MinIO, Ceph, R2…); credentials come from the standard AWS chain. */
export interface S3StoreConfig {
  readonly kind: 's3';
  /** Bucket name (`SENTRA_S3_BUCKET`, required). */
  readonly bucket: string;
  /** Prefix of every object key, empty or ending in `/` (`SENTRA_S3_PREFIX`, default `sentra/`). */
  readonly prefix: string;
  /** Endpoint URL of an S3-compatible server (`SENTRA_S3_ENDPOINT`); absent means AWS S3. */
  readonly endpoint: string | undefined;
  /** Signing region (`SENTRA_S3_REGION`, default `us-east-1`). */
  readonly region: string;
  /** Path-style addressing, `endpoint/bucket/key`, which most self-hosted servers need (`SENTRA_S3_FORCE_PATH_STYLE`, default false). */
  readonly forcePathStyle: boolean;
  /** Longest one S3 request may take before it fails (`SENTRA_S3_TIMEOUT_MS`, default 60000). */
  readonly requestTimeoutMs: number;
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number, problems: ProblemDetail[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push({ code: 'range', path: name, message: `${name} must be an integer from ${min} to ${max}, got "${raw}"` });
    return fallback;
  }
  return value;
}

function url(env: Env, name: string, protocols: string[], problems: ProblemDetail[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  try {
    const parsed = new URL(raw);
    if (!protocols.includes(parsed.protocol)) {
      problems.push({ code: 'protocol', path: name, message: `${name} must start with ${protocols.join(' or ')}` });
    }
  } catch {
    problems.push({ code: 'format', path: name, message: `${name} is not a valid URL` });
  }
  return raw;
}

/**
 * `REDIS_CLUSTER_NODES`, which excludes `REDIS_URL`. Cluster keys carry hash tags in braces, so a
 * key prefix with a brace (which would move or empty the tag) is refused.
 */
function redisCluster(env: Env, problems: ProblemDetail[]): RedisClusterTarget | undefined {
  const raw = env.REDIS_CLUSTER_NODES;
  if (raw === undefined || raw === '') return undefined;
  const parsed = parseClusterNodes(raw);
  if (typeof parsed === 'string') {
    problems.push({ code: 'format', path: 'REDIS_CLUSTER_NODES', message: `REDIS_CLUSTER_NODES: ${parsed}` });
    return undefined;
  }
  if (env.REDIS_URL !== undefined && env.REDIS_URL !== '') {
    problems.push({ code: 'conflict', path: 'REDIS_CLUSTER_NODES', message: 'set REDIS_URL (one Redis) or REDIS_CLUSTER_NODES (a Redis Cluster), not both' });
  }
  if (/[{}]/.test(env.SENTRA_REDIS_PREFIX ?? '')) {
    problems.push({ code: 'format', path: 'SENTRA_REDIS_PREFIX', message: 'SENTRA_REDIS_PREFIX must not contain { or } with REDIS_CLUSTER_NODES (keys carry hash tags)' });
  }
  return parsed;
}

/** The Redis that profiles and shared rate limits use, if any: `REDIS_URL` or `REDIS_CLUSTER_NODES`. */
export function sharedRedis(config: Pick<Config, 'redisUrl' | 'redisCluster'>): RedisTarget | undefined {
  return config.redisUrl ?? config.redisCluster;
}

function boolean(env: Env, name: string, fallback: boolean, problems: ProblemDetail[]): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  problems.push({ code: 'enum', path: name, message: `${name} must be true or false, got "${raw}"` });
  return fallback;
}

// Letters, digits, dots and hyphens (S3's rule), plus the underscores some self-hosted servers allow.
const bucketPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{1,61}[A-Za-z0-9]$/;
const regionPattern = /^[A-Za-z0-9_-]{1,64}$/;

/** The key prefix as stored: no leading slash, no `.`/`..`/empty segments, ending in `/`. */
function s3Prefix(env: Env, problems: ProblemDetail[]): string {
  const raw = env.SENTRA_S3_PREFIX;
  if (raw === undefined || raw === '') return 'sentra/';
  const segments = raw.replace(/\/$/, '').split('/');
  if (raw.startsWith('/') || raw.includes('\\') || segments.some((segment) => segment === '' || segment === '.' || segment === '..')) {
    problems.push({
      code: 'format',
      path: 'SENTRA_S3_PREFIX',
      message: `SENTRA_S3_PREFIX must be a relative key prefix such as "sentra/" (no leading slash, no empty, "." or ".." parts), got "${raw}"`,
    });
  }
  return raw.endsWith('/') ? raw : `${raw}/`;
}

function artifactStore(env: Env, directory: string, problems: ProblemDetail[]): ArtifactStoreConfig {
  const kind = (env.SENTRA_ARTIFACT_STORE === undefined || env.SENTRA_ARTIFACT_STORE === '' ? 'local' : env.SENTRA_ARTIFACT_STORE) as ArtifactStoreKind;
  if (!artifactStoreKinds.includes(kind)) {
    problems.push({ code: 'enum', path: 'SENTRA_ARTIFACT_STORE', message: `SENTRA_ARTIFACT_STORE must be one of ${artifactStoreKinds.join(', ')}, got "${kind}"` });
  }
  // The S3 variables are checked even for a local store: a typo should not wait for the switch to s3.
  const bucket = env.SENTRA_S3_BUCKET ?? '';
  if (bucket === '' && kind === 's3') {
    problems.push({ code: 'required', path: 'SENTRA_S3_BUCKET', message: 'SENTRA_S3_BUCKET is required when SENTRA_ARTIFACT_STORE is s3' });
  } else if (bucket !== '' && !bucketPattern.test(bucket)) {
    problems.push({
      code: 'format',
      path: 'SENTRA_S3_BUCKET',
      message: `SENTRA_S3_BUCKET must be a bucket name (3 to 63 letters, digits, dots, hyphens or underscores, no s3:// and no slash), got "${bucket}"`,
    });
  }
  const region = env.SENTRA_S3_REGION === undefined || env.SENTRA_S3_REGION === '' ? 'us-east-1' : env.SENTRA_S3_REGION;
  if (!regionPattern.test(region)) {
    problems.push({ code: 'format', path: 'SENTRA_S3_REGION', message: `SENTRA_S3_REGION must be a region name such as us-east-1, got "${region}"` });
  }
  const s3: S3StoreConfig = {
    kind: 's3',
    bucket,
    prefix: s3Prefix(env, problems),
    endpoint: url(env, 'SENTRA_S3_ENDPOINT', ['http:', 'https:'], problems),
    region,
    forcePathStyle: boolean(env, 'SENTRA_S3_FORCE_PATH_STYLE', false, problems),
    requestTimeoutMs: integer(env, 'SENTRA_S3_TIMEOUT_MS', 60_000, 100, 600_000, problems),
  };
  return kind === 's3' ? Object.freeze(s3) : Object.freeze({ kind: 'local', directory });
}

/** The comma-separated bucket allowlist of `doc_s3_url`; every name must be a bucket name. */
function kycDocumentBuckets(env: Env, problems: ProblemDetail[]): readonly string[] {
  const raw = env.SENTRA_KYC_DOC_BUCKETS;
  const names = (raw === undefined || raw.trim() === '' ? 'sentra-kyc-docs' : raw).split(',').map((name) => name.trim());
  const invalid = names.filter((name) => !bucketPattern.test(name));
  if (invalid.length > 0) {
    problems.push({
      code: 'format',
      path: 'SENTRA_KYC_DOC_BUCKETS',
      message: `SENTRA_KYC_DOC_BUCKETS must be comma-separated bucket names, got ${invalid.map((name) => `"${name}"`).join(', ')}`,
    });
  }
  return Object.freeze(names);
}

/** Minutes to a case's SLA due time per decision level. */
function caseSlaMinutes(env: Env, problems: ProblemDetail[]): Config['caseSlaMinutes'] {
  const minutes = (level: string, fallback: number) => integer(env, `SENTRA_CASE_SLA_${level}_MINUTES`, fallback, 1, 525_600, problems);
  return Object.freeze({ BLOCK: minutes('BLOCK', 60), HOLD: minutes('HOLD', 240), REVIEW: minutes('REVIEW', 1440), PASS: minutes('PASS', 2880) });
}

/**
 * Reads and validates the configuration. Every problem is reported at once in one error, so an
 * operator fixes the environment in one go.
 */
export function loadConfig(env: Env = process.env): Config {
  const problems: ProblemDetail[] = [];
  const port = integer(env, 'PORT', 8080, 0, 65535, problems);
  const logLevel = (env.LOG_LEVEL ?? 'info') as LogLevel;
  if (!logLevels.includes(logLevel)) {
    problems.push({ code: 'enum', path: 'LOG_LEVEL', message: `LOG_LEVEL must be one of ${logLevels.join(', ')}` });
  }
  const bootstrapToken = env.SENTRA_BOOTSTRAP_TOKEN === '' ? undefined : env.SENTRA_BOOTSTRAP_TOKEN;
  if (bootstrapToken !== undefined && bootstrapToken.length < 16) {
    problems.push({ code: 'length', path: 'SENTRA_BOOTSTRAP_TOKEN', message: 'SENTRA_BOOTSTRAP_TOKEN must be at least 16 characters' });
  }
  const dataDir = resolve(env.SENTRA_DATA_DIR ?? './data');
  const artifactDir = resolve(env.SENTRA_ARTIFACT_DIR ?? resolve(dataDir, 'artifacts'));
  const config: Config = {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:'], problems),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:'], problems),
    redisCluster: redisCluster(env, problems),
    redisKeyPrefix: env.SENTRA_REDIS_PREFIX === undefined || env.SENTRA_REDIS_PREFIX === '' ? 'sentra:profile' : env.SENTRA_REDIS_PREFIX,
    bootstrapToken,
    logLevel,
    bodyLimitBytes: integer(env, 'SENTRA_BODY_LIMIT', 1024 * 1024, 1024, 64 * 1024 * 1024, problems),
    databaseTimeoutMs: integer(env, 'SENTRA_DB_TIMEOUT_MS', 2000, 50, 60_000, problems),
    decisionRetentionMonths: integer(env, 'SENTRA_DECISION_RETENTION_MONTHS', 0, 0, 1200, problems),
    auditRetentionMonths: integer(env, 'SENTRA_AUDIT_RETENTION_MONTHS', 0, 0, 1200, problems),
    writeBacklog: integer(env, 'SENTRA_WRITE_BACKLOG', 1024, 1, 1_000_000, problems),
    commitDelayMs: integer(env, 'SENTRA_COMMIT_DELAY_MS', 0, 0, 1000, problems),
    databaseWorkerHeapMb: integer(env, 'SENTRA_DB_WORKER_HEAP_MB', 0, 0, 1_048_576, problems) || undefined,
    databaseSharedBuffersMb: integer(env, 'SENTRA_DB_SHARED_BUFFERS_MB', 16, 1, 65_536, problems),
    databaseFsync: boolean(env, 'SENTRA_DB_FSYNC', true, problems),
    databaseVacuumIntervalSeconds: integer(env, 'SENTRA_DB_VACUUM_INTERVAL_SECONDS', 60, 0, 86_400, problems),
    databaseCheckpointWalMb: integer(env, 'SENTRA_DB_CHECKPOINT_WAL_MB', 256, 1, 1_048_576, problems),
    clockSkewMs: integer(env, 'SENTRA_CLOCK_SKEW_SECONDS', 300, 0, 31_536_000, problems) * 1000,
    artifactDir,
    artifactStore: artifactStore(env, artifactDir, problems),
    modelMaxBytes: integer(env, 'SENTRA_MODEL_MAX_BYTES', 64 * 1024 * 1024, 1024, 1024 * 1024 * 1024, problems),
    authFailureLimit: integer(env, 'SENTRA_AUTH_FAILURE_LIMIT', 30, 1, 1_000_000, problems),
    tokenRateLimit: integer(env, 'SENTRA_TOKEN_RATE_LIMIT', 10_000, 1, 1_000_000, problems),
    merchantRateLimit: integer(env, 'SENTRA_MERCHANT_RATE_LIMIT', 2000, 1, 1_000_000, problems),
    requestTimeoutMs: integer(env, 'SENTRA_REQUEST_TIMEOUT_MS', 30_000, 100, 600_000, problems),
    connectionTimeoutMs: integer(env, 'SENTRA_CONNECTION_TIMEOUT_MS', 60_000, 100, 600_000, problems),
    shedAfterMs: integer(env, 'SENTRA_SHED_AFTER_MS', 250, 0, 600_000, problems),
    shedMinInFlight: integer(env, 'SENTRA_SHED_MIN_IN_FLIGHT', 64, 1, 1_000_000, problems),
    shutdownTimeoutMs: integer(env, 'SENTRA_SHUTDOWN_TIMEOUT_MS', 30_000, 100, 600_000, problems),
    kycDocumentBuckets: kycDocumentBuckets(env, problems),
    enrichment: enrichmentConfig(env, problems),
    caseSlaMinutes: caseSlaMinutes(env, problems),
    audit: {
      keyFile: resolve(env.SENTRA_AUDIT_KEY_FILE || resolve(dataDir, 'audit-signing-key.pem')),
      checkpointFile: env.SENTRA_AUDIT_CHECKPOINT_FILE === '' ? undefined : resolve(env.SENTRA_AUDIT_CHECKPOINT_FILE ?? resolve(dataDir, 'audit-checkpoints.jsonl')),
      checkpointSeconds: integer(env, 'SENTRA_AUDIT_CHECKPOINT_SECONDS', 300, 0, 86_400, problems),
    },
    feedKey: feedKey(env, dataDir, env.DATABASE_URL !== undefined && env.DATABASE_URL !== '', problems),
    feedReorderMs: integer(env, 'SENTRA_FEED_REORDER_MS', 2000, 0, 600_000, problems),
    webhookAllowPrivate: boolean(env, 'SENTRA_WEBHOOK_ALLOW_PRIVATE', false, problems),
  };
  if (problems.length > 0) {
    throw new SentraError('SENTRA_ERR_CONFIG', `Invalid configuration: ${problems.map((p) => p.message).join('; ')}`, {
      details: problems,
    });
  }
  return Object.freeze(config);
}
