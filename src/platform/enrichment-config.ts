import type { ProblemDetail } from '../errors/errors.js';

type Env = Record<string, string | undefined>;

const workerModes = ['in-process', 'off'] as const;
/** Where jobs run: inside the server process, or only in `sentra worker` processes. */
export type WorkerMode = (typeof workerModes)[number];

const providerKinds = ['builtin', 'openai'] as const;
/** Which enrichment provider analyses KYC/KYB documents. */
export type ProviderKind = (typeof providerKinds)[number];

/** The job runner's settings. */
export interface WorkerConfig {
  /** `SENTRA_WORKER` (default in-process); `off` leaves the jobs to `sentra worker` processes. */
  readonly mode: WorkerMode;
  /** Jobs one process runs at a time (`SENTRA_WORKER_CONCURRENCY`, default 2). */
  readonly concurrency: number;
  /** Poll interval when the queue is empty (`SENTRA_WORKER_POLL_MS`, default 500). */
  readonly pollIntervalMs: number;
  /** Longest attempt (`SENTRA_JOB_TIMEOUT_MS`, default 30000). */
  readonly attemptTimeoutMs: number;
  /** Attempts before the dead-letter state (`SENTRA_JOB_MAX_ATTEMPTS`, default 5). */
  readonly maxAttempts: number;
  /**
   * Event-loop utilization, in percent, above which the server's in-process runner yields to
   * scoring: one job at a time with a pause between jobs (`SENTRA_WORKER_YIELD_PERCENT`, default
   * 50; 100 never yields). `sentra worker` processes do not yield: they have nothing else to do.
   */
  readonly yieldPercent: number;
  /**
   * The most of the embedded database's one connection, in percent, that the server's in-process
   * runner holds while scoring and the API use it (`SENTRA_WORKER_DB_SHARE_PERCENT`, default 25;
   * 100 sets no limit). With no other caller in the last second it takes all it needs.
   */
  readonly databaseSharePercent: number;
  /** First retry delay (`SENTRA_JOB_BACKOFF_MS`, default 2000) and the cap (`SENTRA_JOB_BACKOFF_MAX_MS`, default 600000). */
  readonly backoff: { readonly baseMs: number; readonly maxMs: number };
  /**
   * Days a done job is kept after it finished (`SENTRA_JOB_DONE_RETENTION_DAYS`, default 7; 0: deleted
   * at the next sweep). Dead jobs are not deleted: they stay until an admin retries them.
   */
  readonly doneRetentionDays: number;
}

/** The OpenAI-compatible chat provider (hosted APIs and local servers). */
export interface OpenAiProviderConfig {
  /** `SENTRA_LLM_BASE_URL` (default https://api.openai.com/v1). */
  readonly baseUrl: string;
  /** `SENTRA_LLM_MODEL` (required with the openai provider). */
  readonly model: string;
  /** `SENTRA_LLM_API_KEY` (local servers accept any value). */
  readonly apiKey: string;
  /** `SENTRA_LLM_TIMEOUT_MS` (default 20000). */
  readonly timeoutMs: number;
  /** Tokens a tenant may spend per UTC day (`SENTRA_LLM_TENANT_DAILY_TOKENS`, default 200000). */
  readonly tenantDailyTokens: number;
}

/** KYC/KYB enrichment settings. */
export interface EnrichmentConfig {
  readonly worker: WorkerConfig;
  /** `SENTRA_ENRICHMENT_PROVIDER` (default builtin). */
  readonly provider: ProviderKind;
  readonly openai: OpenAiProviderConfig;
  /** How KYC documents are read from S3 (`SENTRA_KYC_S3_ENDPOINT`/`_REGION`/`_FORCE_PATH_STYLE`, defaulting to the SENTRA_S3_* values). */
  readonly documentStore: { readonly endpoint: string | undefined; readonly region: string; readonly forcePathStyle: boolean };
  /** ISO country codes treated as high-risk jurisdictions (`SENTRA_HIGH_RISK_COUNTRIES`). */
  readonly highRiskCountries: readonly string[];
  /** Days a (masked) text_blob is kept; 0 deletes it as soon as it is analysed (`SENTRA_KYC_TEXT_RETENTION_DAYS`, default 30). */
  readonly textRetentionDays: number;
}

/** FATF "call for action" jurisdictions (2025): the default list, to be set by each operator. */
const defaultHighRiskCountries = ['KP', 'IR', 'MM'];

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

