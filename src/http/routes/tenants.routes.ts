import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database-schema.js';
import type { Clock } from '../../platform/clock.js';
import type { Authenticator } from '../../tenants/authenticator.js';
import { createTenant, installationTenantId } from '../../tenants/tenant-admin.js';
import { SentraError } from '../../errors/errors.js';
import { ErrorResponse } from '../../contract/error-response.js';
import { CreatedTenantView, CreateTenantBody } from '../../contract/admin.js';
import { principalOf, requireRole } from '../auth.js';

/** `POST /v1/admin/tenants`: a new tenant with its first admin token (installation admins only). */
export function registerTenantRoutes(app: FastifyInstance, authenticator: Authenticator, db: Kysely<Database>, clock: Clock): void {
  app.post<{ Body: CreateTenantBody }>(
    '/v1/admin/tenants',
    {
      onRequest: requireRole(authenticator, ['admin']),
      schema: {
        tags: ['admin'],
        summary: 'Create a tenant and its first admin token (admins of the installation tenant only)',
        body: CreateTenantBody,
        response: { 201: CreatedTenantView, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      if (principal.tenantId !== installationTenantId) {
        throw new SentraError('SENTRA_ERR_FORBIDDEN', `Only admins of the installation tenant "${installationTenantId}" create tenants.`);
      }
      const created = await createTenant(db, { tenantId: request.body.tenant_id, name: request.body.name }, { actor: principal.tokenId, at: new Date(clock.now()) });
      void reply.status(201);
      const { admin } = created;
      return { tenant_id: created.tenantId, name: created.name, admin_token: { token_id: admin.tokenId, token: admin.token, name: admin.name, role: admin.role, expires_at: admin.expiresAt?.toISOString() ?? null } };
    },
  );
}
