import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { readToken } from '../session/token-storage';

/** The error body every Sentra route answers with. */
export interface ApiErrorBody {
  error: { code: string; message: string; request_id?: string; details: { code: string; path: string; message: string }[] };
}

/** An API call that failed, with the server's error body when there was one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody | undefined,
  ) {
    super(body?.error.message ?? `The server answered ${status}.`);
    this.name = 'ApiError';
  }
}

let onUnauthenticated: () => void = () => undefined;

/** Called when the server rejects the stored token (revoked or unknown): the console signs out. */
export function whenUnauthenticated(handler: () => void): void {
  onUnauthenticated = handler;
}

const bearer: Middleware = {
  onRequest({ request }) {
    const token = readToken();
    if (token !== null && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ response, request }) {
    if (response.status === 401 && request.headers.has('authorization')) onUnauthenticated();
    return response;
  },
};

/** The typed client of the server's API; its paths and bodies come from the generated schema. */
export const api = createClient<paths>({ baseUrl: globalThis.location?.origin ?? 'http://localhost' });
api.use(bearer);

/** The data of an openapi-fetch answer, or an ApiError (for react-query). */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || result.data === undefined) {
    throw new ApiError(result.response.status, result.error as ApiErrorBody | undefined);
  }
  return result.data;
}

/** An answer without a body (204 No Content): nothing to unwrap, but a failure is still an ApiError. */
export function ensureOk(result: { error?: unknown; response: Response }): void {
  if (!result.response.ok) throw new ApiError(result.response.status, result.error as ApiErrorBody | undefined);
}

/** The located problems of a failed call (the server's `details`, each with its field path); none for other failures. */
export function problemsOf(error: unknown): ApiErrorBody['error']['details'] {
  return error instanceof ApiError ? (error.body?.error.details ?? []) : [];
}
