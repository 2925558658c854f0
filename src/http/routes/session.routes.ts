import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Authenticator } from '../../tenants/authenticator.js';
import { roles } from '../../contract/admin.js';
import { ErrorResponse } from '../../contract/error-response.js';
import { principalOf, requireRole } from '../auth.js';

const Session = Type.Object({
  tenant_id: Type.String(),
  token_id: Type.String(),
  role: Type.Unsafe<(typeof roles)[number]>({ type: 'string', enum: [...roles] }),
});

/** `GET /v1/me`: who a token is (tenant, token id, role), so a client can check it and show what the role may do. */
export function registerSessionRoutes(app: FastifyInstance, authenticator: Authenticator): void {
  app.get(
    '/v1/me',
    {
      onRequest: requireRole(authenticator, roles),
      schema: { tags: ['scoring'], summary: "The calling token's tenant, id and role", response: { 200: Session, 401: ErrorResponse } },
    },
    async (request) => {
      const principal = principalOf(request);
      return { tenant_id: principal.tenantId, token_id: principal.tokenId, role: principal.role };
    },
  );
}