function choice<T extends string>(env: Env, name: string, values: readonly T[], problems: ProblemDetail[]): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return values[0]!;
  if (!(values as readonly string[]).includes(raw)) problems.push({ code: 'enum', path: name, message: `${name} must be one of ${values.join(', ')}, got "${raw}"` });
  return (values as readonly string[]).includes(raw) ? (raw as T) : values[0]!;
}

const list = (raw: string | undefined) => (raw ?? '').split(',').map((item) => item.trim()).filter((item) => item !== '');

const first = (...values: (string | undefined)[]) => values.find((value) => value !== undefined && value !== '');

/** Reads the enrichment and worker settings, adding every problem found to `problems`. */
export function enrichmentConfig(env: Env, problems: ProblemDetail[]): EnrichmentConfig {
  const provider = choice(env, 'SENTRA_ENRICHMENT_PROVIDER', providerKinds, problems);
  const model = env.SENTRA_LLM_MODEL ?? '';
  if (provider === 'openai' && model === '') {
    problems.push({ code: 'required', path: 'SENTRA_LLM_MODEL', message: 'SENTRA_LLM_MODEL is required when SENTRA_ENRICHMENT_PROVIDER is openai' });
  }
  const baseUrl = env.SENTRA_LLM_BASE_URL === undefined || env.SENTRA_LLM_BASE_URL === '' ? 'https://api.openai.com/v1' : env.SENTRA_LLM_BASE_URL;
  if (!/^https?:\/\//.test(baseUrl)) problems.push({ code: 'protocol', path: 'SENTRA_LLM_BASE_URL', message: 'SENTRA_LLM_BASE_URL must start with http:// or https://' });
  const countries = env.SENTRA_HIGH_RISK_COUNTRIES === undefined ? defaultHighRiskCountries : list(env.SENTRA_HIGH_RISK_COUNTRIES).map((code) => code.toUpperCase());
  for (const code of countries) {
    if (!/^[A-Z]{2}$/.test(code)) problems.push({ code: 'format', path: 'SENTRA_HIGH_RISK_COUNTRIES', message: `SENTRA_HIGH_RISK_COUNTRIES holds two-letter country codes, got "${code}"` });
  }
  return Object.freeze({
    worker: Object.freeze({
      mode: choice(env, 'SENTRA_WORKER', workerModes, problems),
      concurrency: integer(env, 'SENTRA_WORKER_CONCURRENCY', 2, 1, 256, problems),
      pollIntervalMs: integer(env, 'SENTRA_WORKER_POLL_MS', 500, 10, 60_000, problems),
      attemptTimeoutMs: integer(env, 'SENTRA_JOB_TIMEOUT_MS', 30_000, 10, 3_600_000, problems),
      maxAttempts: integer(env, 'SENTRA_JOB_MAX_ATTEMPTS', 5, 1, 100, problems),
      yieldPercent: integer(env, 'SENTRA_WORKER_YIELD_PERCENT', 50, 1, 100, problems),
      databaseSharePercent: integer(env, 'SENTRA_WORKER_DB_SHARE_PERCENT', 25, 1, 100, problems),
      backoff: Object.freeze({
        baseMs: integer(env, 'SENTRA_JOB_BACKOFF_MS', 2_000, 1, 3_600_000, problems),
        maxMs: integer(env, 'SENTRA_JOB_BACKOFF_MAX_MS', 600_000, 1, 86_400_000, problems),
      }),
      doneRetentionDays: integer(env, 'SENTRA_JOB_DONE_RETENTION_DAYS', 7, 0, 3650, problems),
    }),
    provider,
    openai: Object.freeze({
      baseUrl,
      model,
      apiKey: env.SENTRA_LLM_API_KEY ?? 'none',
      timeoutMs: integer(env, 'SENTRA_LLM_TIMEOUT_MS', 20_000, 10, 600_000, problems),
      tenantDailyTokens: integer(env, 'SENTRA_LLM_TENANT_DAILY_TOKENS', 200_000, 0, 1_000_000_000, problems),
    }),
    documentStore: Object.freeze({
      endpoint: first(env.SENTRA_KYC_S3_ENDPOINT, env.SENTRA_S3_ENDPOINT),
      region: first(env.SENTRA_KYC_S3_REGION, env.SENTRA_S3_REGION) ?? 'us-east-1',
      forcePathStyle: (first(env.SENTRA_KYC_S3_FORCE_PATH_STYLE, env.SENTRA_S3_FORCE_PATH_STYLE) ?? 'false') === 'true',
    }),
    highRiskCountries: Object.freeze(countries),
    textRetentionDays: integer(env, 'SENTRA_KYC_TEXT_RETENTION_DAYS', 30, 0, 3650, problems),
  });
}
