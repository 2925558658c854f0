import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { SentraError } from '../errors/errors.js';
import type { MerchantAuthenticator, MerchantPrincipal } from '../merchants/merchant-authenticator.js';
import type { KeyRateLimiter } from '../platform/key-rate-limiter.js';
import { RateLimitedError } from './rate-limited-error.js';
import { declareAccess, type MerchantErrorBody } from './route-access.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated merchant; set by the merchant-key hook. */
    merchantPrincipal?: MerchantPrincipal;
  }
}

/** What the merchant-key hook needs. */
export interface MerchantAuthOptions {
  authenticator: MerchantAuthenticator;
  limiter: KeyRateLimiter;
  /** Requests per second per key when the merchant sets none. */
  defaultRatePerSecond: number;
}

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/**
 * A hook that admits a request only with a live `X-Api-Key` of the merchant named by
 * `X-Merchant-Id` (a key of another merchant, a revoked key or a missing header: 401), then counts
 * it against the key's per-second limit (429 with Retry-After). It runs on request, before the body
 * is read. Like the bearer hook, a client address past its failed-authentication limit gets 429.
 */
export function requireMerchantKey(options: MerchantAuthOptions, errorBody: MerchantErrorBody): onRequestAsyncHookHandler {
  async function authenticate(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const apiKey = header(request, 'x-api-key');
    const merchantId = header(request, 'x-merchant-id');
    if (apiKey === undefined || merchantId === undefined) throw new SentraError('SENTRA_ERR_UNAUTHENTICATED', 'Send X-Api-Key and X-Merchant-Id.');
    const failures = request.server.authFailures;
    const blockedFor = failures?.blockedFor(request.ip) ?? 0;
    if (blockedFor > 0) throw new RateLimitedError(blockedFor, 'Too many failed authentications from this address; retry later.');
    const principal = await options.authenticator.authenticate(apiKey, merchantId);
    if (principal === undefined) {
      failures?.recordFailure(request.ip);
      throw new SentraError('SENTRA_ERR_UNAUTHENTICATED', 'The API key is unknown, revoked, or not a key of this merchant.');
    }
    const verdict = await options.limiter.admit(principal.keyId, principal.merchant.rateLimitPerSecond ?? options.defaultRatePerSecond);
    if (!verdict.admitted) throw new RateLimitedError(verdict.retryAfterSeconds, 'This API key is past its requests per second; retry after the time Retry-After gives.');
    request.merchantPrincipal = principal;
  }
  return declareAccess(authenticate, { kind: 'merchant-key', errorBody });
}

/** The merchant of an authenticated request (the route must use requireMerchantKey). */
export function merchantOf(request: FastifyRequest): MerchantPrincipal {
  if (request.merchantPrincipal === undefined) throw new SentraError('SENTRA_ERR_UNAUTHENTICATED');
  return request.merchantPrincipal;
}
