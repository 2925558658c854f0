import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { Authenticator } from '../tenants/authenticator.js';
import type { Principal } from '../tenants/tenant.repository.js';
import type { Role } from '../tenants/token.js';
import { SentraError } from '../errors/errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated caller; set by the auth hook on protected routes. */
    principal?: Principal;
  }
}

const bearerPattern = /^Bearer\s+(\S+)\s*$/i;

/**
 * A hook that admits a request only with a live bearer token of one of the roles. It runs on
 * request, before the body is read, so an anonymous caller never costs a parse.
 */
export function requireRole(authenticator: Authenticator, allowed: readonly Role[]): onRequestAsyncHookHandler {
  return async function authenticate(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const header = request.headers.authorization;
    const match = header === undefined ? null : bearerPattern.exec(header);
    if (match === null) throw new SentraError('SENTRA_ERR_UNAUTHENTICATED', 'Send Authorization: Bearer <token>.');
    const principal = await authenticator.authenticate(match[1]!);
    if (principal === undefined) throw new SentraError('SENTRA_ERR_UNAUTHENTICATED', 'The bearer token is unknown or revoked.');
    if (!allowed.includes(principal.role)) {
      throw new SentraError('SENTRA_ERR_FORBIDDEN', `This operation needs the role ${allowed.join(' or ')}; the token has ${principal.role}.`);
    }
    request.principal = principal;
  };
}

/** The principal of an authenticated request (the route must use requireRole). */
export function principalOf(request: FastifyRequest): Principal {
  if (request.principal === undefined) throw new SentraError('SENTRA_ERR_UNAUTHENTICATED');
  return request.principal;
}
