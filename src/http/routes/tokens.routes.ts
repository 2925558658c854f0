import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from '@sinclair/typebox';
import type { Database } from '../../platform/database-schema.js';
import type { Clock } from '../../platform/clock.js';
import type { Authenticator } from '../../tenants/authenticator.js';
import { issueToken, listTokens, revokeToken } from '../../tenants/token-admin.js';
import { ErrorResponse } from '../../contract/error-response.js';
import { CreateTokenBody, IssuedTokenView, TokenList } from '../../contract/admin.js';
import { principalOf, requireRole } from '../auth.js';
import { credentialExpiry } from '../../tenants/credential-expiry.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };
const iso = (value: Date | null) => value?.toISOString() ?? null;

/** `POST/GET/DELETE /v1/admin/tokens`: the credentials of the caller's tenant (admin role). */
export function registerTokenRoutes(app: FastifyInstance, authenticator: Authenticator, db: Kysely<Database>, clock: Clock): void {
  const admin = requireRole(authenticator, ['admin']);
  const act = (actor: string) => ({ actor, at: new Date(clock.now()) });
  app.post<{ Body: CreateTokenBody }>(
    '/v1/admin/tokens',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: 'Issue a token (service, analyst or admin); the secret is in this answer only',
        body: CreateTokenBody,
        response: { 201: IssuedTokenView, ...errors },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const expiresAt = credentialExpiry(request.body.expires_at, clock.now(), '/expires_at');
      const issued = await issueToken(db, { tenantId: principal.tenantId, name: request.body.name, role: request.body.role, expiresAt }, act(principal.tokenId));
      void reply.status(201);
      return { token_id: issued.tokenId, token: issued.token, name: issued.name, role: issued.role, expires_at: iso(issued.expiresAt) };
    },
  );
  app.get(
    '/v1/admin/tokens',
    { onRequest: admin, schema: { tags: ['admin'], summary: "The tenant's tokens with their last use (never the secret)", response: { 200: TokenList, ...errors } } },
    async (request) => {
      const tokens = await listTokens(db, principalOf(request).tenantId);
      return {
        items: tokens.map((token) => ({
          token_id: token.tokenId,
          name: token.name,
          role: token.role,
          created_at: token.createdAt.toISOString(),
          last_used_at: iso(token.lastUsedAt),
          revoked_at: iso(token.revokedAt),
          expires_at: iso(token.expiresAt),
        })),
      };
    },
  );
  app.delete<{ Params: { token_id: string } }>(
    '/v1/admin/tokens/:token_id',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: 'Revoke a token: at once in this process, within 5 s in every other',
        params: Type.Object({ token_id: Type.String({ minLength: 1, maxLength: 128 }) }),
        response: { 204: Type.Null(), 404: ErrorResponse, ...errors },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      await revokeToken(db, principal.tenantId, request.params.token_id, act(principal.tokenId));
      authenticator.forget();
      return reply.status(204).send();
    },
  );
}
