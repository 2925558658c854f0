import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { Authenticator } from '../tenants/authenticator.js';
import type { Principal } from '../tenants/tenant.repository.js';
import type { Role } from '../contract/admin.js';
import { SentraError } from '../errors/errors.js';
import { RateLimitedError } from './rate-limited-error.js';
import { declareAccess } from './route-access.js';
import type { AuthFailureLimiter } from './auth-failure-limiter.js';
import type { KeyRateLimiter } from '../platform/key-rate-limiter.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated caller; set by the auth hook on protected routes. */
    principal?: Principal;
  }
  interface FastifyInstance {
    /** Failed authentications per client address (see createServer). */
    readonly authFailures: AuthFailureLimiter | undefined;
    /** Requests per second per bearer token, counted in memory or shared through Redis (see createServer). */
    readonly tokenRates: { readonly limiter: KeyRateLimiter; readonly perSecond: number } | undefined;
  }
}

const bearerPattern = /^Bearer\s+(\S+)\s*$/i;

/**
 * A hook that admits a request only with a live bearer token of one of the roles. It runs on
 * request, before the body is read, so an anonymous caller never costs a parse. A client address
 * past its limit of failed authentications gets 429 without a database lookup, unless its token
 * was verified recently (a real caller behind the same address keeps working). The hook declares
 * its access rule, so a route using it needs no other declaration.
 */
export function requireRole(authenticator: Authenticator, allowed: readonly Role[]): onRequestAsyncHookHandler {
  async function authenticate(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const header = request.headers.authorization;
    const match = header === undefined ? null : bearerPattern.exec(header);
    if (match === null) throw new SentraError('SENTRA_ERR_UNAUTHENTICATED', 'Send Authorization: Bearer <token>.');
    const token = match[1]!;
    const limiter = request.server.authFailures;
    const blockedFor = limiter?.blockedFor(request.ip) ?? 0;
    const principal = blockedFor > 0 ? authenticator.recentlyVerified(token) : await authenticator.authenticate(token);
    if (principal === undefined && blockedFor > 0) throw new RateLimitedError(blockedFor, 'Too many failed authentications from this address; retry later.');
    if (principal === undefined) {
      limiter?.recordFailure(request.ip);
      throw new SentraError('SENTRA_ERR_UNAUTHENTICATED', 'The bearer token is unknown or revoked.');
    }
    const rates = request.server.tokenRates;
    if (rates !== undefined) {
      // Token ids and merchant key ids share the limiter: the prefix keeps their counters apart.
      const verdict = await rates.limiter.admit(`token:${principal.tokenId}`, rates.perSecond);
      if (!verdict.admitted) throw new RateLimitedError(verdict.retryAfterSeconds, 'This token exceeded its requests per second (SENTRA_TOKEN_RATE_LIMIT); retry in a second.');
    }
    if (!allowed.includes(principal.role)) {
      throw new SentraError('SENTRA_ERR_FORBIDDEN', `This operation needs the role ${allowed.join(' or ')}; the token has ${principal.role}.`);
    }
    request.principal = principal;
  }
  return declareAccess(authenticate, { kind: 'token', roles: Object.freeze([...allowed]) });
}

/** The principal of an authenticated request (the route must use requireRole). */
export function principalOf(request: FastifyRequest): Principal {
  if (request.principal === undefined) throw new SentraError('SENTRA_ERR_UNAUTHENTICATED');
  return request.principal;
}
