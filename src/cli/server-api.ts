import { SentraError, errorCatalogue, type ErrorCode, type ProblemDetail } from '../errors/errors.js';

/** A running server the CLI talks to instead of opening its data folder: its URL and an admin token. */
export interface ServerTarget {
  readonly url: string;
  readonly token: string;
}

/** The environment variable holding the bearer token of `--server` calls (never a command-line argument: it would show in `ps`). */
export const serverTokenVariable = 'SENTRA_TOKEN';

/** The target of `--server <url>`, its token from SENTRA_TOKEN; a clear usage error when either is unusable. */
export function serverTarget(url: string): ServerTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SentraError('SENTRA_ERR_VALIDATION', `--server ${url} is not a URL (e.g. http://127.0.0.1:8080)`, { details: [{ code: 'format', path: '--server', message: 'expected http(s)://host:port' }] });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new SentraError('SENTRA_ERR_VALIDATION', `--server ${url} must be an http or https URL`, { details: [{ code: 'format', path: '--server', message: 'expected http(s)://host:port' }] });
  }
  const token = process.env[serverTokenVariable];
  if (token === undefined || token === '') {
    throw new SentraError('SENTRA_ERR_UNAUTHENTICATED', `--server needs an admin token of the tenant in ${serverTokenVariable}`);
  }
  return { url: parsed.toString().replace(/\/$/, ''), token };
}

/** Calls the server's API; its error body becomes the same SentraError (code, message, details) the CLI prints for local failures. */
export async function callServer<T>(target: ServerTarget, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${target.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${target.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    throw new SentraError('SENTRA_ERR_STORE_UNAVAILABLE', `Cannot reach the server at ${target.url}: ${error instanceof Error ? (error.cause as Error | undefined)?.message ?? error.message : String(error)}`);
  }
  const text = await response.text();
  if (response.ok) return JSON.parse(text) as T;
  let failure: { code?: string; message?: string; details?: ProblemDetail[] } = {};
  try {
    failure = (JSON.parse(text) as { error?: typeof failure }).error ?? {};
  } catch {
    // Not Sentra's error body: report the status below.
  }
  const code: ErrorCode = failure.code !== undefined && failure.code in errorCatalogue ? (failure.code as ErrorCode) : 'SENTRA_ERR_INTERNAL';
  throw new SentraError(code, `${target.url} answered ${response.status}: ${failure.message ?? text.slice(0, 200)}`, { details: failure.details ?? [] });
}
